package model

import "testing"

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Kulturförvaltningen":             "kulturforvaltningen",
		"Östermalms stadsdelsförvaltning": "ostermalms-stadsdelsforvaltning",
		"Stockholm Vatten och Avfall AB":  "stockholm-vatten-och-avfall-ab",
		"  Älvsjö/Årsta  ":                "alvsjo-arsta",
		"!!!":                             "forvaltning",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	used := map[string]bool{"oversikt": true}
	if got := uniqueSlug("oversikt", used); got != "oversikt-2" {
		t.Errorf("uniqueSlug collided: %q", got)
	}
}
