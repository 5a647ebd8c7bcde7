package workbook

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// The findings sheet of an administration's workbook carries a hidden
// check column: for each row, a short hash of every cell an
// administration must leave as it is, in column order, joined by dots.
// The reader of returned workbooks recomputes them, so a returned
// workbook whose verdict was turned from Underkänd to Godkänd, or whose
// assessment was edited, is refused with the row and column, while the
// answer and comment columns are free. It guards against edits, not forgery: the hashes are not
// secret.

// CheckChars is how many hex digits of SHA-256 stand for one cell.
const CheckChars = 6

// FreeColumn reports whether a findings column may be changed by the
// administration (or is the check column itself).
func FreeColumn(key string) bool {
	return key == "col.answer" || key == "col.comment" || key == "col.check"
}

// CellCheck is the short hash of one cell's text. Line endings and
// surrounding space are evened out first, as spreadsheet programs may
// save them differently without anyone editing the cell.
func CellCheck(v string) string {
	v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:])[:CheckChars]
}
