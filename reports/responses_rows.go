package reports

import (
	"fmt"
	"sort"
	"strings"
)

// responseColumns are the findings sheet's columns ReadResponses needs,
// 0-based; -1 when the header lacks one.
type responseColumns struct {
	key, answer, comment, account, rule int
}

// findResponseColumns finds the header row, the first row with a key
// column, and the columns by their labels in either language.
func findResponseColumns(rows [][]string) (head int, cols responseColumns, ok bool) {
	is := func(cell, key string) bool {
		cell = strings.TrimSpace(cell)
		return cell == xl("sv", key) || cell == xl("en", key)
	}
	for ri, row := range rows {
		cols = responseColumns{-1, -1, -1, -1, -1}
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
		rd.problem("", 0, "no sheet %q or %q", xl("sv", "sheet.findings"), xl("en", "sheet.findings"))
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
		rd.problem(sheet, 0, "no column %q or %q: the key column was removed", xl("sv", "col.key"), xl("en", "col.key"))
		return
	}
	for _, need := range []struct {
		col int
		key string
	}{{cols.answer, "col.answer"}, {cols.account, "col.account"}, {cols.rule, "col.ruleId"}} {
		if need.col < 0 {
			rd.problem(sheet, head+1, "no column %q", xl(rd.lang, need.key))
			return
		}
	}
	seen := map[FindingKey]int{}
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
			}
			continue
		}
		key, ok := ParseResponseKey(keyText)
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
		if !rd.unaltered(sheet, n, cell(cols.account), want.Account, "col.account") ||
			!rd.unaltered(sheet, n, cell(cols.rule), want.Rule, "col.ruleId") || answer == "" {
			continue
		}
		sv, ok := ParseAnswer(answer)
		if !ok {
			rd.problem(sheet, n, "answer %q is not one of %s", answer, quotedList(answerWords(rd.lang)))
			continue
		}
		rd.answers = append(rd.answers, ReturnedAnswer{Administration: rd.admin, Key: key, Answer: sv, Comment: cell(cols.comment),
			AsOf: rd.asOf, File: rd.file, Sheet: sheet, Row: n})
	}
}

// unaltered reports whether a row's visible cell still shows what the
// scan showed for its key, and records a problem when not.
func (rd *responseReader) unaltered(sheet string, row int, got, want, label string) bool {
	want = strings.TrimSpace(cellText(want))
	if got == want {
		return true
	}
	rd.problem(sheet, row, "altered row: column %q reads %q, but the audit showed %q for this key", xl(rd.lang, label), got, want)
	return false
}

// unknownKey says why a key is not one this administration can answer:
// it is another administration's, or no failing finding of the audit.
func (rd *responseReader) unknownKey(key FindingKey) string {
	var owners []string
	for adm, rows := range rd.expected.Administrations {
		if _, ok := rows[key]; ok && adm != rd.admin {
			owners = append(owners, adm)
		}
	}
	sort.Strings(owners)
	if len(owners) > 0 {
		return fmt.Sprintf("key %q is a finding of %s, not of %s", ResponseKey(key), strings.Join(owners, ", "), rd.admin)
	}
	return fmt.Sprintf("key %q is not a failing finding of %s in this audit", ResponseKey(key), rd.admin)
}

// quotedList words a list for a message: "a", "b", "c".
func quotedList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}
