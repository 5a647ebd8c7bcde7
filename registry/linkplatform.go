package registry

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// platformHost names the hosts that a platform's accounts live on. The
// first domain is the one messages name. A host matches a domain when it
// is the domain or a subdomain of it (www.facebook.com, sv-se.facebook.com,
// m.youtube.com).
type platformHost struct {
	platform scanner.Platform
	name     string // as people write it, for messages
	domains  []string
}

// platformHosts lists every platform whose accounts live on hosts of its
// own; Mastodon, blogs and websites are on anyone's.
var platformHosts = []platformHost{
	{scanner.Facebook, "Facebook", []string{"facebook.com", "fb.com", "fb.me"}},
	{scanner.Instagram, "Instagram", []string{"instagram.com", "instagr.am"}},
	{scanner.X, "X", []string{"x.com", "twitter.com"}},
	{scanner.LinkedIn, "LinkedIn", []string{"linkedin.com", "lnkd.in"}},
	{scanner.YouTube, "YouTube", []string{"youtube.com", "youtu.be"}},
	{scanner.Bluesky, "Bluesky", []string{"bsky.app"}},
	{"tiktok", "TikTok", []string{"tiktok.com"}},
	{"threads", "Threads", []string{"threads.net", "threads.com"}},
}

// hostPlatform returns the platform whose domains host belongs to, with
// its display name.
func hostPlatform(host string) (scanner.Platform, string, bool) {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, p := range platformHosts {
		for _, d := range p.domains {
			if host == d || strings.HasSuffix(host, "."+d) {
				return p.platform, p.name, true
			}
		}
	}
	return "", "", false
}

// linkHost returns the host a registry link points at: the host of an
// http(s) URL, or the server of a Mastodon handle @name@host. It reports
// false for anything else, which the loader has already called a bad link.
func linkHost(link string) (string, bool) {
	if host, _, ok := mastodonHandle(link); ok {
		u, err := url.Parse("https://" + host)
		if err != nil {
			return "", false
		}
		return u.Hostname(), true
	}
	if httpURLProblem(link) != "" {
		return "", false
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", false
	}
	return u.Hostname(), true
}

// platformMismatch returns why acc's link cannot be an account on its
// platform, or "" when it can be or the check does not apply. A link on
// another platform's host never fits; an account of a platform with hosts
// of its own must be on one of them; a Mastodon account may be on any
// other server; blogs, websites and platforms the tool does not know take
// any link.
func platformMismatch(acc scanner.Account) string {
	if acc.Platform == scanner.Web || acc.URL == "" {
		return ""
	}
	host, ok := linkHost(acc.URL)
	if !ok {
		return ""
	}
	on, onName, known := hostPlatform(host)
	own := ownHosts(acc.Platform)
	if own == nil && acc.Platform != scanner.Mastodon {
		return ""
	}
	switch {
	case known && on == acc.Platform:
		return ""
	case known:
		return fmt.Sprintf("%q links to %s, but the platform is %q", acc.URL, onName, acc.PlatformName)
	case own != nil:
		return fmt.Sprintf("%q is not on %s, where %s accounts are", acc.URL, own.domains[0], own.name)
	}
	return ""
}

// ownHosts returns the host entry of platform p, or nil when its accounts
// do not live on hosts of its own.
func ownHosts(p scanner.Platform) *platformHost {
	for i := range platformHosts {
		if platformHosts[i].platform == p {
			return &platformHosts[i]
		}
	}
	return nil
}
