package meta

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestTextLinks(t *testing.T) {
	tests := []struct {
		text string
		want []scanner.Link
	}{
		{"Läs mer på stockholm.se/kultur.", []scanner.Link{{URL: "https://stockholm.se/kultur", Text: "stockholm.se/kultur"}}},
		{"(https://start.stockholm/kultur), eller www.kulturhuset.se!", []scanner.Link{
			{URL: "https://start.stockholm/kultur", Text: "https://start.stockholm/kultur"},
			{URL: "https://www.kulturhuset.se", Text: "www.kulturhuset.se"},
		}},
		{"Besök kulturhusetstadsteatern.se", []scanner.Link{{URL: "https://kulturhusetstadsteatern.se", Text: "kulturhusetstadsteatern.se"}}},
		{"Vi har t.ex. bibliotek, bl.a. i Kista", nil},
		{"Kulturhuset.Stadsteatern spelar v.3.5", nil},
		{"Mejla kultur@stockholm.se eller ring 08-508 319 00 kl.10", nil},
		{"#kulturistockholm @stockholmsstad", nil},
		{"ftp://stockholm.se/fil javascript://x.se", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, textLinks(tt.text)); diff != "" {
				t.Errorf("textLinks(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestContactURLs(t *testing.T) {
	tests := []struct {
		name, in, want string
		f              func(string) string
	}{
		{"phone with area code", "08-508 290 00", "tel:0850829000", telURL},
		{"international phone", "+46 8 508 290 00", "tel:+46850829000", telURL},
		{"phone with text", "Växel: 08-508 290 00", "tel:0850829000", telURL},
		{"too short", "112", "", telURL},
		{"no digits", "ring oss", "", telURL},
		{"e-mail", " kultur@stockholm.se ", "mailto:kultur@stockholm.se", mailtoURL},
		{"no domain", "kultur@", "", mailtoURL},
		{"no at", "stockholm.se", "", mailtoURL},
		{"query smuggled in", "a@b.se?subject=x", "", mailtoURL},
		{"website with scheme", "https://start.stockholm/kultur", "https://start.stockholm/kultur", bareURL},
		{"website without scheme", "stockholm.se/kultur", "https://stockholm.se/kultur", bareURL},
		{"website with user info", "https://user@stockholm.se", "", bareURL},
		{"numbers", "1.2", "", bareURL},
		{"other scheme", "javascript://stockholm.se", "", bareURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f(tt.in); got != tt.want {
				t.Errorf("(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPageProfileSameAboutAndDescription(t *testing.T) {
	got := pageProfile(page{Name: "Stadsarkivet", About: "Stockholms stadsarkiv.", Description: " Stockholms stadsarkiv. ", Website: "https://stadsarkivet.stockholm https://stadsarkivet.stockholm"})
	want := scanner.Profile{
		DisplayName: "Stadsarkivet",
		Description: "Stockholms stadsarkiv.",
		Text:        "Stadsarkivet\nStockholms stadsarkiv.",
		Links:       []scanner.Link{{URL: "https://stadsarkivet.stockholm", Text: "Webbplats"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pageProfile mismatch (-want +got):\n%s", diff)
	}
}

func TestDistinctTextKeepsEachSentenceOnce(t *testing.T) {
	const about = "Stadsarkivet bevarar Stockholms historia."
	const desc = "Stadsarkivet bevarar Stockholms historia. Läsesalen har öppet vardagar 9–16."
	tests := []struct {
		name, about, desc, want string
	}{
		{"about starts the description", about, desc, desc},
		{"description inside about", desc, about, desc},
		{"equal but for line breaks", "Stadsarkivet bevarar\nStockholms historia.", about, "Stadsarkivet bevarar\nStockholms historia."},
		{"different texts", about, "Läsesalen har öppet vardagar 9–16.", about + "\nLäsesalen har öppet vardagar 9–16."},
		{"only description", "", desc, desc},
		{"placeholder about", "<<not-applicable>>", desc, desc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pageProfile(page{About: tt.about, Description: tt.desc}).Description
			if got != tt.want {
				t.Errorf("Description = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPlaceholdersAreNoValue(t *testing.T) {
	const na = "<<not-applicable>>"
	got := pageProfile(page{Name: "Stadsarkivet", About: na, Description: na, Website: na, Phone: na, Emails: []string{na, " arkiv@stockholm.se "}})
	want := scanner.Profile{
		DisplayName: "Stadsarkivet",
		Text:        "Stadsarkivet\nE-post: arkiv@stockholm.se",
		Links:       []scanner.Link{{URL: "mailto:arkiv@stockholm.se", Text: "E-post"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pageProfile mismatch (-want +got):\n%s", diff)
	}
	ig := igProfile(na, "stadsarkivet", na, na)
	if ig.DisplayName != "stadsarkivet" || ig.Description != "" || len(ig.Links) != 0 || strings.Contains(ig.Text, "applicable") {
		t.Errorf("igProfile with placeholders = %+v, want the user name only", ig)
	}
}
