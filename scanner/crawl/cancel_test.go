package crawl

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFetchCancellation(t *testing.T) {
	release := make(chan struct{})
	slowStarted := make(chan struct{}, 16) // one per /slow request the server got
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow":
			slowStarted <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-release:
			}
		case "/limited":
			w.Header().Set("Retry-After", "60")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/broken":
			w.WriteHeader(http.StatusBadGateway)
		}
	})
	// Registered after serve, so it runs first: the server can then close.
	t.Cleanup(func() { close(release) })
	tests := []struct {
		name   string
		path   string
		cancel time.Duration // after which the context ends; negative: before Fetch
		edit   func(*Config)
		occupy bool // another request holds the host's only slot
	}{
		{"already canceled", "/slow", -1, nil, false},
		{"during the request", "/slow", 30 * time.Millisecond, nil, false},
		{"during a Retry-After wait", "/limited", 30 * time.Millisecond, nil, false},
		{"during backoff", "/broken", 30 * time.Millisecond, func(cfg *Config) { cfg.RetryBackoff = time.Minute }, false},
		{"waiting for a host slot", "/slow", 30 * time.Millisecond, func(cfg *Config) { cfg.PerHostConcurrency = 1 }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, func(cfg *Config) {
				cfg.RequestTimeout = time.Minute
				if tt.edit != nil {
					tt.edit(cfg)
				}
			})
			if tt.occupy {
				// Occupy the only slot with a request that outlives the test case.
				go c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/slow"})
				<-slowStarted // the slot is taken once the server has the request
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel < 0 {
				cancel()
			} else {
				time.AfterFunc(tt.cancel, cancel)
			}
			start := time.Now()
			_, err := c.Fetch(ctx, scanner.Request{URL: srv.URL + tt.path})
			wantKind(t, err, scanner.ErrCanceled)
			if el := time.Since(start); el > time.Second {
				t.Errorf("Fetch returned %s after cancellation, want promptly", el)
			}
		})
	}
}
