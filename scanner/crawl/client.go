package crawl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"

	"github.com/gocolly/colly/v2"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Client fetches URLs for adapters with politeness, retries, limits and the
// private-network guard. It implements scanner.Fetcher and is safe for
// concurrent use by many goroutines.
type Client struct {
	cfg    Config
	base   *colly.Collector
	limits *hostLimiter
	robots *robotsCache
	shared *sharedGets
	clock  clock
	log    *slog.Logger
	// closeIdle closes the transport's idle connections; a no-op when
	// the transport keeps none.
	closeIdle func()
}

var _ scanner.Fetcher = (*Client)(nil)

// New returns a Client for cfg. Zero values without a useful meaning (an
// empty UserAgent, a zero concurrency, timeout or body limit) take their
// defaults; negative durations or counts are an error.
func New(cfg Config) (*Client, error) {
	return newClient(cfg, netHooks{})
}

// newClient is New with the network's test hooks.
func newClient(cfg Config, hooks netHooks) (*Client, error) {
	cfg, err := cfg.normalized()
	if err != nil {
		return nil, err
	}
	transport := cfg.Transport
	if transport == nil {
		transport = newTransport(cfg, hooks)
	}
	closeIdle := func() {}
	if t, ok := transport.(interface{ CloseIdleConnections() }); ok {
		closeIdle = t.CloseIdleConnections
	}
	// Whatever carries the bytes, smaudit decodes them itself, bounded by
	// the body limit (see decodingTransport).
	transport = &decodingTransport{next: transport, maxBytes: cfg.MaxBodyBytes}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	clk := realClock()
	deadline := clk.now().Add(cfg.Deadline)
	return &Client{
		cfg:       cfg,
		base:      newCollector(cfg, transport),
		limits:    newHostLimiter(cfg.PerHostConcurrency, cfg.PerHostDelay, clk, cfg.OnWait, deadline, cfg.GraphWindow),
		robots:    newRobotsCache(),
		shared:    newSharedGets(sharedBodyMax, sharedTotalMax),
		clock:     clk,
		log:       log,
		closeIdle: closeIdle,
	}, nil
}

// CloseIdleConnections closes the connections kept open for further
// requests. A scan calls it once it is done: a scan of many hosts keeps
// one idle connection per host, each with its buffers and TLS state,
// which would otherwise stay in memory while the reports are written.
// The Client stays usable; a later request dials anew.
func (c *Client) CloseIdleConnections() { c.closeIdle() }

// Fetch performs req. For a page (req.Page) robots.txt is consulted first.
// Errors are *scanner.FetchError; for a final status outside 2xx both the
// response, body included, and an error of kind scanner.ErrHTTPStatus are
// returned. A request to a host that failed hard earlier in the scan is
// not sent (see DeadHosts). Identical page requests go to the network once
// per Client (see shareKey): their callers get the same status, headers
// and error, and the same body array, which they must only read.
func (c *Client) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	u, err := parseTarget(req.URL)
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, canceledError(ctx, req.URL)
	}
	host := hostKey(u)
	if ferr := c.skipDead(host, req.URL); ferr != nil {
		return nil, ferr
	}
	if req.Page {
		allowed, cached, answer, ferr := c.robots.allowed(ctx, c, u, c.cfg.UserAgent)
		if c.cfg.OnRobots != nil && (answer != nil || ferr == nil) {
			c.cfg.OnRobots(ctx, req.URL, allowed && ferr == nil, answer)
		}
		if ferr != nil {
			// Pages that queued behind the robots.txt request which
			// found the host dead are skips, counted as such.
			if cached {
				if skip := c.skipDead(host, req.URL); skip != nil {
					return nil, skip
				}
			}
			return nil, ferr
		}
		if !allowed {
			return nil, &scanner.FetchError{
				Kind:   scanner.ErrRobots,
				URL:    req.URL,
				Detail: "robots.txt does not allow this page for " + c.cfg.UserAgent,
			}
		}
	}
	resp, ferr := c.fetchShared(ctx, req, host)
	if ferr != nil {
		// A nil *FetchError must not become a non-nil error interface.
		return resp, ferr
	}
	return resp, nil
}

// parseTarget accepts only absolute http(s) URLs with a host.
func parseTarget(raw string) (*url.URL, *scanner.FetchError) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &scanner.FetchError{Kind: scanner.ErrInvalidInput, URL: raw, Detail: "not a valid URL", Err: err}
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, &scanner.FetchError{Kind: scanner.ErrInvalidInput, URL: raw, Detail: "not an absolute http(s) URL"}
	}
	if ferr := checkPort(u); ferr != nil {
		return nil, ferr
	}
	return u, nil
}

// checkPort refuses a port outside 1-65535. url.Parse accepts any digits
// (":181210"), and the dialer's "invalid port" would otherwise look like a
// network failure: retried, and taken for a dead host.
func checkPort(u *url.URL) *scanner.FetchError {
	p := u.Port()
	if p == "" {
		return nil
	}
	if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
		return &scanner.FetchError{Kind: scanner.ErrInvalidInput, URL: u.String(), Detail: fmt.Sprintf("port %s is not between 1 and 65535", p)}
	}
	return nil
}

// hostKey is the politeness key of a URL: its host and port, lower case,
// without the scheme's default port, so "x.se:443" and "x.se" (as colly
// normalises it in errors) are one host.
func hostKey(u *url.URL) string {
	h := strings.ToLower(u.Host)
	if u.Scheme == "http" && strings.HasSuffix(h, ":80") || u.Scheme == "https" && strings.HasSuffix(h, ":443") {
		h = h[:strings.LastIndexByte(h, ':')]
	}
	return h
}

// fetch runs the attempts for one request: each waits for the host's
// politeness slot and its rate limit, and failures worth retrying are
// retried after a backoff or the wait the server asked for.
//
// Two counts bound the retries. Our own (a 5xx, a timeout, a Retry-After
// on a 503) use up MaxRetries. Rate limits (a 429, Graph throttling) are
// routine on a long scan and are waited for as often as they come, within
// the deadline, but at most maxLimitedRetries times, so a server answering
// 429 forever cannot keep a request going.
func (c *Client) fetch(ctx context.Context, req scanner.Request, host string) (*scanner.Response, *scanner.FetchError) {
	rawURL := req.URL
	host = strings.ToLower(host)
	retrying := false // this request holds the host suspect (see hostLimiter.acquire)
	defer func() {
		if retrying {
			c.limits.settle(host)
		}
	}()
	// held frees the host slot this request holds, if any: deferred, so a
	// panic (recovered by the scan as one account's failure) never keeps
	// a slot taken, which would hang every later request to the host.
	var held func()
	defer func() {
		if held != nil {
			held()
		}
	}()
	own, limited := 0, 0
	for {
		if skip := c.skipDead(host, rawURL); skip != nil {
			return nil, skip
		}
		release, err := c.limits.acquire(ctx, host, req, retrying)
		held = release
		var late *lateError
		if errors.As(err, &late) {
			return nil, c.lateFailure(req, host, late)
		}
		if errors.Is(err, errHostDown) {
			if skip := c.skipDead(host, rawURL); skip != nil {
				return nil, skip
			}
		}
		if err != nil {
			return nil, canceledError(ctx, rawURL)
		}
		// The slot may have been freed by the request that found the
		// host dead, just before it said so.
		if skip := c.skipDead(host, rawURL); skip != nil {
			return nil, skip
		}
		resp, ferr := c.attempt(ctx, req)
		ferr = throttledOK(req, resp, ferr)
		throttle, code := c.throttled(req, resp, ferr)
		final := false
		switch {
		case ferr == nil:
		case throttle:
			final = limited >= maxLimitedRetries
		default:
			final = !retryable(ferr) || own >= c.retryLimit(ferr)
		}
		switch {
		case final && ferr.Kind != scanner.ErrCanceled:
			// Before the slot is freed, so no queued request starts
			// on a host already known to be dead.
			c.noteFailure(host, ferr)
		case ferr != nil && hostDown(ferr) && failedHost(ferr, host) == host:
			c.limits.suspectHost(host)
			retrying = true
		case retrying:
			// The host answered (or failed in a way that says it is
			// alive): let the others go.
			c.limits.settle(host)
			retrying = false
		}
		held = nil
		release()
		if resp != nil {
			c.noteRateLimit(req, host, resp, !throttle)
		}
		if ferr == nil {
			return resp, nil
		}
		if final {
			if throttle {
				ferr.Detail = fmt.Sprintf("still rate-limited after waiting %d times for the limit to reset; giving up", limited)
			}
			return resp, ferr
		}
		n := own
		if throttle {
			n = limited
		}
		plan := c.planRetry(req, host, n, resp, ferr, code)
		if throttle {
			limited++
		} else {
			own++
		}
		now := c.clock.now()
		if plan.wait > c.limits.deadline.Sub(now) {
			if throttle {
				return resp, c.lateFailure(req, host, &lateError{until: now.Add(plan.wait), reason: plan.reason})
			}
			ferr.Detail += fmt.Sprintf("; a retry would have to wait %s (%s), past the scan's deadline", plan.wait, plan.reason)
			return resp, ferr
		}
		c.log.Debug("retrying request", "url", rawURL, "status", ferr.StatusCode, "error", ferr.Error(),
			"wait", plan.wait, "attempt", own+limited+1)
		if plan.demanded {
			// The server spoke for the whole host, or for the endpoint
			// where it counts per endpoint: hold every request to it.
			c.limits.block(host, req.Endpoint, now.Add(plan.wait), plan.reason)
			continue
		}
		if c.cfg.OnWait != nil && plan.wait > 0 {
			c.cfg.OnWait(host, plan.wait, plan.reason)
		}
		if err := c.clock.idleSleep(ctx, ctx, plan.wait); err != nil {
			return resp, canceledError(ctx, rawURL)
		}
	}
}

// maxLimitedRetries bounds the retries after rate-limit answers of one
// request. A platform's limit resets within its window, after which one
// retry succeeds; dozens in a row mean the server refuses for good.
const maxLimitedRetries = 50

// lateFailure is the error of a request whose rate limit would not reset
// before the scan's deadline.
func (c *Client) lateFailure(req scanner.Request, host string, late *lateError) *scanner.FetchError {
	where := host
	if req.Endpoint != "" {
		where += " " + req.Endpoint
	}
	return &scanner.FetchError{
		Kind: scanner.ErrRateLimited,
		URL:  req.URL,
		Detail: fmt.Sprintf("rate limit, not reached before the deadline: %s is limited until %s (%s), after the scan's deadline %s",
			where, late.until.UTC().Format("2006-01-02 15:04:05 UTC"), late.reason,
			c.limits.deadline.UTC().Format("2006-01-02 15:04:05 UTC")),
	}
}
