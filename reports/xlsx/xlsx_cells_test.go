package xlsx

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

func TestExcelDate(t *testing.T) {
	for _, tt := range []struct {
		day  time.Time
		want float64
	}{
		{time.Date(1900, 3, 1, 0, 0, 0, 0, rules.Stockholm), 61}, // Excel counts 29 February 1900
		{time.Date(2026, 11, 20, 0, 0, 0, 0, rules.Stockholm), 46346},
		// 23:30 in Stockholm is the next day in UTC+0 terms for none of
		// these; the Stockholm day counts, whatever zone t is in.
		{time.Date(2026, 11, 20, 23, 30, 0, 0, rules.Stockholm), 46346},
		{time.Date(2026, 11, 19, 23, 30, 0, 0, time.UTC), 46346}, // 00:30 on the 20th in Stockholm
		{time.Date(2026, 6, 2, 0, 0, 0, 0, rules.Stockholm), 46175},
	} {
		if got := excelDate(tt.day); got != tt.want {
			t.Errorf("excelDate(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
}

// TestXLSXDatesAreDates checks that every date a workbook shows in a
// date column is a number with a date format, which Excel sorts and
// filters as a date, and that it reads as the reports' ISO date.
func TestXLSXDatesAreDates(t *testing.T) {
	r := xhReport("sv")
	tests := []struct {
		slug, sheet, label string
		want               []string // formatted, in row order
	}{
		{kulturSlug, "Sammanfattning", "Granskningsdatum", []string{"2026-11-20"}},
		{ostermalmSlug, "Konton", "Senaste egna inlägg", []string{"2026-06-02"}},
		{ostermalmSlug, "Avslut", "Senaste egna inlägg", []string{"2026-06-02"}},
		{model.OverviewSlug, "Avslut", "Senaste egna inlägg", []string{"2026-07-01", "2026-06-02"}},
		{model.OverviewSlug, "Svar", "Svar på granskningen", []string{"2026-08-20", "2026-08-20", "2026-08-20"}},
		{model.OverviewSlug, "Begärda undantag", "Svar på granskningen", []string{"2026-08-20"}},
	}
	for _, tt := range tests {
		t.Run(tt.slug+"/"+tt.sheet, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, r, tt.slug))
			var refs []string
			if tt.sheet == "Sammanfattning" {
				ref := findCell(t, f, tt.sheet, tt.label)
				col, row, _ := excelize.CellNameToCoordinates(ref)
				next, _ := excelize.CoordinatesToCellName(col+1, row)
				refs = append(refs, next)
			} else {
				tb := readTable(t, f, tt.sheet)
				col := excelizeCol(t, tb, tt.label)
				for i := range tb.Rows {
					refs = append(refs, col+strconv.Itoa(tb.Head+1+i))
				}
			}
			var got []string
			for _, ref := range refs {
				v, _ := f.GetCellValue(tt.sheet, ref)
				if v == model.L("sv", "value.none") || v == "" {
					continue
				}
				got = append(got, v)
				assertDateCell(t, f, tt.sheet, ref)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("dates %q, want %q", got, tt.want)
			}
		})
	}
}

// assertDateCell fails unless ref holds a number with a date format.
func assertDateCell(t *testing.T, f *excelize.File, sheet, ref string) {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if _, err := strconv.ParseFloat(raw, 64); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("%s!%s holds %q (type %v), want a date number", sheet, ref, raw, typ)
	}
	st := cellStyle(t, f, sheet, ref)
	if st.CustomNumFmt == nil || *st.CustomNumFmt != xlsxDateFormat {
		t.Errorf("%s!%s has number format %v / %d, want %q", sheet, ref, st.CustomNumFmt, st.NumFmt, xlsxDateFormat)
	}
}

// TestXLSXEvidenceLinks checks that an evidence cell opens the first page
// its evidence names, and that evidence without an address is plain text.
func TestXLSXEvidenceLinks(t *testing.T) {
	r := xhReport("sv")
	for _, tt := range []struct{ slug, sheet string }{{ostermalmSlug, "Resultat"}, {model.OverviewSlug, "Underkända"}} {
		t.Run(tt.slug, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, r, tt.slug))
			tb := readTable(t, f, tt.sheet)
			col := excelizeCol(t, tb, "Underlag")
			linked := 0
			for i, row := range tb.Rows {
				ref := col + strconv.Itoa(tb.Head+1+i)
				ok, target, err := f.GetCellHyperLink(tt.sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				text := row["Underlag"]
				want := ""
				if i := strings.Index(text, "(https://"); i >= 0 {
					want = strings.TrimSuffix(strings.Fields(text[i+1:])[0], ")")
				}
				switch {
				case want == "" && ok:
					t.Errorf("%s links %q though its evidence %q names no address", ref, target, text)
				case want != "" && (!ok || target != want):
					t.Errorf("%s: link %v %q, want %q from %q", ref, ok, target, want, text)
				case ok:
					linked++
				}
			}
			if linked == 0 {
				t.Errorf("no evidence cell is a link; the test proves nothing")
			}
		})
	}
}

// TestXLSXOwnerColumn checks the Ansvarig column of the findings, the
// accounts and the failing findings names each account's owner from the
// registry.
func TestXLSXOwnerColumn(t *testing.T) {
	r := xhReport("sv")
	owners := map[string]string{}
	for _, j := range r.Accounts {
		owners[j.Result.Account.Name] = j.Result.Account.Owner
	}
	for _, tt := range []struct{ slug, sheet string }{
		{kulturSlug, "Resultat"}, {kulturSlug, "Konton"}, {ostermalmSlug, "Resultat"}, {model.OverviewSlug, "Underkända"},
		{model.OverviewSlug, "Åtgärdade"}, {model.OverviewSlug, "Undantag"},
	} {
		t.Run(tt.slug+"/"+tt.sheet, func(t *testing.T) {
			tb := readTable(t, openXLSX(t, writeXLSX(t, r, tt.slug)), tt.sheet)
			if len(tb.Rows) == 0 {
				t.Fatal("no rows")
			}
			for i, row := range tb.Rows {
				want := owners[row["Konto"]]
				if want == "" {
					t.Fatalf("row %d: account %q has no owner in the sample", tb.Head+1+i, row["Konto"])
				}
				if got := row["Ansvarig"]; got != want {
					t.Errorf("row %d (%s): Ansvarig %q, want %q", tb.Head+1+i, row["Konto"], got, want)
				}
			}
		})
	}
}

// TestXLSXOwnerMissing checks that an account whose registry row names
// no owner says so instead of leaving the cell empty.
func TestXLSXOwnerMissing(t *testing.T) {
	r := xhReport("sv")
	a := adminBySlug(t, r, ostermalmSlug)
	acc := &a.Accounts[0].Result.Account
	acc.Owner = " "
	tb := readTable(t, openXLSX(t, writeXLSX(t, r, ostermalmSlug)), "Resultat")
	got := tb.Where("Ansvarig", "Konto", acc.Name)
	if len(got) == 0 {
		t.Fatalf("no findings of %s", acc.Name)
	}
	for _, v := range got {
		if v != "Saknas i förteckningen" {
			t.Errorf("Ansvarig %q, want the registry named as lacking it", v)
		}
	}
}

// TestXLSXNumberHeadersRightAligned checks that a label over a column of
// numbers is aligned as the numbers are, and a label over text is not.
func TestXLSXNumberHeadersRightAligned(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, sampleReport("sv"), model.OverviewSlug))
	for _, tt := range []struct {
		sheet, label string
		right        bool
	}{
		{"Översikt", "Konton", true}, {"Översikt", "Andel uppfyllda", true}, {"Översikt", "Täckning", false},
		{"Förvaltningar", "Godkända", true}, {"Förvaltningar", "Förvaltning", false}, {"Avslut", "Dagar sedan", true},
	} {
		ref := findCell(t, f, tt.sheet, tt.label)
		if ref == "" {
			t.Fatalf("%s: no cell reads %q", tt.sheet, tt.label)
		}
		st := cellStyle(t, f, tt.sheet, ref)
		right := st.Alignment != nil && st.Alignment.Horizontal == "right"
		if right != tt.right {
			t.Errorf("%s!%s %q right-aligned = %v, want %v", tt.sheet, ref, tt.label, right, tt.right)
		}
		if st.Font == nil || !st.Font.Bold {
			t.Errorf("%s!%s %q is not a bold header", tt.sheet, ref, tt.label)
		}
	}
}

// TestXLSXLinkBudget checks that evidence links share the sheet's
// hyperlink budget with the link column, so no sheet passes Excel's
// 65,530 hyperlinks: beyond it a cell keeps its text, unlinked.
func TestXLSXLinkBudget(t *testing.T) {
	b, err := newXLSXBook(sampleReport("sv"), "test")
	if err != nil {
		t.Fatal(err)
	}
	defer b.f.Close()
	s := b.sheet("sheet.findings")
	s.table("sv", "col.url", "col.evidence")
	s.links = xlsxMaxLinks - 1
	s.next()
	s.linked(2, "Konto: https://a.example/", "https://a.example/")
	s.link(1, "https://b.example/")
	s.next()
	s.linked(2, "Konto: https://c.example/", "https://c.example/")
	if len(s.pending) != 1 || s.pending[0].ref != "B2" || s.pending[0].target != "https://a.example/" {
		t.Errorf("links %+v, want only B2's, the last the budget allows", s.pending)
	}
	for _, ref := range []string{"A2", "B3"} {
		id, _ := b.f.GetCellStyle(s.name, ref)
		if id == b.st.link || id == b.st.wrapLink {
			t.Errorf("%s is styled as a link without one", ref)
		}
	}
	if xlsxMaxLinks > 65530 {
		t.Errorf("xlsxMaxLinks %d is above Excel's 65,530 per sheet", xlsxMaxLinks)
	}
}
