package reports

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestCellText(t *testing.T) {
	long := strings.Repeat("å", xlsxMaxCellChars+10)
	emoji := strings.Repeat("🎉", xlsxMaxCellChars) // two UTF-16 units each
	tests := []struct {
		name, in, want string
	}{
		{"plain Swedish", "Östermalm – välkommen! 📚", "Östermalm – välkommen! 📚"},
		{"control characters dropped", "Kultur\x00hus\x1bet\x7f", "Kulturhuset\x7f"},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
		{"CRLF and CR become LF", "a\r\nb\rc", "a\nb\nc"},
		{"non-characters dropped", "a\uFFFEb\uFFFFc", "abc"},
		{"invalid UTF-8 replaced", "a\xffb", "a\uFFFDb"},
		{"long text cut with ellipsis", long, strings.Repeat("å", xlsxMaxCellChars-1) + "…"},
		{"surrogate pairs not split", emoji, strings.Repeat("🎉", (xlsxMaxCellChars-1)/2) + "…"},
		{"exactly at the limit kept", strings.Repeat("a", xlsxMaxCellChars-1), strings.Repeat("a", xlsxMaxCellChars-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cellText(tt.in)
			if got != tt.want {
				t.Errorf("cellText(%.40q) = %.60q (%d bytes), want %.60q (%d bytes)", tt.in, got, len(got), tt.want, len(tt.want))
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
		out := cellText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("cellText(%q) is not valid UTF-8", in)
		}
		for _, r := range out {
			if !xmlChar(r) || r == '\r' {
				t.Fatalf("cellText(%q) keeps %U", in, r)
			}
		}
		if n := len(utf16.Encode([]rune(out))); n > xlsxMaxCellChars {
			t.Fatalf("cellText gives %d UTF-16 units, limit %d", n, xlsxMaxCellChars)
		}
		if again := cellText(out); again != out {
			t.Fatalf("cellText is not stable: %q then %q", out, again)
		}
	})
}

func TestFormulaLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"=1+1", true}, {"+46 8 508 290 00", true}, {"-2", true}, {"@SUM(A1)", true},
		{"\tx", true}, {"\rx", true}, {"\nx", true}, {"＝1+1", true},
		{"", false}, {"Kulturhuset", false}, {"a=b", false}, {" =1", false}, {"2026-06-02", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := formulaLike(tt.in); got != tt.want {
				t.Errorf("formulaLike(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLinkTarget(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"https://social.example/@kulturhuset", "https://social.example/@kulturhuset"},
		{" http://example.se/x ", "http://example.se/x"},
		{"HTTPS://EXAMPLE.SE", "HTTPS://EXAMPLE.SE"},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{`=HYPERLINK("https://evil.example")`, ""},
		{"htps://x", ""},
		{"https://", ""},
		{"social.example/@x", ""},
		{"https://example.se/\x00", ""},
		{"https://example.se/" + strings.Repeat("a", xlsxMaxLinkChars), ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := linkTarget(tt.in); got != tt.want {
				t.Errorf("linkTarget(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
