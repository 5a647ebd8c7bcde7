package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFetchRetriesServerErrors(t *testing.T) {
	tests := []struct {
		name       string
		failures   int // answers with status before a 200
		status     int
		wantHits   int
		wantErr    bool
		wantBody   string
		wantWaits  []time.Duration
		maxRetries int
	}{
		{"503 forever", 99, 503, 4, true, "down for maintenance", []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}, 3},
		{"500 once", 1, 500, 2, false, "fine", []time.Duration{time.Second}, 3},
		{"502 with retries off", 99, 502, 1, true, "down for maintenance", nil, 0},
		{"404 not retried", 99, 404, 1, true, "down for maintenance", nil, 3},
		{"403 not retried", 99, 403, 1, true, "down for maintenance", nil, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := &counter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if hits.inc() <= tt.failures {
					w.WriteHeader(tt.status)
					fmt.Fprint(w, "down for maintenance")
					return
				}
				fmt.Fprint(w, "fine")
			})
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) {
				cfg.MaxRetries = tt.maxRetries
				cfg.RetryBackoff = time.Second
				cfg.OnWait = waits.onWait
			})
			sleeper := useFakeSleep(c)
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/api"})
			if got := hits.get(); got != tt.wantHits {
				t.Errorf("server hit %d times, want %d", got, tt.wantHits)
			}
			if diff := cmp.Diff(tt.wantWaits, sleeper.recorded()); diff != "" {
				t.Errorf("backoff waits (-want +got):\n%s", diff)
			}
			if got := len(waits.recorded()); got != len(tt.wantWaits) {
				t.Errorf("OnWait called %d times, want %d", got, len(tt.wantWaits))
			}
			if resp == nil || string(resp.Body) != tt.wantBody {
				t.Fatalf("response = %+v, want body %q", resp, tt.wantBody)
			}
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				return
			}
			if fe := wantKind(t, err, scanner.ErrHTTPStatus); fe.StatusCode != tt.status {
				t.Errorf("status = %d, want %d", fe.StatusCode, tt.status)
			}
		})
	}
}

func TestFetchHonoursRetryAfter(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter func(now time.Time) string
		wantWait   time.Duration
		giveUp     bool
	}{
		{"seconds", func(time.Time) string { return "7" }, 7 * time.Second, false},
		{"http date", func(now time.Time) string { return now.Add(90 * time.Second).UTC().Format(http.TimeFormat) }, 90 * time.Second, false},
		// A demanded wait is not capped by max-wait, only by the deadline.
		{"an hour, longer than max-wait", func(time.Time) string { return "3600" }, time.Hour, false},
		{"beyond the deadline", func(time.Time) string { return "86400" }, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := &counter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if hits.inc() == 1 {
					w.Header().Set("Retry-After", tt.retryAfter(time.Now()))
					w.WriteHeader(http.StatusTooManyRequests)
					fmt.Fprint(w, `{"error":"Too many requests"}`)
					return
				}
				fmt.Fprint(w, "[]")
			})
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) { cfg.OnWait = waits.onWait; cfg.MaxWait = 2 * time.Minute })
			sleeper := useFakeSleep(c)
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/api/v1/timelines"})
			if tt.giveUp {
				fe := wantKind(t, err, scanner.ErrRateLimited)
				if !strings.HasPrefix(fe.Detail, "rate limit, not reached before the deadline") || !strings.Contains(fe.Detail, "Retry-After") {
					t.Errorf("error = %v, want the rate limit beyond the deadline explained", fe)
				}
				if hits.get() != 1 || len(sleeper.recorded()) != 0 {
					t.Errorf("hits = %d, waits = %v; want 1 hit and no wait", hits.get(), sleeper.recorded())
				}
				return
			}
			if err != nil || string(resp.Body) != "[]" {
				t.Fatalf("Fetch = %v, %v; want the second answer", resp, err)
			}
			calls := waits.recorded()
			if len(calls) != 1 {
				t.Fatalf("OnWait calls = %+v, want one", calls)
			}
			u, _ := url.Parse(srv.URL)
			if calls[0].host != u.Host || !strings.Contains(calls[0].reason, "Retry-After") {
				t.Errorf("OnWait(%q, %s, %q), want host %q and a Retry-After reason", calls[0].host, calls[0].d, calls[0].reason, u.Host)
			}
			slept := sleeper.recorded()
			if len(slept) != 1 || !near(slept[0], tt.wantWait) || !near(calls[0].d, tt.wantWait) {
				t.Errorf("waited %v (reported %s), want about %s", slept, calls[0].d, tt.wantWait)
			}
		})
	}
}

func TestFetchWaitsForRateLimitReset(t *testing.T) {
	tests := []struct {
		name     string
		reset    time.Duration
		wantWait time.Duration
	}{
		{"within max-wait", 40 * time.Second, 40 * time.Second},
		{"an hour, longer than max-wait", time.Hour, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := &counter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if hits.inc() == 1 {
					w.Header().Set("X-RateLimit-Limit", "300")
					w.Header().Set("X-RateLimit-Remaining", "0")
					w.Header().Set("X-RateLimit-Reset", time.Now().Add(tt.reset).UTC().Format("2006-01-02T15:04:05.000Z"))
				}
				fmt.Fprint(w, "{}")
			})
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) { cfg.OnWait = waits.onWait; cfg.MaxWait = 2 * time.Minute })
			sleeper := useFakeSleep(c)
			for i := range 2 {
				if _, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/api/v1/statuses"}); err != nil {
					t.Fatalf("Fetch %d: %v", i+1, err)
				}
			}
			slept := sleeper.recorded()
			if len(slept) != 1 || !near(slept[0], tt.wantWait) {
				t.Errorf("waits = %v, want one of about %s before the second request", slept, tt.wantWait)
			}
			calls := waits.recorded()
			if len(calls) != 1 || !strings.Contains(calls[0].reason, "rate limit") {
				t.Errorf("OnWait calls = %+v, want one naming the rate limit", calls)
			}
		})
	}
}

func TestFetchTimeout(t *testing.T) {
	tests := []struct {
		name       string
		maxRetries int
		wantHits   int
	}{
		{"no retries", 0, 1},
		// A timeout is worth one retry, however many a 5xx gets.
		{"retried once", 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := &counter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				hits.inc()
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
			})
			c := newTestClient(t, func(cfg *Config) {
				cfg.RequestTimeout = 50 * time.Millisecond
				cfg.MaxRetries = tt.maxRetries
			})
			start := time.Now()
			_, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL})
			wantKind(t, err, scanner.ErrTimeout)
			if got := hits.get(); got != tt.wantHits {
				t.Errorf("server hit %d times, want %d", got, tt.wantHits)
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %s, want about %d x 50ms", el, tt.wantHits)
			}
		})
	}
}

// near reports whether got is within a second of want; HTTP dates and
// ISO times in headers have whole-second precision.
func near(got, want time.Duration) bool {
	d := got - want
	return d > -time.Second-time.Millisecond && d < time.Second+time.Millisecond
}
