package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// xlsxColumns are a table's columns by label key, for tables whose
// columns depend on the data, such as a change column only with history.
type xlsxColumns []string

// at is the 1-based column of key. Writing to a column the table lacks
// is a programming error, which the sheet reports as a bad cell name.
func (c xlsxColumns) at(key string) int {
	for i, k := range c {
		if k == key {
			return i + 1
		}
	}
	return 0
}

// longestAnswer is the widest answer in lang, which the answer column
// must show whole.
func longestAnswer(lang string) string {
	longest := ""
	for _, w := range workbook.AnswerWords(lang) {
		if textWidth(w) > textWidth(longest) {
			longest = w
		}
	}
	return longest
}

// responseList offers the answers in the report language as a drop-down
// in column col of the given rows, and refuses anything else typed there.
func (b *xlsxBook) responseList(s *xlsxSheet, col int, rows []int) {
	if len(rows) == 0 {
		return
	}
	name, err := excelize.ColumnNumberToName(col)
	s.fail(err)
	words := workbook.AnswerWords(b.lang)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cellRanges(name, rows)
	s.fail(dv.SetDropList(words))
	dv.SetError(excelize.DataValidationErrorStyleStop, workbook.Label(b.lang, "col.answer"),
		fmt.Sprintf(workbook.Label(b.lang, "answer.pickOne"), strings.Join(words, ", ")))
	s.fail(s.f.AddDataValidation(s.name, dv))
}

// cellRanges writes rows, ascending, of one column as a space-separated
// list of ranges, as a data validation's sqref takes them: "M2:M3 M6".
func cellRanges(col string, rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		k := i
		for k+1 < len(rows) && rows[k+1] == rows[k]+1 {
			k++
		}
		if k == i {
			parts = append(parts, fmt.Sprintf("%s%d", col, rows[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%s%d:%s%d", col, rows[i], col, rows[k]))
		}
		i = k + 1
	}
	return strings.Join(parts, " ")
}
