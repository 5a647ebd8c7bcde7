package meta

import (
	"context"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestRequestsSpeakGraph: every Graph call says so, so the crawl layer
// reads Graph's usage headers and throttling codes for it (it never
// guesses the platform from the host: tests run on 127.0.0.1).
func TestRequestsSpeakGraph(t *testing.T) {
	for _, tc := range []struct {
		tree string
		run  func(f scanner.Fetcher) error
	}{
		{"facebook-pass", func(f scanner.Fetcher) error {
			_, err := NewFacebook(f, testConfig()).Fetch(context.Background(),
				scanner.Account{URL: "https://www.facebook.com/kulturforvaltningen/"}, day("2026-09-15T00:00:00Z"))
			return err
		}},
		{"instagram-pass", func(f scanner.Fetcher) error {
			_, err := NewInstagram(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: igPassURL}, day("2026-09-01T00:00:00Z"))
			return err
		}},
	} {
		t.Run(tc.tree, func(t *testing.T) {
			f := serve(t, tc.tree)
			if err := tc.run(f); err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			reqs := f.Requests()
			if len(reqs) == 0 {
				t.Fatal("no requests")
			}
			for _, r := range reqs {
				if r.Limits != scanner.LimitsMetaGraph {
					t.Errorf("request %s has limits %q, want %q", r.URL, r.Limits, scanner.LimitsMetaGraph)
				}
			}
		})
	}
}
