package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// linkReport is the interrupted-scan sample scaled up and fully checked:
// n fetched accounts judged by the whole catalog, all in one
// administration so its workbook carries a hyperlink on every finding row.
func linkReport(n int) *model.Report {
	judged := interruptedJudged(n, n, sampleAsOf, scanner.Result{Status: scanner.FetchNotReached})
	for i := range judged {
		judged[i].Result.Account.Administration = "Kulturförvaltningen"
	}
	return model.Build(judged, rules.All(rules.DefaultConfig()), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit bench", Lang: "sv", Registry: "konton.xlsx"}, model.Inputs{})
}

// BenchmarkWorkbookLinks writes the overview workbook and the workbook of
// one administration holding every account, at growing sizes. Every
// finding row of the administration's workbook and every failing row of
// the overview is a hyperlink, so time must grow with the rows written,
// not with their square (through SetCellHyperLink the administration's
// workbook took 2.7 s at 1,000 accounts and 228 s at 10,000). links
// reports the hyperlinks written per workbook.
func BenchmarkWorkbookLinks(b *testing.B) {
	for _, n := range []int{1000, 4000, 10000} {
		r := linkReport(n)
		a := r.Administrations[0]
		books := []struct {
			name  string
			write func(io.Writer) error
		}{
			{"overview", func(w io.Writer) error { return WriteOverviewXLSX(w, r) }},
			{"administration", func(w io.Writer) error { return WriteAdministrationXLSX(w, r, a) }},
		}
		for _, book := range books {
			b.Run(fmt.Sprintf("accounts=%d/book=%s", n, book.name), func(b *testing.B) {
				var buf bytes.Buffer
				for i := 0; i < b.N; i++ {
					buf.Reset()
					if err := book.write(&buf); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(countLinks(b, buf.Bytes())), "links")
			})
		}
	}
}

// countLinks counts the hyperlinks in every sheet of a workbook.
func countLinks(tb testing.TB, data []byte) int {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("open workbook: %v", err)
	}
	n := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			tb.Fatalf("%s: %v", zf.Name, err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatalf("%s: %v", zf.Name, err)
		}
		n += bytes.Count(part, []byte("<hyperlink "))
	}
	return n
}
