package crawl

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// robotsCall is one call of Config.OnRobots.
type robotsCall struct {
	page    string
	allowed bool
	status  int    // of the answer; 0 when none
	body    string // of the answer
}

// TestOnRobotsHearsTheAnswerThatDecided fetches pages and an API address
// of hosts whose robots.txt allows, forbids, is missing or fails: every
// page request, the cached ones too, tells OnRobots the robots.txt answer
// and whether it allowed the page; API requests tell nothing.
func TestOnRobotsHearsTheAnswerThatDecided(t *testing.T) {
	const rules = "User-agent: *\nDisallow: /villkor/\n"
	tests := []struct {
		name   string
		status int // of robots.txt
		path   string
		page   bool
		want   robotsCall
	}{
		{"allowed", 200, "/nyheter/", true, robotsCall{allowed: true, status: 200, body: rules}},
		{"forbidden", 200, "/villkor/sociala-medier/", true, robotsCall{allowed: false, status: 200, body: rules}},
		{"no robots.txt", 404, "/villkor/sociala-medier/", true, robotsCall{allowed: true, status: 404, body: "saknas"}},
		{"robots.txt fails", 503, "/nyheter/", true, robotsCall{allowed: false, status: 503, body: "saknas"}},
		{"an API request", 200, "/villkor/api", false, robotsCall{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					w.WriteHeader(tt.status)
					if tt.status == 200 {
						fmt.Fprint(w, rules)
					} else {
						fmt.Fprint(w, "saknas")
					}
					return
				}
				fmt.Fprint(w, "<html></html>")
			})
			var mu sync.Mutex
			var calls []robotsCall
			c := newTestClient(t, func(cfg *Config) {
				cfg.MaxRetries = 0
				cfg.OnRobots = func(_ context.Context, page string, allowed bool, answer *scanner.Response) {
					call := robotsCall{page: page, allowed: allowed}
					if answer != nil {
						call.status, call.body = answer.StatusCode, string(answer.Body)
					}
					mu.Lock()
					calls = append(calls, call)
					mu.Unlock()
				}
			})
			for range 2 { // the second from the cache
				c.Fetch(context.Background(), scanner.Request{URL: srv.URL + tt.path, Page: tt.page})
			}
			if !tt.page {
				if len(calls) != 0 {
					t.Errorf("OnRobots heard %v for an API request", calls)
				}
				return
			}
			if len(calls) != 2 {
				t.Fatalf("OnRobots heard %d calls, want one per page request: %v", len(calls), calls)
			}
			want := tt.want
			want.page = srv.URL + tt.path
			for i, got := range calls {
				if got != want {
					t.Errorf("call %d = %+v, want %+v", i+1, got, want)
				}
			}
		})
	}
}

// TestRobotsAnswerKeptOnlyForTheHook: without OnRobots the Client keeps
// no robots.txt answer in memory, only the rules read from it.
func TestRobotsAnswerKeptOnlyForTheHook(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /x/\n")
	})
	c := newTestClient(t, nil)
	if _, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/a", Page: true}); err != nil {
		t.Fatal(err)
	}
	for origin, e := range c.robots.origins {
		if e.answer != nil {
			t.Errorf("%s: answer kept without OnRobots", origin)
		}
		if e.data == nil {
			t.Errorf("%s: no rules kept", origin)
		}
	}
}
