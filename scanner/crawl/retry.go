package crawl

import (
	"fmt"
	"net/http"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// retryPlan is how long to wait before the next attempt and why. demanded
// means the server named the wait (Retry-After, X-RateLimit-Reset) rather
// than our own backoff choosing it.
type retryPlan struct {
	wait     time.Duration
	reason   string
	demanded bool
}

// planRetry decides the wait before attempt try+2 after the failure fe.
func (c *Client) planRetry(try int, resp *scanner.Response, fe *scanner.FetchError) retryPlan {
	now := c.clock.now()
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now); ok {
			return retryPlan{wait: d, reason: fmt.Sprintf("Retry-After after HTTP %d", resp.StatusCode), demanded: true}
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			if reset, ok := anyReset(resp.Header, now); ok {
				return retryPlan{wait: max(reset.Sub(now), 0), reason: "rate limit reset after HTTP 429", demanded: true}
			}
		}
	}
	// Say what failed, so a person watching a long pause knows whether
	// the server is down, unreachable or only busy.
	return retryPlan{wait: c.backoff(try), reason: "backoff after " + failureLabel(fe)}
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

// noteRateLimit makes the next requests to the answering host wait for the
// reset when the answer says no requests are left (Mastodon's
// X-RateLimit-Remaining: 0). The wait is capped at MaxWait: if the server
// still refuses then, its 429 decides.
func (c *Client) noteRateLimit(resp *scanner.Response) {
	now := c.clock.now()
	reset, ok := rateLimitReset(resp.Header, now)
	if !ok || !reset.After(now) {
		return
	}
	u, err := parseTarget(resp.URL)
	if err != nil {
		return
	}
	until := min(reset.Sub(now), c.cfg.MaxWait)
	c.limits.block(hostKey(u), now.Add(until), "rate limit (X-RateLimit-Remaining: 0)")
}
