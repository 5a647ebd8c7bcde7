package xlsx

import (
	"strings"
	"testing"
)

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
