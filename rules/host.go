package rules

import (
	"net/url"
	"strings"
)

// cityDomains always count as an administration's website.
var cityDomains = []string{"stockholm.se", "start.stockholm"}

// hostOf returns the lower-case host of an http(s) URL, or "" when raw is
// not one. A scheme-less "stockholm.se/kultur" counts as https.
func hostOf(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.ContainsAny(raw, " \t\n") {
		return ""
	}
	if !strings.Contains(raw, "://") {
		if strings.ContainsAny(raw, ":@") || !strings.Contains(raw, ".") {
			return "" // mailto:, tel:, e-mail addresses and plain words
		}
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// bareDomain normalises a domain as a person writes it in config or the
// registry ("https://www.Kulturhuset.se/"): the host without "www.", or ""
// when there is none.
func bareDomain(d string) string {
	h := hostOf(d)
	if !strings.Contains(h, ".") {
		return ""
	}
	return strings.TrimPrefix(h, "www.")
}

// hostWithin reports whether host is domain or one of its subdomains.
func hostWithin(host, domain string) bool {
	if host == "" || domain == "" {
		return false
	}
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// sameSite reports whether two hosts are the same, ignoring "www.".
func sameSite(a, b string) bool {
	return a != "" && strings.TrimPrefix(a, "www.") == strings.TrimPrefix(b, "www.")
}
