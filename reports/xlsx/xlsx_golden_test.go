package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// dumpXLSX renders a workbook as text for golden files and searches:
// each sheet's name, then every non-empty cell as "A1: value" with line
// breaks shown as \n, and "-> target" for a hyperlink.
func dumpXLSX(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	for _, name := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", name)
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatalf("sheet %q: %v", name, err)
		}
		for ri, row := range rows {
			for ci, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				line := ref + ": " + strings.ReplaceAll(v, "\n", `\n`)
				if ok, target, _ := f.GetCellHyperLink(name, ref); ok {
					line += " -> " + target
				}
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

// TestXLSXGolden compares a text dump of every sample workbook, without
// and with history, with testdata; `go test ./reports/xlsx -update`
// rewrites the files.
func TestXLSXGolden(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		for _, sample := range []struct {
			prefix string
			r      *model.Report
		}{{"", sampleReport(lang)}, {"history-", xhReport(lang)}} {
			r := sample.r
			slugs := []string{model.OverviewSlug}
			for _, a := range r.Administrations {
				slugs = append(slugs, a.Slug)
			}
			for _, slug := range slugs {
				t.Run(sample.prefix+slug+"."+lang, func(t *testing.T) {
					got := dumpXLSX(t, writeXLSX(t, r, slug))
					path := filepath.Join("testdata", sample.prefix+slug+"."+lang+".golden")
					if *update {
						if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
							t.Fatal(err)
						}
					}
					want, err := os.ReadFile(path)
					if err != nil {
						t.Fatalf("read golden file (run with -update to create it): %v", err)
					}
					if diff := cmp.Diff(string(want), got); diff != "" {
						t.Errorf("%s differs (-want +got):\n%s", path, diff)
					}
				})
			}
		}
	}
}

// writeXLSX renders one workbook of the sample report: the overview for
// slug OverviewSlug, else the administration with that slug.
func writeXLSX(t *testing.T, r *model.Report, slug string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if slug == model.OverviewSlug {
		if err := WriteOverviewXLSX(&buf, r); err != nil {
			t.Fatalf("WriteOverviewXLSX: %v", err)
		}
		return buf.Bytes()
	}
	if err := WriteAdministrationXLSX(&buf, r, adminBySlug(t, r, slug)); err != nil {
		t.Fatalf("WriteAdministrationXLSX(%s): %v", slug, err)
	}
	return buf.Bytes()
}
