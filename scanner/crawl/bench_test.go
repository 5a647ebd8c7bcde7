package crawl

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// BenchmarkFetch compares the crawl layer, politeness off, with plain
// net/http fetching the same URL. The target: a scan through Client takes
// at most 1.5 times as long as net/http alone.
func BenchmarkFetch(b *testing.B) {
	body := `{"id":"1","username":"stockholmsstad","note":"` + strings.Repeat("x", 2000) + `"}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}))
	defer srv.Close()
	url := srv.URL + "/api/v1/accounts/lookup?acct=stockholmsstad"

	cfg := testConfig()
	cfg.PerHostConcurrency = 64
	c, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	crawlGet := func() error {
		resp, err := c.Fetch(context.Background(), scanner.Request{URL: url, Accept: "application/json"})
		if err == nil && len(resp.Body) != len(body) {
			b.Fatalf("body of %d bytes, want %d", len(resp.Body), len(body))
		}
		return err
	}
	plain := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	plainGet := func() error {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		req.Header.Set("Accept", "application/json")
		resp, err := plain.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}

	for _, impl := range []struct {
		name string
		get  func() error
	}{{"crawl", crawlGet}, {"net-http", plainGet}} {
		b.Run(impl.name+"/sequential", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := impl.get(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(impl.name+"/parallel", func(b *testing.B) {
			b.ReportAllocs()
			b.SetParallelism(4)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := impl.get(); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
