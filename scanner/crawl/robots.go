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

// robotsCache keeps each origin's robots.txt for the life of the Client,
// that is one scan. It fetches robots.txt through the Client itself, so the
// fetch gets the same politeness, limits, guard and cancellation as any
// request (colly's own robots handling ignores the request context and has
// no size limit). A failure is kept too: asking again for every page of a
// host whose robots.txt answered 503 or timed out multiplied one failure
// by the number of accounts on it.
type robotsCache struct {
	mu      sync.Mutex
	origins map[string]*robotsEntry
}

// robotsEntry is one origin's rules; lock is a one-token channel so a
// waiter can give up when its context ends.
type robotsEntry struct {
	lock chan struct{}
	data *robotstxt.RobotsData
	err  *scanner.FetchError // the failure, when robots.txt could not be read
	// answer is the robots.txt response data or err came from, kept only
	// for Config.OnRobots; nil when none arrived.
	answer *scanner.Response
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

// take locks the entry, false when ctx ends first. While another request
// fetches the file the account lends its worker (scanner.Idle): that
// request may itself be waiting for a worker.
func (e *robotsEntry) take(ctx context.Context) bool {
	select {
	case e.lock <- struct{}{}:
		return true
	default:
	}
	resume := scanner.Idle(ctx)
	defer resume()
	select {
	case e.lock <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// allowed reports whether robots.txt of u's origin lets agent fetch u. The
// first caller per origin fetches the file while others wait for it.
// cached says the answer, or the failure, came from an earlier fetch;
// answer is the robots.txt response it rests on, when Config.OnRobots
// asks for it.
func (rc *robotsCache) allowed(ctx context.Context, c *Client, u *url.URL, agent string) (ok, cached bool, answer *scanner.Response, _ *scanner.FetchError) {
	origin := u.Scheme + "://" + strings.ToLower(u.Host)
	e := rc.entry(origin)
	if !e.take(ctx) {
		return false, false, nil, canceledError(ctx, u.String())
	}
	defer func() { <-e.lock }()

	switch {
	case e.err != nil:
		fe := *e.err
		fe.Detail += " (robots.txt is fetched once per scan)"
		return false, true, e.answer, &fe
	case e.data != nil:
		return e.data.TestAgent(robotsPath(u), agent), true, e.answer, nil
	}
	data, resp, ferr := c.loadRobots(ctx, origin, hostKey(u))
	if c.cfg.OnRobots == nil {
		resp = nil
	}
	if ferr != nil {
		// An interrupted fetch says nothing about the host.
		if ferr.Kind != scanner.ErrCanceled {
			kept := *ferr
			e.err, e.answer = &kept, resp
		}
		return false, false, resp, ferr
	}
	e.data, e.answer = data, resp
	return e.data.TestAgent(robotsPath(u), agent), false, resp, nil
}

// loadRobots fetches and parses origin's robots.txt. As search engines do,
// a missing file (4xx) or one that cannot be parsed allows everything. A
// server error fails the page (and, kept by the cache, the origin's other
// pages in this scan): without the file we cannot know what is allowed.
func (c *Client) loadRobots(ctx context.Context, origin, host string) (*robotstxt.RobotsData, *scanner.Response, *scanner.FetchError) {
	robotsURL := origin + "/robots.txt"
	resp, ferr := c.fetch(ctx, scanner.Request{URL: robotsURL, Accept: "text/plain"}, host)
	status := http.StatusOK
	switch {
	case ferr == nil:
	case ferr.Kind == scanner.ErrHTTPStatus && ferr.StatusCode >= 500:
		ferr.Detail = "robots.txt unavailable: " + ferr.Detail
		return nil, resp, ferr
	case ferr.Kind == scanner.ErrHTTPStatus:
		// 4xx, and a redirect chain too long to follow, mean "no rules".
		status = http.StatusNotFound
	default:
		return nil, resp, ferr
	}
	var body []byte
	if status == http.StatusOK {
		body = resp.Body
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		c.log.Warn("robots.txt unreadable; treating it as allowing everything", "url", robotsURL, "error", err)
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	return data, resp, nil
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
