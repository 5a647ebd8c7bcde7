package mastodon

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/scanner"
)

// httpFetcher is a test-only scanner.Fetcher over net/http with the crawl
// layer's contract: a non-2xx status returns the response and a
// *FetchError of kind ErrHTTPStatus. It records every request.
type httpFetcher struct {
	client *http.Client
	mu     sync.Mutex
	reqs   []scanner.Request
}

func (f *httpFetcher) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, &scanner.FetchError{Kind: scanner.ErrInvalidInput, URL: req.URL, Detail: err.Error(), Err: err}
	}
	if req.Accept != "" {
		hr.Header.Set("Accept", req.Accept)
	}
	resp, err := f.client.Do(hr)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return nil, &scanner.FetchError{Kind: scanner.ErrCanceled, URL: req.URL, Err: err}
		}
		return nil, &scanner.FetchError{Kind: scanner.ErrNetwork, URL: req.URL, Detail: err.Error(), Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, &scanner.FetchError{Kind: scanner.ErrNetwork, URL: req.URL, Detail: err.Error(), Err: err}
	}
	out := &scanner.Response{URL: resp.Request.URL.String(), StatusCode: resp.StatusCode, Header: resp.Header, Body: body}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return out, &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: out.URL, StatusCode: resp.StatusCode, Detail: http.StatusText(resp.StatusCode)}
	}
	return out, nil
}

func (f *httpFetcher) requests() []scanner.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]scanner.Request(nil), f.reqs...)
}

// serve starts the fixture server for testdata/<tree> and returns a
// fetcher that reaches it under the fixtures' real host names.
func serve(t *testing.T, tree string) *httpFetcher {
	t.Helper()
	dir := filepath.Join("testdata", tree)
	srv, err := fixtureserver.Start(os.DirFS(dir))
	if err != nil {
		t.Fatalf("fixture tree %s: %v", dir, err)
	}
	t.Cleanup(srv.Close)
	return &httpFetcher{client: &http.Client{Transport: srv.Transport()}}
}
