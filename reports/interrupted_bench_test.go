package reports

import (
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// BenchmarkInterruptedReports5000 builds and writes every report of a
// 5,000-account audit interrupted after 14 accounts, 40 administrations:
// what a person waits for after Ctrl-C. Target: report-s under 5 s.
func BenchmarkInterruptedReports5000(b *testing.B) {
	judged := interruptedJudged(5000, 14, sampleAsOf, scanner.Result{Status: scanner.FetchNotReached})
	catalog := rules.All(rules.DefaultConfig())
	dir := b.TempDir()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		r := model.Build(judged, catalog, model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit bench", Lang: "sv", Registry: "konton.xlsx",
			Notes: []string{model.L("sv", "note.interrupted")}}, model.Inputs{})
		if r.Summary.NotReached != 4986 || !r.Meta.Interrupted {
			b.Fatalf("not reached %d, interrupted %v", r.Summary.NotReached, r.Meta.Interrupted)
		}
		if _, err := WriteAll(dir, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(time.Since(start).Seconds()/float64(b.N), "report-s")
}
