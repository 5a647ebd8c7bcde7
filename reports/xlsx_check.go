package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// The findings sheet of an administration's workbook carries a hidden
// check column: for each row, a short hash of every cell an
// administration must leave as it is, in column order, joined by dots.
// ReadResponses recomputes them, so a returned workbook whose verdict was
// turned from Underkänd to Godkänd, or whose assessment was edited, is
// refused with the row and column, while the answer and comment columns
// are free. It guards against edits, not forgery: the hashes are not
// secret.

// checkChars is how many hex digits of SHA-256 stand for one cell.
const checkChars = 6

// freeColumn reports whether a findings column may be changed by the
// administration (or is the check column itself).
func freeColumn(key string) bool {
	return key == "col.answer" || key == "col.comment" || key == "col.check"
}

// cellCheck is the short hash of one cell's text. Line endings and
// surrounding space are evened out first, as spreadsheet programs may
// save them differently without anyone editing the cell.
func cellCheck(v string) string {
	v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:])[:checkChars]
}

// rowCheck is the check column's value for a row whose cells hold
// written (0-based by column; missing ones are empty).
func rowCheck(cols xlsxColumns, written []string) string {
	parts := make([]string, 0, len(cols))
	for i, key := range cols {
		if freeColumn(key) {
			continue
		}
		v := ""
		if i < len(written) {
			v = written[i]
		}
		parts = append(parts, cellCheck(v))
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
