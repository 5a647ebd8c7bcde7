package crawl

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/scanner"
)

// cityPage is the kind of answer shared: a small city page naming an
// account with rel="me".
const cityPage = `<!doctype html><html lang="sv"><head><title>Kultur</title>` +
	`<link rel="me" href="https://mastodon.example/@kultur"></head><body>Kultur</body></html>`

// pathCounter counts a server's requests per path.
type pathCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (p *pathCounter) inc(path string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.n == nil {
		p.n = map[string]int{}
	}
	p.n[path]++
}

func (p *pathCounter) get(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n[path]
}

// outcome is what one caller of Fetch got.
type outcome struct {
	resp *scanner.Response
	err  error
}

// fetchTogether calls Fetch with req from n goroutines at once. The
// server must hold its answer until release is closed; fetchTogether
// closes it only when n-1 callers wait for the first, so the answer is
// shared in flight, not from memory.
func fetchTogether(t *testing.T, c *Client, req scanner.Request, n int, release chan struct{}) []outcome {
	t.Helper()
	out := make([]outcome, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i].resp, out[i].err = c.Fetch(context.Background(), req)
		}()
	}
	key, _ := shareKey(req)
	waitFor(t, func() bool {
		c.shared.mu.Lock()
		defer c.shared.mu.Unlock()
		call := c.shared.calls[key]
		return call != nil && int(call.waiters.Load()) == n-1
	}, fmt.Sprintf("%d callers waiting for the first", n-1))
	close(release)
	wg.Wait()
	return out
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestIdenticalPagesGoToTheNetworkOnce(t *testing.T) {
	hits := &pathCounter{}
	release := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc(r.URL.Path)
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		<-release
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Last-Modified", "Mon, 02 Nov 2026 08:00:00 GMT")
		fmt.Fprint(w, cityPage)
	})
	c := newTestClient(t, nil)
	req := scanner.Request{URL: srv.URL + "/kultur", Accept: "text/html", Page: true}

	got := fetchTogether(t, c, req, 8, release)
	for range 3 { // later callers, from memory
		resp, err := c.Fetch(context.Background(), req)
		got = append(got, outcome{resp, err})
	}
	for i, o := range got {
		if o.err != nil {
			t.Fatalf("caller %d: %v", i, o.err)
		}
		if o.resp.StatusCode != http.StatusOK || string(o.resp.Body) != cityPage || o.resp.URL != req.URL ||
			o.resp.Header.Get("Last-Modified") != "Mon, 02 Nov 2026 08:00:00 GMT" {
			t.Errorf("caller %d got status %d, URL %s, headers %v, body %q", i, o.resp.StatusCode, o.resp.URL, o.resp.Header, o.resp.Body)
		}
	}
	if n := hits.get("/kultur"); n != 1 {
		t.Errorf("the page reached the server %d times for 11 callers, want 1", n)
	}
	if n := hits.get("/robots.txt"); n != 1 {
		t.Errorf("robots.txt reached the server %d times, want 1", n)
	}
}

func TestFailingPageFailsForAllWithoutAskingAgain(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		retries  int
		wantHits int // all from the first caller: its attempts
	}{
		{"gone", http.StatusNotFound, 2, 1},
		{"server error after retries", http.StatusServiceUnavailable, 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := &pathCounter{}
			release := make(chan struct{})
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				hits.inc(r.URL.Path)
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				<-release
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(tt.status)
				fmt.Fprint(w, "<html><body>Sidan finns inte</body></html>")
			})
			c := newTestClient(t, func(cfg *Config) { cfg.MaxRetries = tt.retries })
			useFakeSleep(c)
			req := scanner.Request{URL: srv.URL + "/borta", Accept: "text/html", Page: true}

			got := fetchTogether(t, c, req, 5, release)
			resp, err := c.Fetch(context.Background(), req)
			got = append(got, outcome{resp, err})
			first := fetchErr(t, got[0].err)
			for i, o := range got {
				fe := fetchErr(t, o.err)
				if diff := cmp.Diff(first, fe); diff != "" {
					t.Errorf("caller %d got another error (-first +got):\n%s", i, diff)
				}
				if fe.Kind != scanner.ErrHTTPStatus || fe.StatusCode != tt.status || fe.Skipped {
					t.Errorf("caller %d: %+v, want HTTP %d, not skipped", i, fe, tt.status)
				}
				if o.resp == nil || o.resp.StatusCode != tt.status || !strings.Contains(string(o.resp.Body), "Sidan finns inte") {
					t.Errorf("caller %d: response %+v, want the %d page", i, o.resp, tt.status)
				}
			}
			if n := hits.get("/borta"); n != tt.wantHits {
				t.Errorf("the page reached the server %d times, want %d", n, tt.wantHits)
			}
		})
	}
}

func TestRequestsWithHeadersOrForAPIsAreNeverShared(t *testing.T) {
	tests := []struct {
		name     string
		reqs     []scanner.Request
		wantKept int
	}{
		{"page with a token", []scanner.Request{
			{URL: "/p", Page: true, Header: http.Header{"Authorization": {"Bearer a"}}},
			{URL: "/p", Page: true, Header: http.Header{"Authorization": {"Bearer a"}}},
			{URL: "/p", Page: true, Header: http.Header{"Authorization": {"Bearer b"}}},
		}, 0},
		{"API request", []scanner.Request{
			{URL: "/p", Accept: "application/json"},
			{URL: "/p", Accept: "application/json"},
			{URL: "/p", Accept: "application/json"},
		}, 0},
		{"page asked with other Accept values", []scanner.Request{
			{URL: "/p", Page: true, Accept: "text/html"},
			{URL: "/p", Page: true, Accept: "application/xhtml+xml"},
			{URL: "/p", Page: true},
		}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := &pathCounter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				hits.inc(r.URL.Path)
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				fmt.Fprintf(w, `{"seen":%q}`, r.Header.Get("Authorization"))
			})
			c := newTestClient(t, nil)
			for _, req := range tt.reqs {
				req.URL = srv.URL + req.URL
				resp, err := c.Fetch(context.Background(), req)
				if err != nil {
					t.Fatal(err)
				}
				if want := fmt.Sprintf(`{"seen":%q}`, req.Header.Get("Authorization")); string(resp.Body) != want {
					t.Errorf("got %s, want %s: another request's answer", resp.Body, want)
				}
			}
			if n := hits.get("/p"); n != len(tt.reqs) {
				t.Errorf("%d requests reached the server, want %d", n, len(tt.reqs))
			}
			c.shared.mu.Lock()
			defer c.shared.mu.Unlock()
			if len(c.shared.calls) != tt.wantKept {
				t.Errorf("%d answers kept, want %d", len(c.shared.calls), tt.wantKept)
			}
		})
	}
}

func TestSharedAnswersStopBeingKeptAtTheCap(t *testing.T) {
	hits := &pathCounter{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc(r.URL.Path)
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/stor" {
			fmt.Fprint(w, strings.Repeat("x", 150))
			return
		}
		fmt.Fprint(w, strings.Repeat("x", 50))
	})
	c := newTestClient(t, nil)
	// Room for about two small pages with their headers and the
	// per-entry cost, not five; no room at all for the large one.
	c.shared = newSharedGets(100, 1200)
	pages := []string{"/1", "/2", "/3", "/4", "/5", "/stor"}
	for range 2 {
		for _, p := range pages {
			if _, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + p, Page: true}); err != nil {
				t.Fatal(err)
			}
		}
	}
	kept := 0
	for kept < 5 && hits.get(pages[kept]) == 1 {
		kept++
	}
	if kept == 0 || kept == 5 {
		t.Fatalf("%d of 5 small pages kept under a cap of 1200 bytes", kept)
	}
	for _, p := range pages[kept:] {
		if n := hits.get(p); n != 2 {
			t.Errorf("%s reached the server %d times, want 2: once the cache is full nothing is kept", p, n)
		}
	}
	c.shared.mu.Lock()
	defer c.shared.mu.Unlock()
	if c.shared.used > c.shared.maxTotal || len(c.shared.calls) != kept {
		t.Errorf("%d answers of %d bytes kept, cap %d; want the %d that fit", len(c.shared.calls), c.shared.used, c.shared.maxTotal, kept)
	}
}

func TestSharedAnswerCannotBeChangedByAnotherCaller(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, cityPage)
	})
	c := newTestClient(t, nil)
	req := scanner.Request{URL: srv.URL + "/kultur", Page: true}
	first, err := c.Fetch(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	first.Header.Set("Content-Type", "text/plain")
	first.StatusCode = 0
	_ = append(first.Body, "<script>"...)
	second, err := c.Fetch(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if second.Header.Get("Content-Type") != "text/html; charset=utf-8" || second.StatusCode != http.StatusOK || string(second.Body) != cityPage {
		t.Errorf("a caller's changes reached the next: %d %v %q", second.StatusCode, second.Header, second.Body)
	}
	if cap(second.Body) != len(second.Body) {
		t.Errorf("shared body has spare capacity %d: an append would write into it", cap(second.Body)-len(second.Body))
	}
}

func TestWaitersAskAgainWhenTheFirstCallerIsInterrupted(t *testing.T) {
	hits := &pathCounter{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc(r.URL.Path)
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if hits.get(r.URL.Path) == 1 {
			<-r.Context().Done() // the first caller gives up meanwhile
			return
		}
		fmt.Fprint(w, cityPage)
	})
	c := newTestClient(t, nil)
	req := scanner.Request{URL: srv.URL + "/kultur", Page: true}
	ctx, cancel := context.WithCancel(context.Background())
	leader := make(chan error, 1)
	go func() {
		_, err := c.Fetch(ctx, req)
		leader <- err
	}()
	waitFor(t, func() bool { return hits.get("/kultur") == 1 }, "the first request at the server")
	waiter := make(chan outcome, 1)
	go func() {
		resp, err := c.Fetch(context.Background(), req)
		waiter <- outcome{resp, err}
	}()
	key, _ := shareKey(req)
	waitFor(t, func() bool {
		c.shared.mu.Lock()
		defer c.shared.mu.Unlock()
		return c.shared.calls[key] != nil && c.shared.calls[key].waiters.Load() == 1
	}, "the second caller waiting")
	cancel()
	wantKind(t, <-leader, scanner.ErrCanceled)
	got := <-waiter
	if got.err != nil || string(got.resp.Body) != cityPage {
		t.Fatalf("waiter got %v, %+v; want the page, fetched anew", got.err, got.resp)
	}
	if n := hits.get("/kultur"); n != 2 {
		t.Errorf("the page reached the server %d times, want 2", n)
	}
}
