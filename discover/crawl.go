package discover

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/htmlpage"
)

// DefaultMaxPages is how many pages Crawl fetches when told zero.
const DefaultMaxPages = 200

// Found is a social-media account linked from a page or a profile.
type Found struct {
	Account Account
	Page    string // the page (or the registry URL of the profile) with the link
}

// Failure is a page the crawl could not read. Robots.txt refusals are
// failures too: the page may link to accounts nobody looked for.
type Failure struct {
	Page   string
	Reason string              // short, in English, for logs
	Err    *scanner.FetchError // the fetch error, for a report to explain in its language
}

// Crawl reads the site breadth first from site, following links within
// the same site (www. and the bare host are one site; http and https too)
// down to depth links from the start page (0 reads only the start page)
// and at most maxPages pages (DefaultMaxPages when 0). Every page goes
// through f as a page for people, so robots.txt, politeness and the
// private-network guard apply. It returns every account link found, in
// crawl order, and the pages that could not be read. The error is set
// only for an unusable site address or when ctx ends; what was found
// until then is returned with it.
func Crawl(ctx context.Context, f scanner.Fetcher, site string, depth, maxPages int) ([]Found, []Failure, error) {
	start, err := startURL(site)
	if err != nil {
		return nil, nil, err
	}
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	c := &crawler{f: f, site: siteHost(start.Hostname()), seen: map[string]bool{}, found: map[Found]bool{}}
	c.mark(start)
	queue := []queued{{start, 0}}
	for fetched := 0; len(queue) > 0 && fetched < maxPages; fetched++ {
		if err := ctx.Err(); err != nil {
			return c.out, c.failures, fmt.Errorf("crawl %s: %w", site, err)
		}
		q := queue[0]
		queue = queue[1:]
		links, err := c.visit(ctx, q.u)
		if err != nil {
			return c.out, c.failures, fmt.Errorf("crawl %s: %w", site, err)
		}
		if q.depth >= depth {
			continue
		}
		for _, l := range links {
			if c.follow(l) {
				queue = append(queue, queued{l, q.depth + 1})
			}
		}
	}
	return c.out, c.failures, nil
}

// queued is a page waiting to be read, with its distance from the start.
type queued struct {
	u     *url.URL
	depth int
}

// crawler is the state of one Crawl.
type crawler struct {
	f        scanner.Fetcher
	site     string          // the site's host, without www.
	seen     map[string]bool // pages queued or read, by visitKey
	found    map[Found]bool
	out      []Found
	failures []Failure
}

// startURL checks and normalises the site address.
func startURL(site string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(site))
	if err != nil {
		return nil, fmt.Errorf("site %q: %w", site, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, fmt.Errorf("site %q: not an http(s) address", site)
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u, nil
}

// visit reads one page and returns its links; it records the accounts
// linked and any failure. Only an ended context is an error.
func (c *crawler) visit(ctx context.Context, u *url.URL) ([]*url.URL, error) {
	page := u.String()
	resp, err := c.f.Fetch(ctx, scanner.Request{URL: page, Accept: "text/html", Page: true})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		fe := scanner.AsFetchError(err)
		c.failures = append(c.failures, Failure{Page: page, Reason: reason(fe), Err: fe})
		return nil, nil
	}
	final := u
	if resp.URL != "" {
		if f, err := url.Parse(resp.URL); err == nil && f.Host != "" {
			final = f
		}
	}
	c.mark(final)
	if !c.sameSite(final) || !isHTML(resp) {
		return nil, nil
	}
	p, err := parsePage(htmlpage.Decode(resp.Body, resp.Header.Get("Content-Type")), final)
	if err != nil {
		fe := &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: page, Detail: err.Error(), Err: err}
		c.failures = append(c.failures, Failure{Page: page, Reason: reason(fe), Err: fe})
		return nil, nil
	}
	for _, acc := range p.accounts {
		c.add(Found{Account: acc, Page: page})
	}
	return p.pages, nil
}

// add records a found account once per page.
func (c *crawler) add(f Found) {
	if !c.found[f] {
		c.found[f] = true
		c.out = append(c.out, f)
	}
}

// follow reports whether l is a page of the site not yet queued, and
// marks it queued.
func (c *crawler) follow(l *url.URL) bool {
	if !c.sameSite(l) || looksLikeFile(l.Path) || c.seen[visitKey(l)] {
		return false
	}
	c.mark(l)
	return true
}

func (c *crawler) mark(u *url.URL) { c.seen[visitKey(u)] = true }

func (c *crawler) sameSite(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && siteHost(u.Hostname()) == c.site
}

// siteHost is a host name as sites use it: lower case, without www.
func siteHost(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	return strings.TrimPrefix(host, "www.")
}

// visitKey identifies a page whatever the scheme, www. prefix or
// fragment: the same page is never read twice.
func visitKey(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	key := siteHost(u.Hostname())
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		key += ":" + port
	}
	key += p
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key
}

// isHTML reports whether resp is an HTML page; a response without a
// Content-Type is sniffed.
func isHTML(resp *scanner.Response) bool {
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(resp.Body)
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// reason says in a few English words why a page could not be read.
func reason(fe *scanner.FetchError) string {
	switch {
	case fe.Kind == scanner.ErrRobots:
		return "robots.txt forbids the page"
	case fe.StatusCode != 0:
		return fmt.Sprintf("HTTP %d", fe.StatusCode)
	case fe.Detail != "":
		return string(fe.Kind) + ": " + fe.Detail
	}
	return string(fe.Kind)
}
