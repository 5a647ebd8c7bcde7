package responses

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// responseColumns are the findings sheet's columns ReadResponses needs,
// 0-based; -1 when the header lacks one.
type responseColumns struct {
	key, answer, comment, account, rule, check int
}

// findResponseColumns finds the header row, the first row with a key
// column, and the columns by their labels in either language.
func findResponseColumns(rows [][]string) (head int, cols responseColumns, ok bool) {
	is := func(cell, key string) bool {
		cell = strings.TrimSpace(cell)
		return cell == workbook.Label("sv", key) || cell == workbook.Label("en", key)
	}
	for ri, row := range rows {
		cols = responseColumns{-1, -1, -1, -1, -1, -1}
		for ci, cell := range row {
			switch {
			case is(cell, "col.key"):
				cols.key = ci
			case is(cell, "col.answer"):
				cols.answer = ci
			case is(cell, "col.comment"):
				cols.comment = ci
			case is(cell, "col.account"):
				cols.account = ci
			case is(cell, "col.ruleId"):
				cols.rule = ci
			case is(cell, "col.check"):
				cols.check = ci
			}
		}
		if cols.key >= 0 {
			return ri, cols, true
		}
	}
	return 0, cols, false
}

// readFindings reads the answers of the findings sheet.
func (rd *responseReader) readFindings() {
	sheet, ok := rd.sheet("sheet.findings")
	if !ok {
		rd.problem("", 0, "no sheet %q or %q", workbook.Label("sv", "sheet.findings"), workbook.Label("en", "sheet.findings"))
		return
	}
	rows, err := rd.f.GetRows(sheet)
	if err != nil {
		rd.problem(sheet, 0, "cannot read the sheet: %v", err)
		return
	}
	rd.checkRows(sheet, rows)
}

// checkRows checks every row below the header against the scan and
// keeps the answers of the rows that pass.
func (rd *responseReader) checkRows(sheet string, rows [][]string) {
	head, cols, ok := findResponseColumns(rows)
	if !ok {
		rd.problem(sheet, 0, "no column %q or %q: the key column was removed", workbook.Label("sv", "col.key"), workbook.Label("en", "col.key"))
		return
	}
	for _, need := range []struct {
		col int
		key string
	}{{cols.answer, "col.answer"}, {cols.account, "col.account"}, {cols.rule, "col.ruleId"}, {cols.check, "col.check"}} {
		if need.col < 0 {
			rd.problem(sheet, head+1, "no column %q: the workbook was changed, or written by an older smaudit", workbook.Label(rd.lang, need.key))
			return
		}
	}
	guarded := guardedColumns(rows[head], cols)
	seen := map[model.FindingKey]int{}
	for ri := head + 1; ri < len(rows); ri++ {
		row, n := rows[ri], ri+1
		cell := func(col int) string {
			if col < 0 || col >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[col])
		}
		keyText, answer := cell(cols.key), cell(cols.answer)
		if keyText == "" {
			if answer != "" {
				rd.problem(sheet, n, "answer %q on a row without a key: only failing findings can be answered", answer)
				continue
			}
			rd.untouched(sheet, n, rows[head], row, guarded, cols.check)
			continue
		}
		key, ok := model.ParseResponseKey(keyText)
		if !ok {
			rd.problem(sheet, n, "key %q is not a finding key", keyText)
			continue
		}
		want, ok := rd.expected.Administrations[rd.admin][key]
		if !ok {
			rd.problem(sheet, n, "%s", rd.unknownKey(key))
			continue
		}
		if first, dup := seen[key]; dup {
			rd.problem(sheet, n, "the same finding as row %d", first)
			continue
		}
		seen[key] = n
		// The key, account and rule checks say more than "changed"; the
		// check column then covers every other cell.
		if !rd.unaltered(sheet, n, cell(cols.account), want.Account, "col.account") ||
			!rd.unaltered(sheet, n, cell(cols.rule), want.Rule, "col.ruleId") ||
			!rd.untouched(sheet, n, rows[head], row, guarded, cols.check) || answer == "" {
			continue
		}
		sv, ok := model.ParseAnswer(answer)
		if !ok {
			rd.problem(sheet, n, "answer %q is not one of %s", answer, quotedList(workbook.AnswerWords(rd.lang)))
			continue
		}
		rd.answers = append(rd.answers, model.ReturnedAnswer{Administration: rd.admin, Key: key, Answer: sv, Comment: cell(cols.comment),
			AsOf: rd.asOf, File: rd.file, Sheet: sheet, Row: n})
	}
}

// unaltered reports whether a row's visible cell still shows what the
// scan showed for its key, and records a problem when not.
func (rd *responseReader) unaltered(sheet string, row int, got, want, label string) bool {
	want = strings.TrimSpace(workbook.CellText(want))
	if got == want {
		return true
	}
	rd.problem(sheet, row, "altered row: column %q reads %q, but the audit showed %q for this key", workbook.Label(rd.lang, label), got, want)
	return false
}

// unknownKey says why a key is not one this administration can answer:
// it is another administration's, or no failing finding of the audit.
func (rd *responseReader) unknownKey(key model.FindingKey) string {
	var owners []string
	for adm, rows := range rd.expected.Administrations {
		if _, ok := rows[key]; ok && adm != rd.admin {
			owners = append(owners, adm)
		}
	}
	sort.Strings(owners)
	if len(owners) > 0 {
		return fmt.Sprintf("key %q is a finding of %s, not of %s", model.ResponseKey(key), strings.Join(owners, ", "), rd.admin)
	}
	return fmt.Sprintf("key %q is not a failing finding of %s in this audit", model.ResponseKey(key), rd.admin)
}

// quotedList words a list for a message: "a", "b", "c".
func quotedList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}

// guardedColumns are the findings sheet's columns, 0-based and in order,
// that an administration must leave as they are: all but the answer, the
// comment and the check column.
func guardedColumns(header []string, cols responseColumns) []int {
	var out []int
	for ci := range header {
		if ci != cols.answer && ci != cols.comment && ci != cols.check {
			out = append(out, ci)
		}
	}
	return out
}

// untouched reports whether a row still holds what smaudit wrote outside
// the answer and comment columns, by its check column (xlsx_check.go),
// and records a problem for each column that was changed. A row without
// a check value must be empty outside those columns: smaudit wrote no
// such row.
func (rd *responseReader) untouched(sheet string, n int, header, row []string, guarded []int, checkCol int) bool {
	raw := func(col int) string {
		if col < len(row) {
			return row[col]
		}
		return ""
	}
	label := func(col int) string {
		if col < len(header) && strings.TrimSpace(header[col]) != "" {
			return strings.TrimSpace(header[col])
		}
		name, _ := excelize.ColumnNumberToName(col + 1)
		return name
	}
	check := strings.TrimSpace(raw(checkCol))
	if check == "" {
		for _, c := range guarded {
			if strings.TrimSpace(raw(c)) != "" {
				rd.problem(sheet, n, "column %q: %q was added; only %q and %q may be filled in", label(c), raw(c), workbook.Label(rd.lang, "col.answer"), workbook.Label(rd.lang, "col.comment"))
				return false
			}
		}
		return true
	}
	want := strings.Split(check, ".")
	if len(want) != len(guarded) {
		rd.problem(sheet, n, "the row has %d columns besides %q and %q, but smaudit wrote %d: columns were added, removed or moved",
			len(guarded), workbook.Label(rd.lang, "col.answer"), workbook.Label(rd.lang, "col.comment"), len(want))
		return false
	}
	ok := true
	for i, c := range guarded {
		if workbook.CellCheck(raw(c)) != want[i] {
			rd.problem(sheet, n, "column %q was changed (it reads %q); only %q and %q may be filled in",
				label(c), strings.TrimSpace(raw(c)), workbook.Label(rd.lang, "col.answer"), workbook.Label(rd.lang, "col.comment"))
			ok = false
		}
	}
	return ok
}
