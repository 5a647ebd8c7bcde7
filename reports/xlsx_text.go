package reports

import (
	"net/url"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Excel's limits on what a cell and a hyperlink can hold.
const (
	xlsxMaxCellChars = 32767 // UTF-16 code units in one cell
	xlsxMaxLinkChars = 2079  // characters in one hyperlink address
)

// cellText makes scraped text safe for a cell: invalid UTF-8 becomes
// U+FFFD, characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF)
// are dropped so the workbook always opens, line breaks become "\n", and
// text beyond Excel's cell limit is cut with an ellipsis.
func cellText(s string) string {
	if cellAsIs(s) {
		return s
	}
	return cellRebuild(s)
}

// cellRebuild is cellText for text that needs changing.
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
		if units+n > xlsxMaxCellChars-1 {
			b.WriteRune('…')
			return b.String()
		}
		units += n
		b.WriteRune(r)
	}
	return b.String()
}

// cellAsIs reports whether cellText would return s unchanged: short
// enough, valid UTF-8, no carriage return and nothing XML forbids. Most
// cells are, and checking costs no allocation.
func cellAsIs(s string) bool {
	if len(s) > xlsxMaxCellChars-1 { // bytes bound UTF-16 units from above
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

// formulaLike reports whether a spreadsheet could read s as a formula or
// a command when a person edits the cell: it starts with =, +, -, @ or a
// tab or line break. Such cells get Excel's quote prefix.
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	}
	// Full-width equals and plus signs are read as formulas too.
	return strings.HasPrefix(s, "＝") || strings.HasPrefix(s, "＋") || strings.HasPrefix(s, "－")
}

// linkTarget returns raw as a hyperlink address when it is an absolute
// http(s) URL Excel can hold, and "" otherwise.
func linkTarget(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > xlsxMaxLinkChars || cellText(raw) != raw {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return ""
	}
	return raw
}

// textWidth is the width of s in Excel's character units: its longest
// line, counted in characters.
func textWidth(s string) float64 {
	longest := 0
	for {
		line, rest, more := strings.Cut(s, "\n")
		longest = max(longest, utf8.RuneCountInString(line))
		if !more {
			return float64(longest)
		}
		s = rest
	}
}
