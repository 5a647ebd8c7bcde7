package affiliation

import (
	"context"
	"maps"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// countingTransport counts the requests that reach the fixture server,
// per host and path.
type countingTransport struct {
	next http.RoundTripper
	mu   sync.Mutex
	n    map[string]int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.n[r.URL.Host+r.URL.Path]++
	c.mu.Unlock()
	return c.next.RoundTrip(r)
}

func (c *countingTransport) counts() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.n)
}

// TestAccountsLinkingOnePageReadItOnce checks many accounts, at once, whose
// profiles all link the same city pages, as the city's accounts link
// stockholm.se: each page reaches the server once in the scan, the one
// answering 503 included (once with its retries), and every account still
// gets its own proofs from the shared answers.
func TestAccountsLinkingOnePageReadItOnce(t *testing.T) {
	srv, err := fixtureserver.Start(os.DirFS("testdata/city"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	counter := &countingTransport{next: srv.Transport(), n: map[string]int{}}
	cfg := crawl.DefaultConfig()
	cfg.Transport = counter
	cfg.PerHostDelay = 0
	cfg.RetryBackoff = time.Millisecond
	cfg.MaxRetries = 1
	client, err := crawl.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := New(client, cityDomains, 3)

	links := []scanner.Link{
		{URL: "https://kultur.stockholm.se/"},
		{URL: "https://kultur.stockholm.se/om-oss"},
		{URL: "https://start.stockholm/"},
	}
	kinds := []struct {
		acc  scanner.Account
		want []scanner.Proof
	}{
		{scanner.Account{URL: "https://mastodon.example/@kulturforvaltningen", Platform: scanner.Mastodon}, []scanner.Proof{
			{Kind: scanner.ProofRelMe, From: "https://kultur.stockholm.se/", To: "https://mastodon.example/@kulturforvaltningen"},
		}},
		{scanner.Account{URL: "https://youtube.com/@kulturstockholm", Platform: scanner.YouTube}, []scanner.Proof{
			{Kind: scanner.ProofSameAs, From: "https://kultur.stockholm.se/", To: "https://www.youtube.com/@kulturstockholm"},
			{Kind: scanner.ProofSameAs, From: "https://kultur.stockholm.se/om-oss", To: "https://www.youtube.com/@kulturstockholm/"},
		}},
		{scanner.Account{URL: "https://www.facebook.com/somebody", Platform: scanner.Facebook}, nil},
	}
	const accounts = 30
	got := make([][]scanner.Proof, accounts)
	var wg sync.WaitGroup
	for i := range accounts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := scanner.Fetched{Profile: scanner.Profile{Links: links}}
			got[i] = p.Prove(context.Background(), kinds[i%len(kinds)].acc, f)
		}()
	}
	wg.Wait()
	for i := range accounts {
		if diff := cmp.Diff(kinds[i%len(kinds)].want, got[i]); diff != "" {
			t.Errorf("account %d: proofs (-want +got):\n%s", i, diff)
		}
	}
	want := map[string]int{
		"kultur.stockholm.se/robots.txt": 1,
		"kultur.stockholm.se/":           1,
		"kultur.stockholm.se/om-oss":     1,
		"start.stockholm/robots.txt":     1,
		"start.stockholm/":               2, // 503, retried once, then failed for all
	}
	if diff := cmp.Diff(want, counter.counts()); diff != "" {
		t.Errorf("requests at the server for %d accounts (-want +got):\n%s", accounts, diff)
	}
}
