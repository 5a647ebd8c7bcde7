package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

func TestXLSXChangeColumn(t *testing.T) {
	tests := []struct {
		lang, slug, sheet, account, rule string
		want                             []string
	}{
		{"sv", ostermalmSlug, "Resultat", "Östermalm nyheter", "city-affiliation", []string{"Återkommande"}},
		{"sv", ostermalmSlug, "Resultat", "Östermalm nyheter", "inactive-account", []string{"Kvarstår sedan 2026-05-20"}},
		{"sv", kulturSlug, "Resultat", "Kulturhuset", "city-affiliation", []string{"Åtgärdad"}},
		{"sv", kulturSlug, "Resultat", "Stadsteatern", "inactive-account", []string{"Ny"}},
		{"sv", kulturSlug, "Resultat", "Kulturhuset", "inactive-account", []string{""}},
		{"en", kulturSlug, "Findings", "Stadsteatern", "inactive-account", []string{"New"}},
		{"en", ostermalmSlug, "Findings", "Östermalm nyheter", "inactive-account", []string{"Failing since 2026-05-20"}},
		{"sv", model.OverviewSlug, "Underkända", "Östermalm nyheter", "city-affiliation", []string{"Återkommande"}},
		{"sv", model.OverviewSlug, "Underkända", "Stadsteatern", "inactive-account", []string{"Ny"}},
		{"en", model.OverviewSlug, "Failing", "Östermalm nyheter", "city-affiliation", []string{"Reopened"}},
	}
	for _, tt := range tests {
		t.Run(tt.slug+"."+tt.lang+"/"+tt.account+"/"+tt.rule, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, xhReport(tt.lang), tt.slug))
			tb := readTable(t, f, tt.sheet)
			got := tb.Where(workbook.Label(tt.lang, "col.change"), workbook.Label(tt.lang, "col.account"), tt.account, workbook.Label(tt.lang, "col.ruleId"), tt.rule)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("change cells (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("no history, no change column", func(t *testing.T) {
		for _, slug := range []string{model.OverviewSlug, kulturSlug} {
			f := openXLSX(t, writeXLSX(t, sampleReport("sv"), slug))
			for _, sheet := range f.GetSheetList() {
				if ref := findCell(t, f, sheet, "Förändring"); ref != "" {
					t.Errorf("%s: sheet %q has a change column at %s without history", slug, sheet, ref)
				}
			}
			if idx, _ := f.GetSheetIndex("Utveckling"); idx >= 0 {
				t.Errorf("%s has a trend sheet without history", slug)
			}
		}
	})
}

// rowAfter returns the cells of the row below the cell reading label.
func rowAfter(t *testing.T, f *excelize.File, sheet, label string, skip int) []string {
	t.Helper()
	ref := findCell(t, f, sheet, label)
	if ref == "" {
		t.Fatalf("sheet %q: no cell reads %q", sheet, label)
	}
	_, row, _ := excelize.SplitCellName(ref)
	rows, _ := f.GetRows(sheet)
	if row+skip > len(rows) {
		t.Fatalf("sheet %q ends before row %d", sheet, row+skip)
	}
	return rows[row+skip-1]
}

func TestXLSXComparedWithPreviousScan(t *testing.T) {
	r := xhReport("sv")
	tests := []struct {
		slug, sheet string
		counts      []string // the row under the change header
		added       []string // the rows under "added" heading's header, joined by |
		removed     []string
	}{
		{kulturSlug, "Sammanfattning", []string{"1", "0", "1", "0"},
			[]string{"Stadsteatern|https://social.example/@stadsteatern"}, []string{"Inga konton har tagits bort."}},
		{ostermalmSlug, "Sammanfattning", []string{"0", "1", "0", "1"},
			[]string{"Inga konton har tillkommit."}, []string{"Östermalm evenemang|https://social.example/@ostevent"}},
		{model.OverviewSlug, "Översikt", []string{"Kulturförvaltningen", "1", "0", "1", "0"},
			[]string{"Kulturförvaltningen|Stadsteatern|https://social.example/@stadsteatern"},
			[]string{"Östermalms stadsdelsförvaltning|Östermalm evenemang|https://social.example/@ostevent"}},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, r, tt.slug))
			if got := rowAfter(t, f, tt.sheet, "Jämfört med granskningen 2026-08-20", 2); !cmp.Equal(got, tt.counts) {
				t.Errorf("change counts = %q, want %q", got, tt.counts)
			}
			for _, list := range []struct {
				heading string
				want    []string
			}{{"Konton som har tillkommit i förteckningen", tt.added}, {"Konton som har tagits bort ur förteckningen", tt.removed}} {
				skip := 2 // past the list's header
				if strings.HasPrefix(list.want[0], "Inga") {
					skip = 1
				}
				got := strings.Join(rowAfter(t, f, tt.sheet, list.heading, skip), "|")
				if got != list.want[0] {
					t.Errorf("%s: first row %q, want %q", list.heading, got, list.want[0])
				}
			}
		})
	}
	t.Run("overview total", func(t *testing.T) {
		f := openXLSX(t, writeXLSX(t, r, model.OverviewSlug))
		if got := rowAfter(t, f, "Översikt", "Jämfört med granskningen 2026-08-20", 4); !cmp.Equal(got, []string{"Totalt", "1", "1", "1", "1"}) {
			t.Errorf("total row = %q", got)
		}
	})
	t.Run("first stored scan", func(t *testing.T) {
		first := xhReport("en")
		first.History.Previous = time.Time{}
		f := openXLSX(t, writeXLSX(t, first, kulturSlug))
		if findCell(t, f, "Summary", workbook.Label("en", "history.first")) == "" {
			t.Errorf("a first scan does not say there is nothing to compare with")
		}
		if findCell(t, f, "Summary", "New") != "" {
			t.Errorf("a first scan shows change counts")
		}
	})
}

// xlsxParts unzips a workbook into its parts.
func xlsxParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = string(b)
	}
	return parts
}

func TestXLSXTrendSheetAndChart(t *testing.T) {
	for _, tt := range []struct{ lang, sheet, title string }{
		{"sv", "Utveckling", "Andel uppfyllda per förvaltning"},
		{"en", "Trend", "Compliance per administration"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			data := writeXLSX(t, xhReport(tt.lang), model.OverviewSlug)
			f := openXLSX(t, data)
			if got := f.GetSheetList()[2]; got != tt.sheet {
				t.Fatalf("third sheet %q, want %q", got, tt.sheet)
			}
			tb := readTable(t, f, tt.sheet)
			if want := []string{workbook.Label(tt.lang, "col.administration"), "2026-05-20", "2026-08-20", "2026-11-20"}; !cmp.Equal(tb.Cols, want) {
				t.Errorf("header %q, want %q", tb.Cols, want)
			}
			cells := map[string]string{ // cell -> formatted value; "" = no judgement that day
				"A2": "Kulturförvaltningen", "B2": "", "C2": "25%", "D2": "67%",
				"A3": "Östermalms stadsdelsförvaltning", "B3": "0%", "C3": "50%", "D3": "0%",
				"A4": workbook.Label(tt.lang, "row.total"), "B4": "0%", "C4": "33%", "D4": "40%",
			}
			for ref, want := range cells {
				if got, _ := f.GetCellValue(tt.sheet, ref); got != want {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			// The audit dates over the columns are real dates that keep
			// the header's look, and the chart's axis words them as the
			// header does, not as Excel's day numbers.
			for _, ref := range []string{"B1", "C1", "D1"} {
				assertDateCell(t, f, tt.sheet, ref)
				if st := cellStyle(t, f, tt.sheet, ref); st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
					t.Errorf("%s: font %+v, fill %v; want the header's bold and fill", ref, st.Font, st.Fill.Color)
				}
			}
			if typ, _ := f.GetCellType(tt.sheet, "A1"); typ != excelize.CellTypeSharedString {
				t.Errorf("A1 has type %v, want the text label", typ)
			}
			if raw, _ := f.GetCellValue(tt.sheet, "C3", excelize.Options{RawCellValue: true}); raw != "0.5" {
				t.Errorf("C3 holds %q, want the number 0.5 formatted as a percentage", raw)
			}

			parts := xlsxParts(t, data)
			chart := strings.ReplaceAll(parts["xl/charts/chart1.xml"], "&#39;", "'")
			if !strings.Contains(chart, "<lineChart>") {
				t.Fatalf("chart1.xml holds no line chart:\n%.500s", chart)
			}
			if n := strings.Count(chart, "<ser>"); n != 3 {
				t.Errorf("chart has %d series, want one per administration (2) and the total", n)
			}
			for _, ref := range []string{"'" + tt.sheet + "'!$B$1:$D$1", "'" + tt.sheet + "'!$B$2:$D$2", "'" + tt.sheet + "'!$A$3",
				"'" + tt.sheet + "'!$B$3:$D$3", "'" + tt.sheet + "'!$A$4", "'" + tt.sheet + "'!$B$4:$D$4"} {
				if !strings.Contains(chart, ref) {
					t.Errorf("chart does not refer to %s", ref)
				}
			}
			if !strings.Contains(chart, tt.title) || !strings.Contains(chart, `formatCode="0%"`) {
				t.Errorf("chart lacks its title %q or its 0%% axis", tt.title)
			}
			if cat := strings.Split(chart, "<catAx>"); len(cat) != 2 || !strings.Contains(strings.Split(cat[1], "</catAx>")[0], `formatCode="`+xlsxDateFormat+`"`) {
				t.Errorf("the chart's category axis does not show %s dates", xlsxDateFormat)
			}
			// The total first, in ink, as the PDF's legend; Östermalm's
			// newest share (0 %) is the lower, so the PDF gives it the first
			// colour, Kulturförvaltningen the second.
			series := strings.Split(chart, "<ser>")[1:]
			for i, want := range []string{chartInk, chartColours[1], chartColours[0]} {
				if i < len(series) && !strings.Contains(series[i], `<a:srgbClr val="`+want+`"`) {
					t.Errorf("series %d is not drawn in %s:\n%.600s", i+1, want, series[i])
				}
			}
			// The drawing hangs on the trend sheet, the workbook's third.
			if rels := parts["xl/worksheets/_rels/sheet3.xml.rels"]; !strings.Contains(rels, "drawing") {
				t.Errorf("the trend sheet has no drawing: %q", rels)
			}
		})
	}
	t.Run("no trend points, no sheet", func(t *testing.T) {
		r := xhReport("sv")
		r.History.Trend = nil
		f := openXLSX(t, writeXLSX(t, r, model.OverviewSlug))
		if idx, _ := f.GetSheetIndex("Utveckling"); idx >= 0 {
			t.Errorf("trend sheet written without trend points")
		}
	})
}

func TestXLSXHistoryIsDeterministic(t *testing.T) {
	for _, slug := range []string{model.OverviewSlug, kulturSlug, ostermalmSlug} {
		t.Run(slug, func(t *testing.T) {
			// Maps in History are ranged in random order: a few writes
			// would catch any order leaking into the bytes.
			first := writeXLSX(t, xhReport("sv"), slug)
			for i := 0; i < 5; i++ {
				if again := writeXLSX(t, xhReport("sv"), slug); !bytes.Equal(first, again) {
					t.Fatalf("write %d differs from the first", i+2)
				}
			}
		})
	}
}
