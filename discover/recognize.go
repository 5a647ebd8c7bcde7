// Package discover finds social-media accounts the city links to, on its
// own web pages and on the profiles of the accounts it already audits, and
// lists those the registry does not know. The policy asks every account to
// be registered; a link from a city page is the usual trace of one that
// was forgotten.
package discover

import (
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Platforms discovery recognises beyond the scanner's own.
const (
	TikTok  scanner.Platform = "tiktok"
	Threads scanner.Platform = "threads"
)

// Account is a social-media account recognised from a link.
type Account struct {
	Platform scanner.Platform
	// URL is the account's canonical address: https, the platform's main
	// host, and the account's path without posts, queries or fragments.
	URL string
	// Key identifies the account whatever way it was written: the
	// platform and the lower-cased identity, such as
	// "facebook:kulturforvaltningen", "youtube:@kulturhuset" or
	// "mastodon:name@social.example".
	Key string
}

// hostPrefixes are subdomains that serve the same site as the bare host.
var hostPrefixes = []string{"www.", "m.", "mobile.", "web."}

// canonicalHost lower-cases host, writes an internationalised name in
// its ASCII (punycode) form, and drops a trailing dot and the
// www./m./mobile./web. prefixes. A host that is no valid domain name
// gives "".
func canonicalHost(host string) string {
	host = asciiHost(strings.TrimSuffix(strings.ToLower(host), "."))
	for {
		cut := false
		for _, p := range hostPrefixes {
			if rest, ok := strings.CutPrefix(host, p); ok && strings.Contains(rest, ".") {
				host, cut = rest, true
			}
		}
		if !cut {
			return host
		}
	}
}

// Recognize reports whether raw links to a social-media account, and
// which. It accepts links to the account itself and to a post of it (an
// X status, a Mastodon toot), and refuses links that name no account:
// share buttons, help and policy pages, searches, single videos. LinkedIn
// profiles of persons (/in/) are not the city's accounts and are refused.
func Recognize(raw string) (Account, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return Account{}, false
	}
	host := canonicalHost(u.Hostname())
	segs := segments(u)
	switch {
	case host == "facebook.com" || host == "fb.com" || localeHost(host, "facebook.com"):
		return facebook(segs, u.Query())
	case host == "instagram.com":
		return instagram(segs)
	case host == "x.com" || host == "twitter.com":
		return twitter(segs)
	case host == "linkedin.com" || localeHost(host, "linkedin.com"):
		return linkedin(segs)
	case host == "youtube.com":
		return youtube(segs)
	case host == "bsky.app":
		return bluesky(segs)
	case host == "tiktok.com":
		return atAccount(TikTok, "https://www.tiktok.com/", segs, nameChars+".")
	case host == "threads.net" || host == "threads.com":
		return atAccount(Threads, "https://www.threads.net/", segs, nameChars+".")
	case notFediverse[host] || !strings.Contains(host, "."):
		return Account{}, false
	}
	return mastodon(host, segs)
}

// localeHost reports whether host is a language or country host of
// domain, such as sv-se.facebook.com or se.linkedin.com.
func localeHost(host, domain string) bool {
	sub, ok := strings.CutSuffix(host, "."+domain)
	if !ok {
		return false
	}
	lang, country, pair := strings.Cut(sub, "-")
	if !pair {
		return len(sub) == 2 && validName(sub, "abcdefghijklmnopqrstuvwxyz", 2)
	}
	return len(lang) == 2 && len(country) == 2 && validName(lang+country, "abcdefghijklmnopqrstuvwxyz", 4)
}

// segments splits u's path into its non-empty, unescaped segments.
func segments(u *url.URL) []string {
	var out []string
	for _, s := range strings.Split(u.Path, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// nameChars are the characters every platform allows in a user name.
const nameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"

// validName reports whether s is 1 to max characters, all from allowed.
func validName(s, allowed string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(allowed, r) {
			return false
		}
	}
	return true
}

// account builds an Account from its canonical URL and key identity.
func account(p scanner.Platform, canonical, identity string) (Account, bool) {
	return Account{Platform: p, URL: canonical, Key: string(p) + ":" + strings.ToLower(identity)}, true
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
