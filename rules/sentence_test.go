package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentenceAround(t *testing.T) {
	long := strings.Repeat("ord ", 80)
	tests := []struct {
		name, text, match string
		want              string
	}{
		{"middle sentence", "Hej. Vi är en del av Stockholms stad. Välkommen!", "Stockholms stad", "Vi är en del av Stockholms stad."},
		{"first sentence", "Stockholms stad tipsar! Mer här.", "Stockholms stad", "Stockholms stad tipsar!"},
		{"line break", "Bibliotek\nKulturförvaltningen, Stockholms stad\nÖppet 10-19", "Stockholms stad", "Kulturförvaltningen, Stockholms stad"},
		{"bio separators", "Böcker | Stockholms stad | Kultur", "Stockholms stad", "Stockholms stad"},
		{"domain dot is no sentence end", "Läs mer på stockholm.se om Stockholms stad.", "Stockholms stad", "Läs mer på stockholm.se om Stockholms stad."},
		{"white space collapsed", "Vi  är\u00a0del av\tStockholms stad.", "Stockholms stad", "Vi är del av Stockholms stad."},
		{"long sentence is cut around the match", long + "Stockholms stad " + long, "Stockholms stad", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.text, tt.match)
			got := sentenceAround(tt.text, i, i+len(tt.match))
			if tt.want != "" && got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if !strings.Contains(got, tt.match) {
				t.Errorf("%q lost the match %q", got, tt.match)
			}
			if n := utf8.RuneCountInString(got); n > maxSentenceRunes+2 {
				t.Errorf("%d runes, want at most %d", n, maxSentenceRunes+2)
			}
			if tt.want == "" && (!strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…")) {
				t.Errorf("cut sentence %q is not marked with …", got)
			}
		})
	}
}

func TestClip(t *testing.T) {
	if got := clip("  a \n b  ", 10); got != "a b" {
		t.Errorf("clip = %q, want %q", got, "a b")
	}
	if got := clip("åäöåäö", 3); got != "åäö…" {
		t.Errorf("clip = %q, want %q", got, "åäö…")
	}
}
