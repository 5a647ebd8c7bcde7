package xlsx

import (
	"bytes"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

func TestInterruptedWorkbooks(t *testing.T) {
	r := interruptedReport("sv")
	var b bytes.Buffer
	if err := WriteOverviewXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	books := map[string][]byte{model.OverviewSlug: append([]byte(nil), b.Bytes()...)}
	for _, a := range r.Administrations {
		b.Reset()
		if err := WriteAdministrationXLSX(&b, r, a); err != nil {
			t.Fatal(err)
		}
		books[a.Slug] = append([]byte(nil), b.Bytes()...)
	}
	want := map[string]string{
		model.OverviewSlug:    "Granskningen avbröts: 4 av 7 konton kontrollerades.",
		"kulturforvaltningen": "Granskningen avbröts: 3 av 6 konton kontrollerades.",
		// One account: the model's words, whose plural reports/model tests.
		"ostermalms-stadsdelsforvaltning": model.InterruptedLine("sv", adminBySlug(t, r, "ostermalms-stadsdelsforvaltning").Counts),
	}
	for slug, line := range want {
		f := openXLSX(t, books[slug])
		first := f.GetSheetName(0)
		if findCell(t, f, first, line) == "" {
			t.Errorf("%s: first sheet %q lacks %q", slug, first, line)
		}
		if slug == "ostermalms-stadsdelsforvaltning" {
			continue
		}
		// The compliance cell of a row with accounts not reached is "–".
		rows, _ := f.GetRows(first)
		col := -1
		for _, row := range rows {
			for i, v := range row {
				if v == "Andel uppfyllda" {
					col = i
				}
			}
			if col >= 0 && len(row) > col && (row[0] == "Kulturförvaltningen" || row[0] == "Totalt" || row[0] == "6") {
				if row[col] != "–" {
					t.Errorf("%s: row %q shows compliance %q, want –", slug, row[0], row[col])
				}
			}
		}
		if col < 0 {
			t.Errorf("%s: no compliance column", slug)
		}
	}
	f := openXLSX(t, books["kulturforvaltningen"])
	if findCell(t, f, "Konton", "Ej kontrollerad – granskningen avbröts") == "" {
		t.Errorf("kulturforvaltningen: accounts not reached are not marked as such")
	}
	rows, _ := f.GetRows("Resultat")
	for _, row := range rows {
		if len(row) > 0 && (row[0] == "Kulturnatt" || row[0] == "Kulturskolan") {
			t.Errorf("Resultat lists findings of %s, which was not reached", row[0])
		}
	}
}

// TestNothingReadWorkbookShowsNoShare: when no account could be read,
// no sheet of the overview workbook shows a false "100 %".
func TestNothingReadWorkbookShowsNoShare(t *testing.T) {
	r := nothingReadReport()
	var b bytes.Buffer
	if err := WriteOverviewXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, b.Bytes())
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for _, v := range row {
				if v == "100%" {
					t.Errorf("workbook sheet %q shows 100%%", sheet)
				}
			}
		}
	}
}
