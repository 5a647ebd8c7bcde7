package crawl

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFetchRespectsRobotsForPagesOnly(t *testing.T) {
	const robots = "User-agent: *\nDisallow: /private\n\nUser-agent: smaudit\nDisallow: /no-audit\n\nUser-agent: otherbot\nDisallow: /\n"
	tests := []struct {
		name      string
		path      string
		page      bool
		robots    string
		status    int // of robots.txt
		wantKind  scanner.ErrorKind
		wantFetch bool // the page itself reaches the server
	}{
		{"page allowed", "/nyheter/1", true, robots, 200, "", true},
		{"page disallowed for all", "/private/x", true, "User-agent: *\nDisallow: /private\n", 200, scanner.ErrRobots, false},
		{"page disallowed for smaudit", "/no-audit/feed", true, robots, 200, scanner.ErrRobots, false},
		{"api request skips robots", "/no-audit/api", false, robots, 200, "", true},
		{"query matched", "/search?q=x", true, "User-agent: *\nDisallow: /search?q=\n", 200, scanner.ErrRobots, false},
		{"missing robots.txt allows", "/private/x", true, "", 404, "", true},
		{"robots.txt server error fails", "/x", true, "", 503, scanner.ErrHTTPStatus, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			robotsHits, pageHits := &counter{}, &counter{}
			var robotsUA string
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					robotsHits.inc()
					robotsUA = r.UserAgent()
					w.WriteHeader(tt.status)
					fmt.Fprint(w, tt.robots)
					return
				}
				pageHits.inc()
				fmt.Fprint(w, "<html></html>")
			})
			c := newTestClient(t, func(cfg *Config) { cfg.MaxRetries = 0; cfg.UserAgent = "smaudit/1.0 (+https://example.se)" })
			for range 3 { // robots.txt is fetched once for all three
				_, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + tt.path, Page: tt.page})
				if tt.wantKind == "" && err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				if tt.wantKind != "" {
					wantKind(t, err, tt.wantKind)
				}
			}
			// An API request goes out each time; a page once, its
			// answer shared (see shareKey).
			wantPageHits := 0
			switch {
			case tt.wantFetch && tt.page:
				wantPageHits = 1
			case tt.wantFetch:
				wantPageHits = 3
			}
			if got := pageHits.get(); got != wantPageHits {
				t.Errorf("page fetched %d times, want %d", got, wantPageHits)
			}
			// Once per scan, a server error included.
			wantRobotsHits := 1
			if !tt.page {
				wantRobotsHits = 0
			}
			if got := robotsHits.get(); got != wantRobotsHits {
				t.Errorf("robots.txt fetched %d times, want %d", got, wantRobotsHits)
			}
			if wantRobotsHits > 0 && robotsUA != "smaudit/1.0 (+https://example.se)" {
				t.Errorf("robots.txt requested with User-Agent %q", robotsUA)
			}
		})
	}
}
