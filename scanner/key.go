package scanner

import (
	"net/url"
	"strings"
)

// Key identifies the account across scans and files: its registry link
// with scheme, "www.", host case and a trailing slash ignored, so a link
// retyped slightly differently is still the same account.
func (a Account) Key() string {
	raw := strings.TrimSpace(a.URL)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return strings.ToLower(raw)
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	key := host + strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key
}
