package registry

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// duplicateLinks warns about every account whose link points where an
// earlier row's link already does. column is the link column's header.
func duplicateLinks(name, column string, accounts []scanner.Account) []Problem {
	first := make(map[string]int) // link key -> row that has it first
	var out []Problem
	for _, acc := range accounts {
		key, ok := linkKey(acc)
		if !ok {
			continue
		}
		row, seen := first[key]
		if !seen {
			first[key] = acc.Row
			continue
		}
		out = append(out, Problem{File: name, Row: acc.Row, Column: column,
			Message: fmt.Sprintf("rows %d and %d have the same link %q", row, acc.Row, acc.URL), Severity: SeverityWarning})
	}
	return out
}

// linkKey returns what makes two links the same account: the host without
// regard to case, the path without a trailing slash, and the query; the
// scheme (http or https) and any fragment do not count. The Mastodon forms
// @name@host, HOST/@name and HOST/users/name of one account share a key.
func linkKey(acc scanner.Account) (string, bool) {
	if acc.Platform == scanner.Mastodon {
		host, name, ok := mastodonHandle(acc.URL)
		if !ok {
			host, name, ok = mastodonURL(acc.URL)
		}
		if ok {
			return strings.ToLower(host) + "/@" + strings.ToLower(name), true
		}
	}
	if httpURLProblem(acc.URL) != "" {
		return "", false
	}
	u, err := url.Parse(acc.URL)
	if err != nil {
		return "", false
	}
	key := strings.ToLower(u.Host) + strings.TrimRight(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key, true
}
