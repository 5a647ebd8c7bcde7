package crawl

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// testConfig is a configuration with fast timings that lets the client
// reach httptest servers on loopback.
func testConfig() Config {
	cfg := DefaultConfig()
	cfg.AllowPrivateNetworks = true
	cfg.PerHostDelay = 0
	cfg.RequestTimeout = 5 * time.Second
	cfg.RetryBackoff = time.Millisecond
	return cfg
}

// newTestClient builds a Client from testConfig changed by edit.
func newTestClient(t *testing.T, edit func(*Config)) *Client {
	t.Helper()
	cfg := testConfig()
	if edit != nil {
		edit(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// fakeSleeper records the waits it is asked for and returns at once,
// moving its clock on by each wait, so tests of Retry-After or rate-limit
// resets of minutes or hours take no time. Its clock starts at the wall
// clock's time, so answers that compute resets from time.Now agree.
type fakeSleeper struct {
	mu     sync.Mutex
	waits  []time.Duration
	offset time.Duration // slept so far
}

func (f *fakeSleeper) sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	f.waits = append(f.waits, d)
	if d > 0 {
		f.offset += d
	}
	f.mu.Unlock()
	return ctx.Err()
}

// now is the wall clock moved on by the waits slept.
func (f *fakeSleeper) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return time.Now().Add(f.offset)
}

func (f *fakeSleeper) recorded() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.waits...)
}

// useFakeSleep makes c wait through a fakeSleeper and returns it; the
// scan's deadline counts from now, as from New.
func useFakeSleep(c *Client) *fakeSleeper {
	f := &fakeSleeper{}
	clk := clock{now: f.now, sleep: f.sleep}
	c.clock = clk
	c.limits.clock = clk
	c.limits.deadline = f.now().Add(c.cfg.Deadline)
	return f
}

// waitRecorder collects OnWait calls.
type waitRecorder struct {
	mu    sync.Mutex
	calls []waitCall
}

type waitCall struct {
	host   string
	d      time.Duration
	reason string
}

func (w *waitRecorder) onWait(host string, d time.Duration, reason string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls = append(w.calls, waitCall{host, d, reason})
}

func (w *waitRecorder) recorded() []waitCall {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]waitCall(nil), w.calls...)
}

// counter counts requests a handler served.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return c.n
}

func (c *counter) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// serve starts an httptest server for h, closed when the test ends.
func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// fetchErr asserts err is a *scanner.FetchError and returns it.
func fetchErr(t *testing.T, err error) *scanner.FetchError {
	t.Helper()
	var fe *scanner.FetchError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *scanner.FetchError", err, err)
	}
	return fe
}

// wantKind asserts err is a FetchError of kind want.
func wantKind(t *testing.T, err error, want scanner.ErrorKind) *scanner.FetchError {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want kind %s", want)
	}
	fe := fetchErr(t, err)
	if fe.Kind != want {
		t.Fatalf("error kind = %s (%v), want %s", fe.Kind, fe, want)
	}
	return fe
}
