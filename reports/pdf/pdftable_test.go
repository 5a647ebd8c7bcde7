package pdf

import (
	"strings"
	"testing"
)

// TestColumnWidthsKeepWordsWhole: a table with more columns than its
// weights leave room for gives each column at least its longest word,
// header or cell, taking the room from the columns that can spare it, and
// still fills exactly the text width.
func TestColumnWidthsKeepWordsWhole(t *testing.T) {
	d, err := newPDFDoc(sampleReport("sv"), "test")
	if err != nil {
		t.Fatal(err)
	}
	d.f.AddPage()
	cols := []pdfCol{
		{"Förvaltning", 22, "L"}, {"Konton", 11, "R"}, {"Godkända", 12, "R"}, {"Underkända", 13, "R"},
		{"Manuell kontroll", 12, "R"}, {"Kunde inte kontrolleras", 14, "R"}, {"Ej kontrollerade", 17, "R"},
		{"Andel uppfyllda", 12, "R"}, {"Övrigt", 80, "L"},
	}
	rows := []pdfRow{{{text: "Utbildningsförvaltningen", bold: true}, {text: "7"}}}
	widths := d.columnWidths(cols, rows)
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	if diff := sum - d.width(); diff > 0.01 || diff < -0.01 {
		t.Errorf("widths add up to %.2f mm, want the text width %.2f mm", sum, d.width())
	}
	check := func(i int, word, style string, size float64) {
		d.f.SetFont(pdfFamily, style, size)
		if need := d.f.GetStringWidth(word) + 2*d.f.GetCellMargin(); widths[i] < need {
			t.Errorf("column %d is %.1f mm, too narrow for %q (%.1f mm)", i, widths[i], word, need)
		}
	}
	for i, c := range cols {
		for _, w := range strings.Fields(c.title) {
			check(i, w, "B", pdfTableHead)
		}
	}
	check(0, "Utbildningsförvaltningen", "B", pdfTableSize)
	if widths[8] >= d.width()*80/193 {
		t.Errorf("the roomy last column gave nothing: %.1f mm", widths[8])
	}
}
