package fixtureserver

import (
	"context"
	"sync"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// RecordingFetcher is the real crawl layer pointed at a fixture server,
// politeness off, remembering every request an adapter makes so tests can
// check what was asked for.
type RecordingFetcher struct {
	client *crawl.Client
	mu     sync.Mutex
	reqs   []scanner.Request
}

// Fetcher returns a RecordingFetcher that reaches s under the fixtures'
// host names. Retries are kept, with millisecond backoff. The deadline is
// a minute, so a fixture that throttles for good (Graph's code 4 asks for
// the hour's window) fails at once as scanner.ErrRateLimited instead of
// holding a test for the platform's real wait.
func (s *Server) Fetcher() (*RecordingFetcher, error) {
	cfg := crawl.DefaultConfig()
	cfg.Transport = s.Transport()
	cfg.PerHostDelay = 0
	cfg.RetryBackoff = time.Millisecond
	cfg.Deadline = time.Minute
	c, err := crawl.New(cfg)
	if err != nil {
		return nil, err
	}
	return &RecordingFetcher{client: c}, nil
}

// Fetch implements scanner.Fetcher.
func (f *RecordingFetcher) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	return f.client.Fetch(ctx, req)
}

// Requests lists the requests made so far, in order.
func (f *RecordingFetcher) Requests() []scanner.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]scanner.Request(nil), f.reqs...)
}
