package sample

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// OpenXLSX opens a written workbook; the test fails when it cannot.
func OpenXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// FindCell returns the first cell of sheet whose value is v, or "".
func FindCell(t *testing.T, f *excelize.File, sheet, v string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	for ri, row := range rows {
		for ci, got := range row {
			if got == v {
				ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				return ref
			}
		}
	}
	return ""
}

// Table is a sheet's table: its header row (the frozen one) and the
// rows below it, as cells by header label.
type Table struct {
	Head int // 1-based header row
	Cols []string
	Rows []map[string]string
}

// ReadTable reads the table under sheet's frozen header row.
func ReadTable(t *testing.T, f *excelize.File, sheet string) Table {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || panes.YSplit < 1 {
		t.Fatalf("sheet %q has no frozen header row (%v)", sheet, err)
	}
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	tb := Table{Head: panes.YSplit, Cols: all[panes.YSplit-1]}
	for _, row := range all[panes.YSplit:] {
		m := map[string]string{}
		for i, v := range row {
			if i < len(tb.Cols) && v != "" {
				m[tb.Cols[i]] = v
			}
		}
		if len(m) == 0 {
			break // the table ends at its first empty row
		}
		tb.Rows = append(tb.Rows, m)
	}
	return tb
}

// Where returns the cells of column col in the rows matching every
// label = value of match, in row order.
func (tb Table) Where(col string, match ...string) []string {
	var out []string
	for _, row := range tb.Rows {
		ok := true
		for i := 0; i+1 < len(match); i += 2 {
			if row[match[i]] != match[i+1] {
				ok = false
			}
		}
		if ok {
			out = append(out, row[col])
		}
	}
	return out
}

// ExcelizeCol is the column letter of the table's column label.
func ExcelizeCol(t *testing.T, tb Table, label string) string {
	t.Helper()
	for i, c := range tb.Cols {
		if c == label {
			name, _ := excelize.ColumnNumberToName(i + 1)
			return name
		}
	}
	t.Fatalf("no column %q in %q", label, tb.Cols)
	return ""
}

// RowName is row n's number as a cell reference writes it.
func RowName(n int) string {
	ref, _ := excelize.CoordinatesToCellName(1, n)
	return strings.TrimPrefix(ref, "A")
}
