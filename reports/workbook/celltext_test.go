package workbook

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestCellText(t *testing.T) {
	long := strings.Repeat("å", MaxCellChars+10)
	emoji := strings.Repeat("🎉", MaxCellChars) // two UTF-16 units each
	tests := []struct {
		name, in, want string
	}{
		{"plain Swedish", "Östermalm – välkommen! 📚", "Östermalm – välkommen! 📚"},
		{"control characters dropped", "Kultur\x00hus\x1bet\x7f", "Kulturhuset\x7f"},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
		{"CRLF and CR become LF", "a\r\nb\rc", "a\nb\nc"},
		{"non-characters dropped", "a\uFFFEb\uFFFFc", "abc"},
		{"invalid UTF-8 replaced", "a\xffb", "a\uFFFDb"},
		{"long text cut with ellipsis", long, strings.Repeat("å", MaxCellChars-1) + "…"},
		{"surrogate pairs not split", emoji, strings.Repeat("🎉", (MaxCellChars-1)/2) + "…"},
		{"exactly at the limit kept", strings.Repeat("a", MaxCellChars-1), strings.Repeat("a", MaxCellChars-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CellText(tt.in)
			if got != tt.want {
				t.Errorf("CellText(%.40q) = %.60q (%d bytes), want %.60q (%d bytes)", tt.in, got, len(got), tt.want, len(tt.want))
			}
		})
	}
}

// FuzzCellText checks that whatever a crawl scrapes, the cell text is
// valid UTF-8 made of characters XML allows, within Excel's cell limit,
// and unchanged by a second pass.
func FuzzCellText(f *testing.F) {
	for _, s := range []string{"", "=1+1", "a\x00b", "\xff\xfe", "🎉\r\n", strings.Repeat("x", 40000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := CellText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("CellText(%q) is not valid UTF-8", in)
		}
		for _, r := range out {
			if !xmlChar(r) || r == '\r' {
				t.Fatalf("CellText(%q) keeps %U", in, r)
			}
		}
		if n := len(utf16.Encode([]rune(out))); n > MaxCellChars {
			t.Fatalf("cellText gives %d UTF-16 units, limit %d", n, MaxCellChars)
		}
		if again := CellText(out); again != out {
			t.Fatalf("cellText is not stable: %q then %q", out, again)
		}
	})
}
