package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkInterruptedScan5000 is the user's view of Ctrl-C early in a
// 5,000-account scan of 40 administrations, history kept: from the
// cancel to smaudit's return, that is stopping the fetches in flight,
// judging, reading the history and writing every report. Target:
// after-cancel-s under 5.
func BenchmarkInterruptedScan5000(b *testing.B) {
	var total time.Duration
	for i := 0; i < b.N; i++ {
		total += interruptedScan(b, 5000)
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "after-cancel-s")
}

// interruptedScan runs scan on n blog accounts whose server never
// answers, cancels it when the first page is asked for and returns how
// long smaudit took from there.
func interruptedScan(b *testing.B, n int) time.Duration {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	var canceled time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		once.Do(func() { canceled = time.Now(); cancel() })
		<-r.Context().Done()
	}))
	defer srv.Close()
	dir := b.TempDir()
	var csv strings.Builder
	csv.WriteString("Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&csv, "Förvaltning %02d;Blogg %04d;Blogg;%s/b%d;Syfte;Mål;Målgrupp;Ansvarig\n", i%40, i, srv.URL, i)
	}
	reg := filepath.Join(dir, "konton.csv")
	if err := os.WriteFile(reg, []byte(csv.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	code := run(ctx, []string{"scan", "--registry", reg, "--out", filepath.Join(dir, "rapporter"), "--as-of", "2026-11-20",
		"--allow-private-networks"}, nil, io.Discard, io.Discard)
	took := time.Since(canceled)
	if code != exitInterrupted {
		b.Fatalf("exit %d, want %d", code, exitInterrupted)
	}
	return took
}
