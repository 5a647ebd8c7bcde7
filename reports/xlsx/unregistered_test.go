package xlsx

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

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
			facts, sheet := workbook.Label(lang, "sheet.summary"), workbook.Label(lang, "sheet.unregistered")
			if diff := cmp.Diff([]string{facts, sheet}, f.GetSheetList()); diff != "" {
				t.Fatalf("sheets (-want +got):\n%s", diff)
			}
			notes := r.AllNotes()
			if len(notes) == 0 {
				t.Fatal("the sample has no notes; the test would prove nothing about them")
			}
			for _, want := range append([]string{model.L(lang, "section.unregistered"), "2026-11-20", "konton.csv", "smaudit test"}, notes...) {
				if findCell(t, f, facts, want) == "" {
					t.Errorf("%s: no cell reads %q", facts, want)
				}
				if findCell(t, f, sheet, want) != "" {
					t.Errorf("%s: %q is above or beside the table; it belongs on %s", sheet, want, facts)
				}
			}
			if ref := findCell(t, f, facts, "2026-11-20"); ref != "" {
				assertDateCell(t, f, facts, ref)
			}
			assertFoundCount(t, f, facts, sheet, len(r.Unregistered))
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
		assertPanes(t, f, "Summary", 0, 0)
		assertPanes(t, f, "Not in registry", 1, 4)
		assertFoundCount(t, f, "Summary", "Not in registry", 0)
	})
	t.Run("deterministic", func(t *testing.T) {
		first := writeUnregisteredXLSX(t, unregisteredReport("sv", sampleUnregistered()))
		if !bytes.Equal(first, writeUnregisteredXLSX(t, unregisteredReport("sv", sampleUnregistered()))) {
			t.Error("two writes of the same report differ")
		}
		zipTimesUnset(t, first) // the document properties are checked above
	})
}

// TestWriteUnregisteredXLSXPanes checks the discover workbook keeps the
// rule of the audit's workbooks: the first sheet, the facts and notes,
// holds no table and freezes nothing; the accounts' table starts in row
// 1 and freezes its header row and nothing else, filtered and printed
// with that row on every page.
func TestWriteUnregisteredXLSXPanes(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			f := openXLSX(t, writeUnregisteredXLSX(t, unregisteredReport(lang, sampleUnregistered())))
			assertPanes(t, f, workbook.Label(lang, "sheet.summary"), 0, 0)
			assertPanes(t, f, workbook.Label(lang, "sheet.unregistered"), 1+len(sampleUnregistered()), 4)
			if got := f.GetActiveSheetIndex(); got != 0 {
				t.Errorf("workbook opens on sheet %d, want the facts first", got)
			}
		})
	}
}

// assertPanes checks a sheet's frozen rows the way the audit workbooks'
// test does: last 0 means a sheet without a table, nothing frozen and no
// filter; otherwise the table's header is row 1, frozen alone, bold,
// and the filter covers A1 to column cols of row last.
func assertPanes(t *testing.T, f *excelize.File, sheet string, last, cols int) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Scope == sheet {
			names[d.Name] = d.RefersTo
		}
	}
	if last == 0 {
		if panes.Freeze || panes.YSplit != 0 || panes.XSplit != 0 {
			t.Errorf("%s: panes %+v, want nothing frozen on a sheet without a table", sheet, panes)
		}
		if got := names["_xlnm._FilterDatabase"]; got != "" {
			t.Errorf("%s: autofilter %q on a sheet without a table", sheet, got)
		}
		return
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: panes %+v, want row 1, the header, frozen and nothing else", sheet, panes)
	}
	if st := cellStyle(t, f, sheet, "A1"); st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
		t.Errorf("%s: A1 is not a header cell: font %+v, fill %v", sheet, st.Font, st.Fill.Color)
	}
	lastCol, _ := excelize.ColumnNumberToName(cols)
	if got, want := names["_xlnm._FilterDatabase"], "!$A$1:$"+lastCol+"$"+strconv.Itoa(last); !strings.HasSuffix(got, want) {
		t.Errorf("%s: autofilter %q, want it to end in %q", sheet, got, want)
	}
	if got := names["_xlnm.Print_Titles"]; !strings.HasSuffix(got, "!$1:$1") {
		t.Errorf("%s: print titles %q, want row 1", sheet, got)
	}
}

// assertFoundCount checks the facts sheet says how many accounts the
// accounts sheet lists: a number beside that sheet's name.
func assertFoundCount(t *testing.T, f *excelize.File, facts, sheet string, want int) {
	t.Helper()
	ref := findCell(t, f, facts, sheet)
	if ref == "" {
		t.Fatalf("%s: no cell names the sheet %q", facts, sheet)
	}
	col, row, _ := excelize.CellNameToCoordinates(ref)
	next, _ := excelize.CoordinatesToCellName(col+1, row)
	raw, _ := f.GetCellValue(facts, next, excelize.Options{RawCellValue: true})
	if typ, _ := f.GetCellType(facts, next); raw != strconv.Itoa(want) || typ == excelize.CellTypeSharedString {
		t.Errorf("%s!%s = %q (type %v), want the number %d", facts, next, raw, typ, want)
	}
}
