package xlsx

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// Excel's limit on what a hyperlink can hold.
const xlsxMaxLinkChars = 2079 // characters in one hyperlink address

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
	if raw == "" || len(raw) > xlsxMaxLinkChars || workbook.CellText(raw) != raw {
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

// upperFirst capitalises s's first letter, for a phrase written to run
// on after other words that stands alone in a cell.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
