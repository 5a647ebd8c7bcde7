package crawl

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// panickyTransport panics for one URL and answers 200 for the others, as
// a bug deep in a request would.
type panickyTransport struct{ bad string }

func (p panickyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.String() == p.bad {
		panic("bug while fetching")
	}
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(`{}`)), Request: req}, nil
}

// TestPanicFreesTheHostSlot: with one slot per host, a request that
// panics (the scan recovers it as that account's failure) must give its
// slot back, or every later request to the host waits forever.
func TestPanicFreesTheHostSlot(t *testing.T) {
	cfg := DefaultConfig()
	cfg.PerHostConcurrency = 1
	cfg.PerHostDelay = 0
	cfg.Transport = panickyTransport{bad: "https://api.example/bad"}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the caller")
			}
		}()
		_, _ = c.Fetch(context.Background(), scanner.Request{URL: "https://api.example/bad"})
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := c.Fetch(ctx, scanner.Request{URL: "https://api.example/good"}); err != nil {
		t.Fatalf("the next request to the host: %v (its slot was never freed)", err)
	}
}
