package meta

import (
	"net/url"
	"strings"
)

// pageKey identifies a Graph page request whatever the order of its
// query parameters and without its token: Graph writes paging.next with
// the parameters in its own order.
func pageKey(u string) string {
	p, err := url.Parse(stripToken(u))
	if err != nil {
		return u
	}
	q := p.Query()
	q.Del("pretty")
	return strings.ToLower(p.Scheme+"://"+p.Host) + p.EscapedPath() + "?" + q.Encode()
}
