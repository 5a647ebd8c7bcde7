package discover

import (
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// KeyOf returns the comparison key of a registry row's link (Länk), as
// Recognize gives it for links found on the web. Beyond web addresses it
// reads what people write in a registry: an address without https://, a
// Mastodon handle "@name@host" or its actor address https://host/users/name,
// and a bare "@name" handle on platforms whose handles name the account.
// A row whose link names no recognisable account matches nothing.
func KeyOf(acc scanner.Account) (string, bool) {
	raw := strings.TrimSpace(acc.URL)
	if raw == "" {
		return "", false
	}
	if a, ok := Recognize(raw); ok {
		return a.Key, true
	}
	if !strings.Contains(raw, "://") && strings.Contains(raw, "/") && !strings.HasPrefix(raw, "@") {
		if a, ok := Recognize("https://" + raw); ok {
			return a.Key, true
		}
		raw = "https://" + raw
	}
	platform := acc.Platform
	if platform == "" {
		platform = scanner.Platform(strings.ToLower(strings.TrimSpace(acc.PlatformName)))
	}
	if platform == scanner.Mastodon {
		if key, ok := mastodonActor(raw); ok {
			return key, true
		}
	}
	if strings.Contains(raw, "/") {
		return "", false
	}
	return handleKey(platform, raw)
}

// mastodonActor recognises a Mastodon actor address, https://host/users/name.
func mastodonActor(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "", false
	}
	segs := segments(u)
	if len(segs) != 2 || segs[0] != "users" {
		return "", false
	}
	a, ok := mastodonHandle(segs[1], canonicalHost(u.Hostname()))
	return a.Key, ok
}

// handleKey reads a bare handle as the registry's platform column names it.
func handleKey(p scanner.Platform, handle string) (string, bool) {
	name := strings.TrimPrefix(handle, "@")
	if strings.Contains(name, "@") {
		a, ok := mastodonHandle(name, "")
		return a.Key, ok
	}
	var a Account
	var ok bool
	switch p {
	case scanner.X:
		a, ok = twitter([]string{name})
	case scanner.Instagram:
		a, ok = instagram([]string{name})
	case scanner.Facebook:
		a, ok = facebook([]string{name}, nil)
	case scanner.Bluesky:
		a, ok = bluesky([]string{"profile", name})
	case scanner.YouTube:
		a, ok = youtube([]string{"@" + name})
	case TikTok:
		a, ok = atAccount(TikTok, "", []string{"@" + name}, nameChars+".")
	case Threads:
		a, ok = atAccount(Threads, "", []string{"@" + name}, nameChars+".")
	}
	return a.Key, ok
}
