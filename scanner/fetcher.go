package scanner

import (
	"context"
	"net/http"
)

// Request is one HTTP GET the crawl layer performs for an adapter.
type Request struct {
	URL    string
	Accept string // Accept header; empty means any
	// Page marks an HTML page meant for people: robots.txt applies to it.
	// API and feed requests leave it false.
	Page bool
	// Header holds extra request headers, such as an API token. Secrets go
	// here, never into the URL: URLs end up in errors, logs and reports.
	Header http.Header
	// Endpoint is the platform's name for the endpoint, where it counts
	// rate limits per endpoint, e.g. X's "GET /2/users/:id/tweets".
	// Requests to one host with the same Endpoint share a rate-limit
	// window, so a limit reached on one endpoint does not hold the
	// others; empty means the host's one window.
	Endpoint string
	// Limits names how the platform announces its rate limits beyond
	// the common Retry-After and X-RateLimit-* headers. The adapter sets
	// it, because only the adapter knows which API it speaks: the crawl
	// layer never guesses it from a host name.
	Limits LimitDialect
}

// LimitDialect is a platform's way of announcing rate limits.
type LimitDialect string

// Limit dialects.
const (
	// LimitsCommon is the default: Retry-After and the X-RateLimit-*,
	// RateLimit-* and x-rate-limit-* headers, as Mastodon, Bluesky and X
	// send them.
	LimitsCommon LimitDialect = ""
	// LimitsMetaGraph is Meta's Graph API: usage percentages in the
	// X-App-Usage and X-Business-Use-Case-Usage headers, and throttling
	// as error codes (4, 17, 32, 613, 80001-80014) in the JSON body of an
	// HTTP 400, 403 or 429.
	LimitsMetaGraph LimitDialect = "meta-graph"
)

// Response is a complete HTTP response, body read in full. Body may be
// shared with other callers that asked for the same page in the same
// scan (see crawl's shareKey): read it, never write into it.
type Response struct {
	URL        string // final URL after redirects
	StatusCode int
	Header     http.Header
	Body       []byte
}

// Fetcher performs HTTP requests on behalf of adapters. The crawl layer
// implements it with politeness, retries, body limits and the
// private-network guard. For a final status outside 2xx it returns the
// response together with a *FetchError of kind ErrHTTPStatus, or of kind
// ErrRateLimited when a rate limit would not reset before the scan's
// deadline.
type Fetcher interface {
	Fetch(ctx context.Context, req Request) (*Response, error)
}
