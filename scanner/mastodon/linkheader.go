package mastodon

import (
	"net/http"
	"net/url"
	"strings"
)

// nextLink returns the rel="next" target of the Link headers in h,
// resolved against the page it came with, or "" when there is none.
// Mastodon sends `<https://HOST/...?max_id=ID>; rel="next", <...>; rel="prev"`.
func nextLink(h http.Header, base *url.URL) string {
	for _, v := range h.Values("Link") {
		for _, part := range splitLinks(v) {
			target, params, ok := strings.Cut(part, ";")
			target = strings.TrimSpace(target)
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
				continue
			}
			if !hasRel(params, "next") {
				continue
			}
			u, err := url.Parse(target[1 : len(target)-1])
			if err != nil {
				continue
			}
			return base.ResolveReference(u).String()
		}
	}
	return ""
}

// splitLinks splits a Link header value at the commas between links,
// leaving commas inside <...> alone.
func splitLinks(v string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range v {
		switch r {
		case '<':
			depth++
		case '>':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				parts = append(parts, v[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, v[start:])
}

// hasRel reports whether the link parameters name rel among their relations.
func hasRel(params, rel string) bool {
	for _, p := range strings.Split(params, ";") {
		k, val, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "rel") {
			continue
		}
		for _, r := range strings.Fields(strings.Trim(strings.TrimSpace(val), `"`)) {
			if strings.EqualFold(r, rel) {
				return true
			}
		}
	}
	return false
}
