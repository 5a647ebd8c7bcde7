package crawl

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// urlAdapter fetches an account's URL through the Client; before, when
// set, runs first (with the account's context).
type urlAdapter struct {
	c      *Client
	before func(ctx context.Context, acc scanner.Account)
}

func (a urlAdapter) Fetch(ctx context.Context, acc scanner.Account, _ time.Time) (scanner.Fetched, error) {
	if a.before != nil {
		a.before(ctx, acc)
	}
	if _, err := a.c.Fetch(ctx, scanner.Request{URL: acc.URL}); err != nil {
		return scanner.Fetched{}, err
	}
	return scanner.Fetched{Profile: scanner.Profile{DisplayName: acc.Name}}, nil
}

// finishOrder records the order in which accounts finish.
type finishOrder struct {
	mu    sync.Mutex
	names []string
	b     chan struct{} // closed when account "b" finishes
}

func (f *finishOrder) Started(scanner.Account) {}
func (f *finishOrder) Finished(res scanner.Result) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.names = append(f.names, res.Account.Name)
	if res.Account.Name == "b" {
		close(f.b)
	}
}

// TestWaitForRateLimitLendsWorker runs a scan with one worker and two
// accounts on two hosts. Account a's host answers 429 with a Retry-After
// of a minute; while a waits, it must lend the one worker so b, on the
// other host, finishes first. Were the wait to keep the worker, b could
// never run and the scan would stall until the test's context ends.
// (b starts only once a has asked its host, lending its own worker
// meanwhile, so a is the one holding the worker when the 429 comes.)
func TestWaitForRateLimitLendsWorker(t *testing.T) {
	asked := make(chan struct{})
	var once sync.Once
	hitsA := &counter{}
	srvA := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if hitsA.inc() == 1 {
			once.Do(func() { close(asked) })
			w.Header().Set("Retry-After", "60")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("ok"))
	})
	srvB := serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })

	c := newTestClient(t, nil)
	sleeper := useGatedSleep(c)
	order := &finishOrder{b: make(chan struct{})}
	go func() {
		// The minute's wait ends once b is done (or never, if b is stuck).
		<-order.b
		close(sleeper.open)
	}()
	adapter := urlAdapter{c: c, before: func(ctx context.Context, acc scanner.Account) {
		if acc.Name != "b" {
			return
		}
		resume := scanner.Idle(ctx)
		defer resume()
		select {
		case <-asked:
		case <-ctx.Done():
		}
	}}
	accs := []scanner.Account{
		{Name: "a", Platform: scanner.Web, URL: srvA.URL + "/"},
		{Name: "b", Platform: scanner.Web, URL: srvB.URL + "/"},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res := scanner.Scan(ctx, accs, map[scanner.Platform]scanner.Adapter{scanner.Web: adapter}, time.Time{}, scanner.Options{Concurrency: 1, Progress: order})
	for _, r := range res {
		if r.Status != scanner.FetchOK {
			t.Errorf("account %s: status %s (%v), want ok", r.Account.Name, r.Status, r.Err)
		}
	}
	if got := strings.Join(order.names, ","); got != "b,a" {
		t.Errorf("finish order = %s, want b,a: the waiting account lends its worker", got)
	}
	if hitsA.get() != 2 {
		t.Errorf("host a asked %d times, want 2", hitsA.get())
	}
}
