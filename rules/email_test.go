package rules

import (
	"slices"
	"testing"
)

func TestFindEmails(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Skriv till kultur@stockholm.se.", []string{"kultur@stockholm.se"}},
		{"RI-remissvar.SLK@stockholm.se", []string{"RI-remissvar.SLK@stockholm.se"}},
		{"förnamn.efternamn@edu.stockholm.se, info@kulturhuset.se", []string{"förnamn.efternamn@edu.stockholm.se", "info@kulturhuset.se"}},
		{"Följ @kultur@mastodon.example", nil},
		{"@kultur", nil},
		{"kultur@localhost", nil},
		{"inget här", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, sp := range findEmails(tt.text) {
				got = append(got, sp.text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findEmails(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
