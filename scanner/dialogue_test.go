package scanner

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReplyText(t *testing.T) {
	long := strings.Repeat("å", MaxReplyRunes+5)
	for _, tc := range []struct {
		name, in string
		runes    int
	}{
		{"short", "  Hur söker jag?  ", len([]rune("Hur söker jag?"))},
		{"exactly the cap", long[:2*MaxReplyRunes], MaxReplyRunes},
		{"over the cap", long, MaxReplyRunes},
		{"empty", " \n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ReplyText(tc.in)
			if n := utf8.RuneCountInString(got); n != tc.runes {
				t.Errorf("ReplyText kept %d runes, want %d", n, tc.runes)
			}
			if !utf8.ValidString(got) {
				t.Errorf("ReplyText cut inside a rune: %q", got[len(got)-3:])
			}
			if got != strings.TrimSpace(got) {
				t.Errorf("ReplyText left space around %q", got)
			}
		})
	}
}
