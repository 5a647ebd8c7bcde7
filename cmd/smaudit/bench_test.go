package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner/progress"
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
	fsys, reg, csv := benchFixtures(b, accounts, admins)
	for _, latency := range []time.Duration{0, 20 * time.Millisecond} {
		b.Run("latency="+latency.String(), func(b *testing.B) {
			benchScan(b, fsys, reg, accounts, admins, latency)
		})
	}
	b.Run("binary", func(b *testing.B) {
		benchBinary(b, fsys, csv, accounts)
	})
	// The same at ten times the size, to see that time and memory grow
	// with the accounts and no faster (target: scan-s and peak-RSS-MB at
	// most 12 times binary's). It takes minutes, so it runs only when
	// asked for.
	b.Run("binary-10000", func(b *testing.B) {
		if os.Getenv("SMAUDIT_BENCH_10K") != "1" {
			b.Skip("set SMAUDIT_BENCH_10K=1 to scan 10,000 accounts")
		}
		fsys, _, csv := benchFixtures(b, 10*accounts, admins)
		benchBinary(b, fsys, csv, 10*accounts)
	})
}

// benchBinary builds smaudit and runs `smaudit scan` of the registry csv
// as a separate process, with history, against the fixtures at once
// (latency 0) through benchProxy, and reports the child's peak resident
// memory as peak-RSS-MB (target under 150). The history database first
// gets an earlier quarter from an untimed run, as it would hold in use,
// so the measured run also compares with it.
func benchBinary(b *testing.B, fsys fs.FS, csv string, accounts int) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "smaudit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	h, err := fixtureserver.NewHandler(fsys)
	if err != nil {
		b.Fatal(err)
	}
	proxy := startBenchProxy(b, h)
	defer proxy.Close()
	cfg := audit.DefaultConfig()
	p := audit.DemoPlatforms(cfg.Platforms)
	config := fmt.Sprintf(`concurrency: %d
crawl:
  per-host-delay: 0s
  per-host-concurrency: %d
  allow-private-networks: true
  proxy: %s
platforms:
  bluesky: {appview: %q}
  youtube: {site: %q, api-base: %q}
  meta: {graph-base: %q, instagram-user-id: %q}
  x: {api-base: %q}
`, cfg.Concurrency, cfg.Concurrency, proxy.URL, p.Bluesky.AppView, p.YouTube.Site, p.YouTube.APIBase,
		p.Meta.GraphBase, p.Meta.InstagramUserID, p.X.APIBase)
	regFile, cfgFile := filepath.Join(dir, "bench.csv"), filepath.Join(dir, "smaudit.yaml")
	if err := os.WriteFile(regFile, []byte(csv), 0o600); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(cfgFile, []byte(config), 0o600); err != nil {
		b.Fatal(err)
	}
	asOf, _ := rules.ParseAsOf(audit.DemoAsOf)
	scan := func(day time.Time) (*syscall.Rusage, time.Duration) {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(bin, "scan", "--registry", regFile, "--config", cfgFile,
			"--out", filepath.Join(dir, "out-"+day.Format(time.DateOnly)), "--as-of", day.Format(time.DateOnly))
		cmd.Env = append(os.Environ(), "SSL_CERT_FILE="+proxy.caFile)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		// Exit 1 says a finding failed, which the fixtures' accounts do;
		// anything else (3: an account could not be checked) is a broken run.
		if code := cmd.ProcessState.ExitCode(); code != exitOK && code != exitFail {
			b.Fatalf("smaudit scan: %v (exit %d)\n%s", err, code, lastLines(stderr.String(), 20))
		}
		// Exit 1 does not say every account was read: the summary does.
		if sum := stdout.String(); !strings.Contains(sum, fmt.Sprintf("Audited %d accounts", accounts)) || strings.Contains(sum, "could not be read") {
			b.Fatalf("smaudit scan did not read every account:\n%s", sum)
		}
		return cmd.ProcessState.SysUsage().(*syscall.Rusage), took
	}
	b.ResetTimer()
	var peak int64
	var took time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.Remove(filepath.Join(dir, defaultDBName))
		scan(asOf.AddDate(0, -3, 0))
		b.StartTimer()
		ru, d := scan(asOf)
		peak, took = max(peak, ru.Maxrss), took+d
	}
	// Linux reports ru_maxrss in KiB.
	b.ReportMetric(float64(peak)*1024/1e6, "peak-RSS-MB")
	b.ReportMetric(took.Seconds()/float64(b.N), "scan-s")
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func benchScan(b *testing.B, fsys fs.FS, reg *registry.Registry, accounts, admins int, latency time.Duration) {
	srv, err := fixtureserver.Start(fsys, fixtureserver.WithLatency(latency))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	asOf, _ := rules.ParseAsOf(audit.DemoAsOf)
	cfg := audit.DefaultConfig()
	cfg.Platforms = audit.DemoPlatforms(cfg.Platforms)
	cfg.Crawl.PerHostDelay = 0
	cfg.Crawl.PerHostConcurrency = cfg.Concurrency
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	out := b.TempDir()

	var scanTime, bareTime, reportTime, historyTime, scanCPU time.Duration
	var requests int
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		rec := &recorder{base: srv.Transport()}
		j := audit.Options{Registry: reg, AsOf: asOf, Lang: "sv", Config: cfg, Out: out, RegistryName: "bench.csv", Transport: rec, Version: version, Logger: log}

		start, cpuStart := time.Now(), processCPU(b)
		results, _, err := audit.Fetch(context.Background(), j, progress.New(io.Discard, reg.Accounts))
		if err != nil {
			b.Fatal(err)
		}
		scanTime += time.Since(start)
		scanCPU += processCPU(b) - cpuStart
		requests += len(rec.urls)
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
			judged[k].Settle()
		}
		report := model.Build(judged, catalog, model.Meta{AsOf: asOf, GeneratedBy: "smaudit bench", Lang: "sv", Registry: "bench.csv"}, model.Inputs{})
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
	// The fixture server shares the process, so this is the CPU of both
	// sides; its share is the same before and after a change to the scan.
	b.ReportMetric(float64(scanCPU.Microseconds())/float64(requests), "CPU-µs/request")
}

// processCPU is the CPU time (user and system) this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
