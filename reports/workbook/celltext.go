package workbook

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxCellChars is how many UTF-16 code units Excel holds in one cell.
const MaxCellChars = 32767

// CellText makes scraped text safe for a cell: invalid UTF-8 becomes
// U+FFFD, characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF)
// are dropped so the workbook always opens, line breaks become "\n", and
// text beyond Excel's cell limit is cut with an ellipsis.
func CellText(s string) string {
	if cellAsIs(s) {
		return s
	}
	return cellRebuild(s)
}

// cellRebuild is CellText for text that needs changing.
func cellRebuild(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	units := 0
	for _, r := range s {
		if r == '\r' {
			r = '\n'
		}
		if !xmlChar(r) {
			continue
		}
		n := utf16.RuneLen(r)
		if units+n > MaxCellChars-1 {
			b.WriteRune('…')
			return b.String()
		}
		units += n
		b.WriteRune(r)
	}
	return b.String()
}

// cellAsIs reports whether CellText would return s unchanged: short
// enough, valid UTF-8, no carriage return and nothing XML forbids. Most
// cells are, and checking costs no allocation.
func cellAsIs(s string) bool {
	if len(s) > MaxCellChars-1 { // bytes bound UTF-16 units from above
		return false
	}
	for i, r := range s {
		if r == '\r' || !xmlChar(r) || r == utf8.RuneError && isInvalidAt(s, i) {
			return false
		}
	}
	return true
}

// isInvalidAt reports whether the RuneError at byte i of s stands for
// bytes that are not UTF-8 rather than a U+FFFD written out.
func isInvalidAt(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n == 1
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= 0x10FFFF
}
