package registry

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// templateInstructions writes the sheet that explains each column: a few
// paragraphs on what the policy asks, then one row per column.
func templateInstructions(f *excelize.File, t *templateText, _ []string) error {
	sheet := t.instructions
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	for _, w := range []struct {
		col   string
		width float64
	}{{"A", 16}, {"B", 20}, {"C", 100}} {
		if err := f.SetColWidth(sheet, w.col, w.col, w.width); err != nil {
			return err
		}
	}
	if err := setRow(f, sheet, 1, title, t.title); err != nil {
		return err
	}
	row := 3
	for _, p := range t.intro {
		ref := fmt.Sprintf("A%d", row)
		if err := f.MergeCell(sheet, ref, fmt.Sprintf("C%d", row)); err != nil {
			return err
		}
		if err := setRow(f, sheet, row, wrap, p); err != nil {
			return err
		}
		// Merged cells do not grow to fit wrapped text; give long
		// paragraphs room for a second line.
		if len(p) > 120 {
			if err := f.SetRowHeight(sheet, row, 30); err != nil {
				return err
			}
		}
		row++
	}
	row++
	if err := setRow(f, sheet, row, bold, t.tableHeads[:]...); err != nil {
		return err
	}
	for fl, h := range t.headers {
		row++
		if err := setRow(f, sheet, row, wrap, h, t.needed[fl], t.explain[fl]); err != nil {
			return err
		}
	}
	return nil
}

// setRow writes values from column A on row, in style.
func setRow(f *excelize.File, sheet string, row, style int, values ...string) error {
	for i, v := range values {
		ref, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, ref, v); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
			return err
		}
	}
	return nil
}

// templateLists writes the administrations, one a row in column A, on a
// hidden sheet that the Förvaltning drop-down refers to.
func templateLists(f *excelize.File, t *templateText, administrations []string) error {
	if _, err := f.NewSheet(t.lists); err != nil {
		return err
	}
	for i, a := range listValues(administrations) {
		if err := f.SetCellStr(t.lists, fmt.Sprintf("A%d", i+1), a); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(t.lists, "A", "A", 45); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.SetSheetVisible(t.lists, false)
}
