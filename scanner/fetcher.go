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
}

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
// response together with a *FetchError of kind ErrHTTPStatus.
type Fetcher interface {
	Fetch(ctx context.Context, req Request) (*Response, error)
}
