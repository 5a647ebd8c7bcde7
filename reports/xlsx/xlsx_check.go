package xlsx

import (
	"strings"

	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// rowCheck is the check column's value for a row whose cells hold
// written (0-based by column; missing ones are empty).
func rowCheck(cols xlsxColumns, written []string) string {
	parts := make([]string, 0, len(cols))
	for i, key := range cols {
		if workbook.FreeColumn(key) {
			continue
		}
		v := ""
		if i < len(written) {
			v = written[i]
		}
		parts = append(parts, workbook.CellCheck(v))
	}
	return strings.Join(parts, ".")
}

// remember keeps the text put in column col (1-based) of the current
// row, for rowCheck.
func (s *xlsxSheet) remember(col int, v string) {
	if col < 1 {
		return
	}
	for len(s.written) < col {
		s.written = append(s.written, "")
	}
	s.written[col-1] = v
}
