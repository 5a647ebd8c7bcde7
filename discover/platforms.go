package discover

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
)

// The recognisers of each platform's account addresses. Each takes the
// path segments of a link whose host is the platform's and refuses paths
// that name no account.

// facebookReserved are first path segments that are Facebook's own pages.
var facebookReserved = set("sharer", "sharer.php", "share", "share.php", "dialog", "policies", "policy.php", "help",
	"events", "login", "login.php", "logout.php", "privacy", "terms", "terms.php", "legal", "watch", "marketplace",
	"gaming", "plugins", "tr", "hashtag", "search", "photo.php", "photo", "photos", "story.php", "permalink.php",
	"home.php", "settings", "notifications", "messages", "l.php", "ads", "business", "about", "careers", "reg",
	"recover", "checkpoint", "bookmarks", "friends", "video.php", "media", "stories", "reel", "live", "fundraisers",
	"profile.php", "pages", "groups", "people", "public", "places", "directory", "r.php", "campaign", "sem_campaigns", "p")

// facebook recognises a page or profile by its user name, or by its
// numeric id in any of the addresses Facebook writes for one without a
// user name: /profile.php?id=ID, /pages/Name/ID, /people/Name/ID,
// /p/Name-ID and /Name-ID. The name part of those is the page's name as
// written, any letters (percent-encoded: /p/Sant%C3%A9-Publique-6155…),
// and only the id counts, so every spelling of one page gives one key.
// User names themselves are ASCII: "Usernames can only contain
// alphanumeric characters (A–Z, 0–9) and periods" (Facebook Help Centre,
// "Guidelines for creating a custom username", 105399436216001).
func facebook(segs []string, q url.Values) (Account, bool) {
	if len(segs) == 0 {
		return Account{}, false
	}
	first := strings.ToLower(segs[0])
	switch {
	case first == "profile.php":
		return facebookID(q.Get("id"), "https://www.facebook.com/profile.php?id=")
	case first == "groups" && len(segs) >= 2 && validName(segs[1], nameChars+".-", 100):
		return account(scanner.Facebook, "https://www.facebook.com/groups/"+segs[1], "groups/"+segs[1])
	case first == "pages" && len(segs) >= 3:
		// The old page address /pages/Name/ID; the ID alone still leads there.
		return facebookID(segs[len(segs)-1], "https://www.facebook.com/")
	case first == "people" && len(segs) >= 3:
		// /people/Name/ID of a profile or new-style page without a user
		// name; /people/Name/pfbid… carries an obfuscated id that cannot be
		// compared with the page's other addresses and is refused.
		return facebookID(segs[2], "https://www.facebook.com/profile.php?id=")
	case first == "p" && len(segs) >= 2:
		return facebookID(namedID(segs[1]), "https://www.facebook.com/profile.php?id=")
	case facebookReserved[first]:
		return Account{}, false
	}
	if id := namedID(segs[0]); id != "" {
		return facebookID(id, "https://www.facebook.com/")
	}
	if validName(segs[0], "0123456789", 25) {
		return facebookID(segs[0], "https://www.facebook.com/")
	}
	if !validName(segs[0], nameChars+".-", 80) {
		return Account{}, false
	}
	return account(scanner.Facebook, "https://www.facebook.com/"+segs[0], segs[0])
}

// facebookID builds the account of a numeric page or profile id; base is
// the address the id is appended to.
func facebookID(id, base string) (Account, bool) {
	if !validName(id, "0123456789", 25) {
		return Account{}, false
	}
	return account(scanner.Facebook, base+id, id)
}

// namedID returns the id of a Facebook address segment "Page-Name-ID":
// the page's name with hyphens for spaces, a hyphen, and an id of at
// least six digits (a user name holds no hyphen, so this is never one).
// The name may hold any visible character but no space. "" when seg is
// not of that form.
func namedID(seg string) string {
	i := strings.LastIndexByte(seg, '-')
	if i <= 0 || !utf8.ValidString(seg) {
		return ""
	}
	name, id := seg[:i], seg[i+1:]
	if len(id) < 6 || !validName(id, "0123456789", 25) {
		return ""
	}
	for _, r := range name {
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) {
			return ""
		}
	}
	return id
}

var instagramReserved = set("p", "reel", "reels", "tv", "explore", "accounts", "about", "legal", "developer",
	"direct", "web", "emails", "challenge", "privacy", "terms", "directory", "session", "ar", "topics", "s", "oauth")

func instagram(segs []string) (Account, bool) {
	if len(segs) == 0 {
		return Account{}, false
	}
	name := segs[0]
	if strings.EqualFold(name, "stories") && len(segs) >= 2 {
		name = segs[1]
	} else if instagramReserved[strings.ToLower(name)] {
		return Account{}, false
	}
	if !validName(name, nameChars+".", 30) {
		return Account{}, false
	}
	return account(scanner.Instagram, "https://www.instagram.com/"+name, name)
}

var twitterReserved = set("intent", "share", "home", "i", "search", "hashtag", "explore", "notifications", "messages",
	"settings", "login", "logout", "signup", "tos", "privacy", "compose", "account", "en", "help", "about", "jobs",
	"download", "oauth", "widgets", "web", "x", "twitter")

func twitter(segs []string) (Account, bool) {
	if len(segs) == 0 || twitterReserved[strings.ToLower(segs[0])] || !validName(segs[0], nameChars, 15) {
		return Account{}, false
	}
	return account(scanner.X, "https://x.com/"+segs[0], segs[0])
}

// linkedin recognises company, showcase and school pages. Their address
// is made from the organisation's name and may hold its letters
// (linkedin.com/company/%C3%A4lgamo-software-ab); LinkedIn shows it in
// lower case, so the key is too.
func linkedin(segs []string) (Account, bool) {
	if len(segs) < 2 {
		return Account{}, false
	}
	kind := strings.ToLower(segs[0])
	if kind != "company" && kind != "showcase" && kind != "school" {
		return Account{}, false
	}
	name := composed(segs[1])
	if !validLetters(name, "_-.", 100) {
		return Account{}, false
	}
	return account(scanner.LinkedIn, "https://www.linkedin.com/"+kind+"/"+escapedName(name), kind+"/"+name)
}

// youtube recognises a channel by its handle (/@name), its id
// (/channel/UC…), its legacy custom URL (/c/name) or its legacy user name
// (/user/name). Handles are "3-30 characters", "letters or numbers from
// one of our 75 supported languages" and may also hold "underscores (_),
// hyphens (-), periods (.), and Latin middle dots (·)" (YouTube Help,
// "Handles overview", 11585688); custom URLs were made from the channel's
// name in its own script (youtube.com/c/%EC%A0%95%EC%8A%B9%EB%A0%AC).
// Channel ids and legacy user names are ASCII.
func youtube(segs []string) (Account, bool) {
	if len(segs) == 0 {
		return Account{}, false
	}
	first := segs[0]
	if name, ok := strings.CutPrefix(first, "@"); ok {
		name = composed(name)
		if !validLetters(name, "_-.·", 100) {
			return Account{}, false
		}
		return account(scanner.YouTube, "https://www.youtube.com/@"+escapedName(name), "@"+name)
	}
	kind := strings.ToLower(first)
	if len(segs) < 2 || (kind != "channel" && kind != "c" && kind != "user") {
		return Account{}, false
	}
	name := composed(segs[1])
	switch {
	case kind == "channel" && (!strings.HasPrefix(name, "UC") || !validName(name, nameChars+"-", 40)):
		return Account{}, false
	case kind == "user" && !validName(name, nameChars+".-", 100):
		return Account{}, false
	case !validLetters(name, "_-.", 100):
		return Account{}, false
	}
	return account(scanner.YouTube, "https://www.youtube.com/"+kind+"/"+escapedName(name), kind+"/"+name)
}

func bluesky(segs []string) (Account, bool) {
	if len(segs) < 2 || !strings.EqualFold(segs[0], "profile") || !validName(segs[1], nameChars+".-:", 253) {
		return Account{}, false
	}
	return account(scanner.Bluesky, "https://bsky.app/profile/"+segs[1], segs[1])
}

// atAccount recognises a platform whose accounts live at /@name.
func atAccount(p scanner.Platform, base string, segs []string, allowed string) (Account, bool) {
	if len(segs) == 0 {
		return Account{}, false
	}
	name, ok := strings.CutPrefix(segs[0], "@")
	if !ok || !validName(name, allowed, 64) {
		return Account{}, false
	}
	return account(p, base+"@"+name, name)
}

// notFediverse are hosts with /@name addresses that are not Mastodon
// accounts (or are recognised as their own platform above).
var notFediverse = set("medium.com", "substack.com", "youtu.be", "tiktok.com", "threads.net", "threads.com",
	"vimeo.com", "pinterest.com", "soundcloud.com", "linktr.ee", "npmjs.com", "giphy.com", "flickr.com")

// mastodonViews are the tabs of a Mastodon profile.
var mastodonViews = set("with_replies", "media", "followers", "following")

// mastodon recognises https://host/@name, its posts /@name/123 and a
// remote account shown by another server, https://host/@name@home.
func mastodon(host string, segs []string) (Account, bool) {
	if len(segs) == 0 || len(segs) > 2 || strings.HasSuffix(host, ".medium.com") || strings.HasSuffix(host, ".substack.com") {
		return Account{}, false
	}
	if len(segs) == 2 && !validName(segs[1], "0123456789", 30) && !mastodonViews[segs[1]] {
		return Account{}, false
	}
	name, ok := strings.CutPrefix(segs[0], "@")
	if !ok {
		return Account{}, false
	}
	return mastodonHandle(name, host)
}

// mastodonHandle builds a Mastodon account from "name" on host, or from
// "name@home", which lives on home whatever server shows it.
func mastodonHandle(name, host string) (Account, bool) {
	if user, home, ok := strings.Cut(name, "@"); ok {
		name, host = user, canonicalHost(home)
	}
	if !validName(name, nameChars+".-", 64) || !validHost(host) {
		return Account{}, false
	}
	return account(scanner.Mastodon, "https://"+host+"/@"+name, name+"@"+host)
}

// validHost reports whether host looks like a DNS name with a dot.
func validHost(host string) bool {
	return strings.Contains(host, ".") && !strings.HasPrefix(host, ".") && !strings.HasSuffix(host, ".") &&
		validName(host, "abcdefghijklmnopqrstuvwxyz0123456789.-", 253)
}
