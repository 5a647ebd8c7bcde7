package main

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/rules"
)

// recorder remembers every URL the scan asked for, so plain net/http can
// fetch exactly the same ones.
type recorder struct {
	base http.RoundTripper
	mu   sync.Mutex
	urls []string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.urls = append(r.urls, req.URL.String())
	r.mu.Unlock()
	return r.base.RoundTrip(req)
}

// BenchmarkScan1000 scans 1,000 accounts (Mastodon, Bluesky, YouTube and
// blogs, recorded responses of real size) from a loopback server with politeness off, then
// judges them and writes the reports of 40 administrations. Targets:
// x-bare (scan time / plain net/http time for the same URLs, same
// parallelism) at most 1.5, report-s (writing every report) under 5 s, and
// history-% (what keeping history adds, relative to the scan) under 10.
//
// The server answers either at once (latency=0: the scan's CPU cost, mostly
// parsing JSON, HTML and feeds, against bare byte copying) or after 20 ms,
// a public server's typical answer time (latency=20ms: what a real scan
// sees). The x-bare target is judged on the latter; both are reported.
func BenchmarkScan1000(b *testing.B) {
	const accounts, admins = 1000, 40
	fsys, reg := benchFixtures(b, accounts, admins)
	for _, latency := range []time.Duration{0, 20 * time.Millisecond} {
		b.Run("latency="+latency.String(), func(b *testing.B) {
			benchScan(b, fsys, reg, accounts, admins, latency)
		})
	}
}

func benchScan(b *testing.B, fsys fs.FS, reg *registry.Registry, accounts, admins int, latency time.Duration) {
	srv, err := fixtureserver.Start(fsys, fixtureserver.WithLatency(latency))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	asOf, _ := rules.ParseAsOf(demoAsOf)
	cfg := defaultConfig()
	cfg.Platforms = demoPlatforms(cfg.Platforms)
	cfg.Crawl.PerHostDelay = 0
	cfg.Crawl.PerHostConcurrency = cfg.Concurrency
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	out := b.TempDir()

	var scanTime, bareTime, reportTime, historyTime time.Duration
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		rec := &recorder{base: srv.Transport()}
		j := job{reg: reg, asOf: asOf, lang: "sv", cfg: cfg, out: out, registryName: "bench.csv", transport: rec}

		start := time.Now()
		results, _, err := fetchAll(context.Background(), j, newProgress(io.Discard, accounts), log)
		if err != nil {
			b.Fatal(err)
		}
		scanTime += time.Since(start)
		for _, r := range results {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.Account.URL, r.Err)
			}
		}

		start = time.Now()
		catalog := rules.All(cfg.Rules)
		judged := make([]rules.Judged, len(results))
		for k := range results {
			judged[k] = rules.Judge(catalog, results[k], asOf)
		}
		report := reports.Build(judged, catalog, reports.Meta{AsOf: asOf, GeneratedBy: "smaudit bench", Lang: "sv", Registry: "bench.csv"})
		if len(report.Administrations) != admins {
			b.Fatalf("%d administrations, want %d", len(report.Administrations), admins)
		}
		if _, err := reports.WriteAll(out, report); err != nil {
			b.Fatal(err)
		}
		reportTime += time.Since(start)

		historyTime += keepHistory(b, filepath.Join(b.TempDir(), "h.db"), judged, asOf)

		bareTime += fetchBare(b, srv.Transport(), rec.urls, cfg.Concurrency)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(accounts*b.N)/scanTime.Seconds(), "accounts/s")
	b.ReportMetric(scanTime.Seconds()/bareTime.Seconds(), "x-bare")
	b.ReportMetric(reportTime.Seconds()/float64(b.N), "report-s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6/float64(b.N), "MB-alloc/op")
	b.ReportMetric(100*historyTime.Seconds()/scanTime.Seconds(), "history-%")
}

// keepHistory returns how long what a scan with history adds takes: open
// the database, take its lock, compare with the stored scans and store
// this one. The database first gets an earlier quarter, untimed, as it
// would hold in use.
func keepHistory(b *testing.B, path string, judged []rules.Judged, asOf time.Time) time.Duration {
	ctx := context.Background()
	save := func(day time.Time) {
		db, err := history.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		sess, err := db.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		scan := history.FromJudged(day, "bench.csv", "smaudit bench", "sv", judged)
		if _, err := db.HistoryFor(ctx, scan); err != nil {
			b.Fatal(err)
		}
		if _, err := sess.Save(ctx, scan); err != nil {
			b.Fatal(err)
		}
	}
	save(asOf.AddDate(0, -3, 0))
	start := time.Now()
	save(asOf)
	return time.Since(start)
}

// fetchBare fetches urls with plain net/http, workers at a time, reading
// every body, and returns how long it took.
func fetchBare(b *testing.B, transport http.RoundTripper, urls []string, workers int) time.Duration {
	client := &http.Client{Transport: transport}
	jobs := make(chan string)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				resp, err := client.Get(u)
				if err != nil {
					b.Error(err)
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	for _, u := range urls {
		jobs <- u
	}
	close(jobs)
	wg.Wait()
	return time.Since(start)
}
