package crawl

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/temoto/robotstxt"

	"github.com/stockholm-stad/smaudit/scanner"
)

// robotsCache keeps each origin's robots.txt for the life of the Client.
// It fetches robots.txt through the Client itself, so the fetch gets the
// same politeness, limits, guard and cancellation as any request (colly's
// own robots handling ignores the request context and has no size limit).
type robotsCache struct {
	mu      sync.Mutex
	origins map[string]*robotsEntry
}

// robotsEntry is one origin's rules; lock is a one-token channel so a
// waiter can give up when its context ends.
type robotsEntry struct {
	lock chan struct{}
	data *robotstxt.RobotsData
}

func newRobotsCache() *robotsCache {
	return &robotsCache{origins: make(map[string]*robotsEntry)}
}

func (rc *robotsCache) entry(origin string) *robotsEntry {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e, ok := rc.origins[origin]
	if !ok {
		e = &robotsEntry{lock: make(chan struct{}, 1)}
		rc.origins[origin] = e
	}
	return e
}

// allowed reports whether robots.txt of u's origin lets agent fetch u. The
// first caller per origin fetches the file while others wait for it.
func (rc *robotsCache) allowed(ctx context.Context, c *Client, u *url.URL, agent string) (bool, error) {
	origin := u.Scheme + "://" + strings.ToLower(u.Host)
	e := rc.entry(origin)
	select {
	case e.lock <- struct{}{}:
	case <-ctx.Done():
		return false, canceledError(ctx, u.String())
	}
	defer func() { <-e.lock }()

	if e.data == nil {
		data, err := c.loadRobots(ctx, origin, u.Host)
		if err != nil {
			return false, err
		}
		e.data = data
	}
	return e.data.TestAgent(robotsPath(u), agent), nil
}

// loadRobots fetches and parses origin's robots.txt. As search engines do,
// a missing file (4xx) or one that cannot be parsed allows everything. A
// server error is not cached: it fails this page, and the next page of the
// origin asks again.
func (c *Client) loadRobots(ctx context.Context, origin, host string) (*robotstxt.RobotsData, error) {
	robotsURL := origin + "/robots.txt"
	resp, ferr := c.fetch(ctx, scanner.Request{URL: robotsURL, Accept: "text/plain"}, host)
	status := http.StatusOK
	switch {
	case ferr == nil:
	case ferr.Kind == scanner.ErrHTTPStatus && ferr.StatusCode >= 500:
		ferr.Detail = "robots.txt unavailable: " + ferr.Detail
		return nil, ferr
	case ferr.Kind == scanner.ErrHTTPStatus:
		// 4xx, and a redirect chain too long to follow, mean "no rules".
		status = http.StatusNotFound
	default:
		return nil, ferr
	}
	var body []byte
	if status == http.StatusOK {
		body = resp.Body
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		c.log.Warn("robots.txt unreadable; treating it as allowing everything", "url", robotsURL, "error", err)
		return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	return data, nil
}

// robotsPath is the part of u that robots.txt rules match against.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}
