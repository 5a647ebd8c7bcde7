package xapi

import (
	"context"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestRequestsNameTheirEndpoint: X counts rate limits per endpoint, so
// every request says which one it goes to; the crawl layer keeps a
// window for each, and a timeline at its limit does not hold lookups.
func TestRequestsNameTheirEndpoint(t *testing.T) {
	f := serve(t, "passing")
	if _, err := New(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: "https://twitter.com/stockholmsstad"}, day("2026-11-10T00:00:00Z")); err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	reqs := f.Requests()
	if len(reqs) < 2 {
		t.Fatalf("%d requests, want a lookup and at least one timeline page", len(reqs))
	}
	for _, r := range reqs {
		want := endpointTimeline
		if strings.Contains(r.URL, "/users/by/username/") {
			want = endpointUserLookup
		}
		if r.Endpoint != want {
			t.Errorf("request %s names endpoint %q, want %q", r.URL, r.Endpoint, want)
		}
	}
	if reqs[0].Endpoint != endpointUserLookup {
		t.Errorf("first request names %q, want the user lookup", reqs[0].Endpoint)
	}
}
