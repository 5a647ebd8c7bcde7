package xlsx

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

func writeUnregisteredXLSX(t *testing.T, r *model.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteUnregisteredXLSX(&buf, r); err != nil {
		t.Fatalf("WriteUnregisteredXLSX: %v", err)
	}
	return buf.Bytes()
}

// unregisteredRows returns the rows of sheet from its table header on.
func unregisteredRows(t *testing.T, data []byte, sheet string) (head int, rows [][]string) {
	t.Helper()
	f := openXLSX(t, data)
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit < 1 || panes.YSplit > len(all) {
		t.Fatalf("sheet %q: panes %+v (%v), want the header row frozen", sheet, panes, err)
	}
	return panes.YSplit, all[panes.YSplit-1:]
}

func TestOverviewXLSXUnregisteredSheet(t *testing.T) {
	tests := []struct {
		lang, sheet string
		header      []string
		explain     string
	}{
		{"sv", "Saknas i förteckningen", []string{"Plattform", "Konto", "Hittat på", "Även på"}, "Policyn kräver att alla konton rapporteras."},
		{"en", "Not in registry", []string{"Platform", "Account", "Found on", "Also on"}, "The policy requires every account to be reported."},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			data := writeXLSX(t, unregisteredReport(tt.lang, sampleUnregistered()), model.OverviewSlug)
			f := openXLSX(t, data)
			sheets := f.GetSheetList()
			if len(sheets) < 2 || sheets[len(sheets)-2] != tt.sheet {
				t.Fatalf("sheets %q: want %q just before the rules", sheets, tt.sheet)
			}
			head, rows := unregisteredRows(t, data, tt.sheet)
			want := [][]string{
				tt.header,
				{"Facebook", "https://www.facebook.com/forskolanistockholm", "https://start.stockholm/forskola/"},
				{"LinkedIn", "https://www.linkedin.com/company/stockholms-stad", "https://start.stockholm/", "https://start.stockholm/jobb/\nhttps://start.stockholm/om-stockholms-stad/"},
				{"Mastodon", "https://social.example/@bibliotek", "=HYPERLINK(\"x\")"},
				{"TikTok", "https://www.tiktok.com/@stadsbiblioteket", "https://social.example/@kulturhuset"},
			}
			if end := slices.IndexFunc(rows, func(r []string) bool { return len(r) == 0 }); end > 0 {
				rows = rows[:end] // the explanation follows the table
			}
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("table (-want +got):\n%s", diff)
			}
			if !strings.Contains(dumpXLSX(t, data), tt.explain) {
				t.Errorf("sheet lacks the explanation %q", tt.explain)
			}
			links := map[string]string{
				"B" + strconv.Itoa(head+1): "https://www.facebook.com/forskolanistockholm",
				"C" + strconv.Itoa(head+2): "https://start.stockholm/",
				"C" + strconv.Itoa(head+4): "https://social.example/@kulturhuset",
			}
			for ref, target := range links {
				ok, got, err := f.GetCellHyperLink(tt.sheet, ref)
				if err != nil || !ok || got != target {
					t.Errorf("%s: hyperlink %v %q (%v), want %q", ref, ok, got, err, target)
				}
			}
			for _, ref := range []string{"C" + strconv.Itoa(head+3), "D" + strconv.Itoa(head+2)} {
				if ok, got, _ := f.GetCellHyperLink(tt.sheet, ref); ok {
					t.Errorf("%s is a hyperlink to %q; want plain text", ref, got)
				}
			}
			if prefix, _ := quotePrefix(t, f, tt.sheet, "C"+strconv.Itoa(head+3)); !prefix {
				t.Errorf("formula-like page address is not quote-prefixed")
			}
			filter := ""
			for _, d := range f.GetDefinedName() {
				if d.Scope == tt.sheet && d.Name == "_xlnm._FilterDatabase" {
					filter = d.RefersTo
				}
			}
			if wantFilter := "!$A$" + strconv.Itoa(head) + ":$D$" + strconv.Itoa(head+4); !strings.HasSuffix(filter, wantFilter) {
				t.Errorf("autofilter %q, want it to end in %q", filter, wantFilter)
			}
		})
	}
}

func TestOverviewXLSXUnregisteredOnlyWhenDiscoveryRan(t *testing.T) {
	tests := []struct {
		name   string
		list   []model.Unregistered
		sheet  bool
		phrase string
	}{
		{"no discovery", nil, false, ""},
		{"nothing missing", []model.Unregistered{}, true, "Inga konton utanför kontoförteckningen hittades."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, unregisteredReport("sv", tt.list), model.OverviewSlug))
			has := false
			for _, s := range f.GetSheetList() {
				has = has || s == "Saknas i förteckningen"
			}
			if has != tt.sheet {
				t.Fatalf("sheet present = %v, want %v (sheets %q)", has, tt.sheet, f.GetSheetList())
			}
			if tt.phrase != "" && findCell(t, f, "Saknas i förteckningen", tt.phrase) == "" {
				t.Errorf("no cell reads %q", tt.phrase)
			}
		})
	}
}

func TestWriteUnregisteredXLSX(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := unregisteredReport(lang, sampleUnregistered())
			data := writeUnregisteredXLSX(t, r)
			f := openXLSX(t, data)
			sheet := workbook.Label(lang, "sheet.unregistered")
			if diff := cmp.Diff([]string{sheet}, f.GetSheetList()); diff != "" {
				t.Fatalf("sheets (-want +got):\n%s", diff)
			}
			for _, want := range []string{model.L(lang, "section.unregistered"), "2026-11-20", "konton.csv", "smaudit test"} {
				if findCell(t, f, sheet, want) == "" {
					t.Errorf("no cell reads %q", want)
				}
			}
			if !strings.Contains(dumpXLSX(t, data), "konton.csv: rad 7") {
				t.Error("the registry's row notes are missing")
			}
			_, rows := unregisteredRows(t, data, sheet)
			if len(rows) < 5 || rows[1][0] != "Facebook" || rows[4][1] != "https://www.tiktok.com/@stadsbiblioteket" {
				t.Errorf("table rows = %q", rows)
			}
			props, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if stamp := sampleAsOf.UTC().Format(time.RFC3339); props.Created != stamp || props.Modified != stamp || props.Title != model.L(lang, "section.unregistered") {
				t.Errorf("doc props %+v, want created and modified %s", props, stamp)
			}
		})
	}
	t.Run("no discovery result reads as none found", func(t *testing.T) {
		f := openXLSX(t, writeUnregisteredXLSX(t, unregisteredReport("en", nil)))
		if findCell(t, f, "Not in registry", "No accounts outside the registry were found.") == "" {
			t.Error("the empty workbook does not say that nothing was found")
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		first := writeUnregisteredXLSX(t, unregisteredReport("sv", sampleUnregistered()))
		if !bytes.Equal(first, writeUnregisteredXLSX(t, unregisteredReport("sv", sampleUnregistered()))) {
			t.Error("two writes of the same report differ")
		}
		zipTimesUnset(t, first) // the document properties are checked above
	})
}
