package crawl

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// blackHole is a loopback listener that accepts connections and never
// answers, like a server whose application hangs behind a live TCP stack.
type blackHole struct {
	ln       net.Listener
	accepted atomic.Int32
	mu       sync.Mutex
	conns    []net.Conn
}

func newBlackHole(t *testing.T) *blackHole {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b := &blackHole{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			b.accepted.Add(1)
			b.mu.Lock()
			b.conns = append(b.conns, c)
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, c := range b.conns {
			c.Close()
		}
	})
	return b
}

// refusingAddr is a loopback address nothing listens on.
func refusingAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestDeadHostCostsOneRequest(t *testing.T) {
	// The defaults scaled down 200 times: 20s -> 100ms, 1s -> 5ms.
	const timeout, backoff = 100 * time.Millisecond, 5 * time.Millisecond
	tests := []struct {
		name     string
		addr     func(t *testing.T) (string, *blackHole)
		page     bool
		perHost  int
		wantKind scanner.ErrorKind
		label    string // what progress says failed
	}{
		{"black hole, pages", func(t *testing.T) (string, *blackHole) { b := newBlackHole(t); return b.ln.Addr().String(), b }, true, 2, scanner.ErrTimeout, "timeout"},
		{"black hole, api, one slot", func(t *testing.T) (string, *blackHole) { b := newBlackHole(t); return b.ln.Addr().String(), b }, false, 1, scanner.ErrTimeout, "timeout"},
		{"black hole, api, two slots", func(t *testing.T) (string, *blackHole) { b := newBlackHole(t); return b.ln.Addr().String(), b }, false, 2, scanner.ErrTimeout, "timeout"},
		{"connection refused", func(t *testing.T) (string, *blackHole) { return refusingAddr(t), nil }, false, 2, scanner.ErrNetwork, "connection refused"},
		{"drops SYNs", func(t *testing.T) (string, *blackHole) { return "tyst.example:80", nil }, true, 2, scanner.ErrTimeout, "timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr, hole := tt.addr(t)
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) {
				cfg.RequestTimeout = timeout
				cfg.RetryBackoff = backoff
				cfg.MaxRetries = 3
				cfg.PerHostConcurrency = tt.perHost
				cfg.PerHostDelay = 2 * time.Millisecond
				cfg.OnWait = waits.onWait
				if strings.HasPrefix(addr, "tyst.example") {
					// A connect that never completes, as when a
					// firewall drops SYNs.
					cfg.Transport = &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
						<-ctx.Done()
						return nil, ctx.Err()
					}}
				}
			})
			const accounts = 10
			errs := make([]error, accounts)
			start := time.Now()
			var wg sync.WaitGroup
			for i := range accounts {
				wg.Go(func() {
					_, errs[i] = c.Fetch(context.Background(), scanner.Request{URL: "http://" + addr + "/@konto" + string(rune('a'+i)), Page: tt.page})
				})
			}
			wg.Wait()
			elapsed := time.Since(start)

			// One request pays timeout + backoff + timeout; everything
			// else fails at once. Without the memory it is 10 x that.
			if limit := 2*timeout + backoff + 150*time.Millisecond; elapsed > limit {
				t.Errorf("10 accounts took %s, want under %s", elapsed, limit)
			}
			skipped := 0
			for i, err := range errs {
				fe := wantKind(t, err, tt.wantKind)
				if fe.Skipped {
					skipped++
					if !strings.Contains(fe.Detail, "did not answer earlier") || !strings.Contains(fe.Detail, "skipped") {
						t.Errorf("account %d: skipped with detail %q", i, fe.Detail)
					}
				}
			}
			if skipped < accounts-tt.perHost {
				t.Errorf("%d requests skipped, want at least %d", skipped, accounts-tt.perHost)
			}
			dead := c.DeadHosts()
			if len(dead) != 1 || dead[0].Host != strings.TrimSuffix(addr, ":80") || dead[0].Kind != tt.wantKind || dead[0].Skipped != skipped {
				t.Errorf("DeadHosts = %+v, want %s dead of %s with %d skipped", dead, addr, tt.wantKind, skipped)
			}
			if hole != nil {
				// At most perHost requests ran their two attempts.
				if got := hole.accepted.Load(); got > int32(2*tt.perHost) {
					t.Errorf("black hole accepted %d connections, want at most %d", got, 2*tt.perHost)
				}
			}
			calls := waits.recorded()
			if len(calls) == 0 || !strings.Contains(calls[0].reason, tt.label) {
				t.Errorf("progress heard %+v, want a wait naming %q", calls, tt.label)
			}
		})
	}
}

func TestUnresolvableHostIsAskedOnce(t *testing.T) {
	lookups := &counter{}
	c := newTestClient(t, func(cfg *Config) {
		cfg.Transport = &http.Transport{DialContext: func(ctx context.Context, _, addr string) (net.Conn, error) {
			lookups.inc()
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "borta.example", IsNotFound: true}}
		}}
	})
	for i := range 10 {
		_, err := c.Fetch(context.Background(), scanner.Request{URL: "https://borta.example/@konto" + string(rune('a'+i)), Page: true})
		fe := wantKind(t, err, scanner.ErrNetwork)
		if fe.Skipped != (i > 0) {
			t.Errorf("account %d: Skipped = %v", i, fe.Skipped)
		}
	}
	if got := lookups.get(); got != 1 {
		t.Errorf("%d lookups, want 1: no DNS answer is not retried, and the host is then known dead", got)
	}
	if dead := c.DeadHosts(); len(dead) != 1 || dead[0].Skipped != 9 {
		t.Errorf("DeadHosts = %+v, want borta.example with 9 skipped", dead)
	}
}

func TestAliveHostIsNotForgotten(t *testing.T) {
	hits := &counter{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	waits := &waitRecorder{}
	c := newTestClient(t, func(cfg *Config) { cfg.MaxRetries = 1; cfg.OnWait = waits.onWait })
	for range 3 {
		_, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/api"})
		if fe := wantKind(t, err, scanner.ErrHTTPStatus); fe.Skipped {
			t.Fatalf("a host answering 503 was skipped: %v", fe)
		}
	}
	if got := hits.get(); got != 6 {
		t.Errorf("server asked %d times, want 6: a 503 says the host is alive", got)
	}
	if dead := c.DeadHosts(); len(dead) != 0 {
		t.Errorf("DeadHosts = %+v, want none", dead)
	}
	if calls := waits.recorded(); len(calls) != 3 || calls[0].reason != "backoff after HTTP 503" {
		t.Errorf("progress heard %+v, want 3 waits saying \"backoff after HTTP 503\"", calls)
	}
}

func TestImpossiblePortIsInvalidInput(t *testing.T) {
	redirect := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.1:181210/x", http.StatusFound)
	})
	tests := []struct{ name, url string }{
		{"in the registry", "https://mastodon.example:181210/@kultur"},
		{"port zero", "http://blogg.example:0/"},
		{"by redirect", redirect.URL + "/old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) { cfg.OnWait = waits.onWait })
			_, err := c.Fetch(context.Background(), scanner.Request{URL: tt.url})
			fe := wantKind(t, err, scanner.ErrInvalidInput)
			if !strings.Contains(fe.Error(), "port") {
				t.Errorf("error %q does not name the port", fe)
			}
			if calls := waits.recorded(); len(calls) != 0 {
				t.Errorf("retried: %+v", calls)
			}
			if dead := c.DeadHosts(); len(dead) != 0 {
				t.Errorf("DeadHosts = %+v, want none", dead)
			}
		})
	}
}
