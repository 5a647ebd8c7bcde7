package meta

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

var (
	// fbUsernameRe matches a Facebook user name: letters, digits and
	// periods, not starting with a period.
	fbUsernameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.]*$`)
	// fbIDRe matches a numeric page or profile id.
	fbIDRe = regexp.MustCompile(`^[0-9]{1,25}$`)
	// fbNamedIDRe matches the slug of a page without a user name,
	// "Some-Page-Name-123456789012345", whose last part is the page id.
	fbNamedIDRe = regexp.MustCompile(`^[^/]+-([0-9]{6,25})$`)
	// igUsernameRe matches an Instagram user name.
	igUsernameRe = regexp.MustCompile(`^[a-z0-9._]{1,30}$`)
)

// fbReserved are first path segments that are Facebook's own pages, not
// a page or profile.
var fbReserved = map[string]bool{
	"groups": true, "events": true, "watch": true, "marketplace": true, "gaming": true,
	"hashtag": true, "search": true, "share": true, "sharer": true, "sharer.php": true,
	"login": true, "login.php": true, "help": true, "policies": true, "privacy": true,
	"photo.php": true, "story.php": true, "permalink.php": true, "home.php": true,
	"settings": true, "notifications": true, "messages": true, "business": true,
	"pages": true, "people": true, "p": true,
}

// igReserved are first path segments that are Instagram's own pages.
var igReserved = map[string]bool{
	"p": true, "reel": true, "reels": true, "tv": true, "stories": true, "explore": true,
	"accounts": true, "direct": true, "about": true, "legal": true, "developer": true,
	"web": true, "challenge": true, "emails": true, "privacy": true,
}

const (
	facebookForms  = "want https://www.facebook.com/NAME, https://www.facebook.com/profile.php?id=ID or https://www.facebook.com/pages/NAME/ID"
	instagramForms = "want https://www.instagram.com/NAME/"
)

// ParseFacebookURL returns the page id or user name a registry link names,
// as the Graph API accepts it. It reads https://www.facebook.com/NAME (any
// facebook.com host, such as m.facebook.com, with or without a trailing
// slash or query), /profile.php?id=ID, /pages/NAME/ID, /people/NAME/ID,
// /p/Some-Name-ID and /Some-Name-ID. Any other shape is a
// *scanner.FetchError of kind ErrInvalidInput.
func ParseFacebookURL(raw string) (string, error) {
	invalid := func(why string) (string, error) {
		return "", &scanner.FetchError{
			Kind:   scanner.ErrInvalidInput,
			URL:    raw,
			Detail: "not a Facebook page link (" + why + "): " + facebookForms,
		}
	}
	u, segs, ok := splitLink(raw)
	if !ok {
		return invalid("not an http(s) link")
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if host != "facebook.com" && !strings.HasSuffix(host, ".facebook.com") && host != "fb.com" {
		return invalid("not a facebook.com address")
	}
	switch {
	case len(segs) == 1 && strings.EqualFold(segs[0], "profile.php"):
		if id := u.Query().Get("id"); fbIDRe.MatchString(id) {
			return id, nil
		}
		return invalid("profile.php without a numeric id")
	case len(segs) == 3 && (segs[0] == "pages" || segs[0] == "people"):
		if fbIDRe.MatchString(segs[2]) {
			return segs[2], nil
		}
		return invalid("the last part of a /" + segs[0] + "/ link is not a numeric id")
	case len(segs) == 2 && segs[0] == "p":
		// /p/Page-Name-ID, the address Facebook gives a page without a
		// user name; the name may hold any letters (å, ä, ö).
		if m := fbNamedIDRe.FindStringSubmatch(segs[1]); m != nil {
			return m[1], nil
		}
		return invalid("a /p/ link without a page id at its end")
	case len(segs) != 1:
		return invalid("the path is not a single page name")
	case fbReserved[strings.ToLower(segs[0])]:
		return invalid("/" + segs[0] + " is not a page")
	case fbUsernameRe.MatchString(segs[0]):
		return segs[0], nil
	}
	if m := fbNamedIDRe.FindStringSubmatch(segs[0]); m != nil {
		return m[1], nil
	}
	return invalid("no valid page name")
}

// ParseInstagramURL returns the user name a registry link names:
// https://www.instagram.com/NAME/ (with or without www or the trailing
// slash, query strings ignored). User names are lower-cased, as Instagram
// treats them. Any other shape is a *scanner.FetchError of kind
// ErrInvalidInput.
func ParseInstagramURL(raw string) (string, error) {
	invalid := func(why string) (string, error) {
		return "", &scanner.FetchError{
			Kind:   scanner.ErrInvalidInput,
			URL:    raw,
			Detail: "not an Instagram account link (" + why + "): " + instagramForms,
		}
	}
	u, segs, ok := splitLink(raw)
	if !ok {
		return invalid("not an http(s) link")
	}
	switch strings.ToLower(u.Hostname()) {
	case "instagram.com", "www.instagram.com", "m.instagram.com":
	default:
		return invalid("not an instagram.com address")
	}
	if len(segs) != 1 {
		return invalid("the path is not a single account name")
	}
	name := strings.ToLower(segs[0])
	if igReserved[name] || !igUsernameRe.MatchString(name) || strings.Trim(name, ".") == "" {
		return invalid("no valid account name")
	}
	return name, nil
}

// splitLink parses an http(s) link and returns its non-empty path
// segments.
func splitLink(raw string) (*url.URL, []string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, nil, false
	}
	var segs []string
	for _, s := range strings.Split(u.Path, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	return u, segs, true
}
