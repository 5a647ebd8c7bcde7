package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// inflight is a handler that counts requests in flight and remembers the
// most seen at once and when each request started. With gate set, each
// request is held until gate requests have been in flight at once (or
// gateWait has passed): a client that keeps its limit reaches it exactly,
// however slowly a loaded machine starts the requests.
type inflight struct {
	mu      sync.Mutex
	now     int
	peak    int
	starts  []time.Time
	gate    int
	reached chan struct{} // closed once gate requests were in flight at once
}

// gateWait is how long a request waits for the gate. A client below its
// limit makes every request wait this long, and the test then fails on the
// peak; it is never waited when the client reaches its limit.
const gateWait = 5 * time.Second

func (f *inflight) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.now++
	f.peak = max(f.peak, f.now)
	f.starts = append(f.starts, time.Now())
	if f.gate > 0 && f.reached == nil {
		f.reached = make(chan struct{})
	}
	if f.gate > 0 && f.now >= f.gate {
		select {
		case <-f.reached:
		default:
			close(f.reached)
		}
	}
	reached := f.reached
	f.mu.Unlock()
	if reached != nil {
		select {
		case <-reached:
		case <-time.After(gateWait):
		}
	}
	f.mu.Lock()
	f.now--
	f.mu.Unlock()
}

func (f *inflight) result() (peak int, starts []time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	starts = append([]time.Time(nil), f.starts...)
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	return f.peak, starts
}

// fetchAll fetches url n times from n goroutines and fails on any error.
func fetchAll(t *testing.T, c *Client, url string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			if _, err := c.Fetch(context.Background(), scanner.Request{URL: url}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Fetch: %v", err)
	}
}

func TestPerHostConcurrency(t *testing.T) {
	for _, limit := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
			a, b := &inflight{gate: limit}, &inflight{gate: limit}
			srvA, srvB := httptest.NewServer(a), httptest.NewServer(b)
			defer srvA.Close()
			defer srvB.Close()
			c := newTestClient(t, func(cfg *Config) { cfg.PerHostConcurrency = limit })

			var wg sync.WaitGroup
			wg.Go(func() { fetchAll(t, c, srvA.URL, 12) })
			wg.Go(func() { fetchAll(t, c, srvB.URL, 12) })
			wg.Wait()

			for name, h := range map[string]*inflight{"A": a, "B": b} {
				peak, starts := h.result()
				if len(starts) != 12 {
					t.Errorf("host %s served %d requests, want 12", name, len(starts))
				}
				// Twelve requests from twelve goroutines, held until the
				// limit is reached, reach it; they must never pass it.
				if peak != limit {
					t.Errorf("host %s: at most %d requests in flight, want exactly the limit %d", name, peak, limit)
				}
			}
		})
	}
}

// startRecorder is a transport that notes when each request starts.
type startRecorder struct {
	mu     sync.Mutex
	starts []time.Time
}

func (s *startRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.starts = append(s.starts, time.Now())
	s.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func TestPerHostDelay(t *testing.T) {
	const delay, n = 40 * time.Millisecond, 5
	srv := httptest.NewServer(&inflight{})
	defer srv.Close()
	rec := &startRecorder{}
	c := newTestClient(t, func(cfg *Config) {
		cfg.PerHostConcurrency = 4
		cfg.PerHostDelay = delay
		cfg.Transport = rec
	})

	fetchAll(t, c, srv.URL, n)

	starts := rec.starts
	if len(starts) != n {
		t.Fatalf("made %d requests, want %d", len(starts), n)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	// The span is what the delay guarantees even on a busy machine; each
	// gap gets slack for scheduling between the limiter and the transport.
	if span := starts[n-1].Sub(starts[0]); span < (n-1)*delay-10*time.Millisecond {
		t.Errorf("%d requests started within %s, want at least %s", n, span, (n-1)*delay)
	}
	for i := 1; i < n; i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < delay/2 {
			t.Errorf("request %d started %s after the previous one, want about %s", i+1, gap, delay)
		}
	}
}
