package reports

import (
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// BenchmarkWriteAll writes every report of 1,000 fetched accounts in 40
// administrations, each judged by the whole catalog, as `smaudit scan`
// writes them: results.json, the overview and 40 administrations'
// workbooks and PDFs. Target (with judging, in cmd/smaudit's
// BenchmarkScan1000): report-s under 5 s. report-s here is WriteAll
// alone; MB-alloc/op and files/op say how much it takes and writes.
func BenchmarkWriteAll(b *testing.B) {
	judged := interruptedJudged(1000, 1000, sampleAsOf, scanner.Result{Status: scanner.FetchNotReached})
	r := model.Build(judged, rules.All(rules.DefaultConfig()), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit bench", Lang: "sv", Registry: "konton.xlsx"}, model.Inputs{})
	if len(r.Administrations) != 40 {
		b.Fatalf("%d administrations, want 40", len(r.Administrations))
	}
	dir := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	files := 0
	for i := 0; i < b.N; i++ {
		w, err := WriteAll(dir, r)
		if err != nil {
			b.Fatal(err)
		}
		files += 1 + len(w.Overview)
		for _, f := range w.PerAdministration {
			files += len(f)
		}
	}
	b.ReportMetric(time.Since(start).Seconds()/float64(b.N), "report-s")
	b.ReportMetric(float64(files)/float64(b.N), "files/op")
}
