package crawl

import (
	"fmt"
	"net/http"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// retryPlan is how long to wait before the next attempt and why. demanded
// means the server named the wait (Retry-After, X-RateLimit-Reset, Graph
// throttling) rather than our own backoff choosing it: such a wait is not
// capped by MaxWait, only by the deadline.
type retryPlan struct {
	wait     time.Duration
	reason   string
	demanded bool
}

// planRetry decides the wait before the retry after the failure fe; n is
// the number of retries of its kind so far (see fetch), code the Graph
// throttling code when there is one.
func (c *Client) planRetry(req scanner.Request, host string, n int, resp *scanner.Response, fe *scanner.FetchError, code int) retryPlan {
	now := c.clock.now()
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now); ok {
			return retryPlan{wait: d, reason: fmt.Sprintf("Retry-After after HTTP %d", resp.StatusCode) + endpointNote(req), demanded: true}
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			if reset, ok := anyReset(resp.Header, now); ok {
				return retryPlan{wait: max(reset.Sub(now), 0), reason: "rate limit reset after HTTP 429" + endpointNote(req), demanded: true}
			}
		}
		if code != 0 {
			d, reason := c.limits.graphThrottled(host, code)
			return retryPlan{wait: d, reason: reason, demanded: true}
		}
	}
	// Say what failed, so a person watching a long pause knows whether
	// the server is down, unreachable or only busy.
	return retryPlan{wait: c.backoff(n), reason: "backoff after " + failureLabel(fe) + endpointNote(req)}
}

// endpointNote names the endpoint a wait is for, when the platform counts
// per endpoint; the host is named by OnWait itself.
func endpointNote(req scanner.Request) string {
	if req.Endpoint == "" {
		return ""
	}
	return " for " + req.Endpoint
}

// throttled reports whether the failure fe is a rate limit: a 429, or for
// a Graph call a throttling code in the body, whatever the status; code
// is that Graph code.
func (c *Client) throttled(req scanner.Request, resp *scanner.Response, fe *scanner.FetchError) (ok bool, code int) {
	if fe == nil || fe.Kind != scanner.ErrHTTPStatus || resp == nil {
		return false, 0
	}
	if req.Limits == scanner.LimitsMetaGraph {
		if code, ok := graphThrottleCode(resp.Body); ok {
			return true, code
		}
	}
	return resp.StatusCode == http.StatusTooManyRequests, 0
}

// networkRetries is how often a timeout or a connection failure is
// retried, at most. A server answering 5xx is alive and often recovers
// within seconds, so it gets all of MaxRetries; one that did not answer
// for a whole request-timeout rarely does, and each attempt costs that
// timeout: with the defaults, 4 attempts cost 87s per request. One retry
// still rides out a dropped connection, and keeps a black-holed host at
// 20s + 1s + 20s before it is declared dead and its other requests are
// skipped.
const networkRetries = 1

// retryLimit is how many retries the failure fe is worth.
func (c *Client) retryLimit(fe *scanner.FetchError) int {
	if fe.Kind == scanner.ErrTimeout || fe.Kind == scanner.ErrNetwork {
		return min(c.cfg.MaxRetries, networkRetries)
	}
	return c.cfg.MaxRetries
}

// backoff is RetryBackoff doubled per earlier retry, capped at MaxWait.
func (c *Client) backoff(try int) time.Duration {
	d := c.cfg.RetryBackoff
	for range min(try, 32) {
		if d > c.cfg.MaxWait/2 {
			return c.cfg.MaxWait
		}
		d *= 2
	}
	return min(d, c.cfg.MaxWait)
}

// noteRateLimit makes the next requests to the answering host (and
// endpoint) wait for the reset when the answer says no requests are left
// (Mastodon's X-RateLimit-Remaining: 0), however long: a reset beyond the
// deadline makes them fail at once (see hostLimiter.awaitLimit). For a
// Graph call it takes in the usage headers; ok says the answer was not a
// throttling one.
func (c *Client) noteRateLimit(req scanner.Request, host string, resp *scanner.Response, ok bool) {
	if req.Limits == scanner.LimitsMetaGraph {
		c.limits.observeGraph(host, resp.Header, ok)
	}
	now := c.clock.now()
	reset, found := rateLimitReset(resp.Header, now)
	if !found || !reset.After(now) {
		return
	}
	u, err := parseTarget(resp.URL)
	if err != nil {
		return
	}
	// A redirect may have led elsewhere; the endpoint is the request's.
	if h := hostKey(u); h != host {
		c.limits.block(h, "", reset, "rate limit reset (X-RateLimit-Remaining: 0)")
		return
	}
	c.limits.block(host, req.Endpoint, reset, "rate limit reset (X-RateLimit-Remaining: 0)"+endpointNote(req))
}
