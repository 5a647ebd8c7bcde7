package responses

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/xlsx"
)

// FuzzReadResponses runs the whole returned-workbook reader on a real
// administration workbook, answered as a person would, with one more
// cell of its findings sheet changed to whatever the fuzzer likes.
// Nothing may panic; an answer is only ever read for one of the
// administration's failing findings; and a change to any cell of the
// table's rows outside Svar and Kommentar is always refused.
func FuzzReadResponses(f *testing.F) {
	r := xhReport("sv")
	expected := model.ExpectationFrom(r)
	var base bytes.Buffer
	for _, a := range r.Administrations {
		if model.Slug(a.Name) == ostermalmSlug {
			if err := xlsx.WriteAdministrationXLSX(&base, r, a); err != nil {
				f.Fatal(err)
			}
		}
	}
	if base.Len() == 0 {
		f.Fatal("no workbook for " + ostermalmSlug)
	}
	admin := "Östermalms stadsdelsförvaltning"
	f.Add(uint8(0), uint8(1), "Godkänd")
	f.Add(uint8(2), uint8(0), "=HYPERLINK(\"x\")")
	f.Add(uint8(3), uint8(4), "Åtgärdad")
	f.Add(uint8(1), uint8(9), "")
	f.Add(uint8(7), uint8(30), "Ett nytt konto")
	f.Fuzz(func(t *testing.T, col, rowOffset uint8, value string) {
		wb, err := excelize.OpenReader(bytes.NewReader(base.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		sheet := "Resultat"
		tb := readTable(t, wb, sheet)
		if len(tb.Cols) == 0 {
			t.Fatal("the findings sheet has no columns")
		}
		c := int(col) % len(tb.Cols)
		label := tb.Cols[c]
		// Data rows and the two below them; the header's labels are read
		// by name, and renaming one the reader does not need changes no
		// finding.
		row := tb.Head + 1 + int(rowOffset)%(len(tb.Rows)+2)
		cell, err := excelize.CoordinatesToCellName(c+1, row)
		if err != nil {
			t.Fatal(err)
		}
		old, err := wb.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		if err := wb.SetCellStr(sheet, cell, value); err != nil {
			return // a value excelize will not store is no workbook to read
		}
		var out bytes.Buffer
		if err := wb.Write(&out); err != nil {
			t.Fatal(err)
		}
		answers, problems, err := ReadResponses(ostermalmSlug+".xlsx", bytes.NewReader(out.Bytes()), expected)
		if err != nil {
			t.Fatalf("a workbook that opens was not read: %v", err)
		}
		for _, a := range answers {
			if _, ok := expected.Administrations[admin][a.Key]; !ok {
				t.Fatalf("answer read for %v, not a failing finding of %s", a.Key, admin)
			}
		}
		// What a person changed is what the saved file now holds.
		back, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer back.Close()
		now, err := back.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.TrimSpace(now) != strings.TrimSpace(old)
		if edited && label != "Svar" && label != "Kommentar" && len(problems) == 0 {
			t.Fatalf("column %q row %d changed from %q to %q, and nothing was refused", label, row, old, value)
		}
	})
}
