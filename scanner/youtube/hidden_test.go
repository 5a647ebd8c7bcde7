package youtube

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

// The "links" fixtures follow the 2026 channel header: the first link in
// the header, "och 3 länkar till" for the rest, and the about panel either
// in the page (visible) or left to a /youtubei/ continuation (hidden).
func TestFetchHiddenLinks(t *testing.T) {
	tests := []struct {
		name, url  string
		wantLinks  []scanner.Link
		wantHidden string // a substring of LinksHidden; "" for none
	}{
		{name: "header shows the first link only", url: "https://www.youtube.com/@idrottsforvaltningen",
			wantLinks:  []scanner.Link{{URL: "https://www.instagram.com/idrottistockholm/", Text: "instagram.com/idrottistockholm"}},
			wantHidden: `the channel header shows only the first of the channel's links ("instagram.com/idrottistockholm och 3 länkar till"); the others load through /youtubei/v1/browse, which robots.txt disallows`},
		{name: "about panel in the page", url: "https://www.youtube.com/@badhusen",
			wantLinks: []scanner.Link{
				{URL: "https://www.instagram.com/badhusenistockholm/", Text: "Instagram"},
				{URL: "https://stockholm.se/bad", Text: "Webbplats"},
				{URL: "https://start.stockholm/kontakt/bad/", Text: "Kontakta oss"},
				{URL: "https://start.stockholm/om-webbplatsen/sociala-medier/kommentarsregler/", Text: "Kommentarsregler"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "links")
			got, err := New(f, DefaultConfig()).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-08-21T00:00:00Z"))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if diff := cmp.Diff(tt.wantLinks, got.Profile.Links); diff != "" {
				t.Errorf("Links mismatch (-want +got):\n%s", diff)
			}
			if tt.wantHidden == "" && got.Profile.LinksHidden != "" || !strings.Contains(got.Profile.LinksHidden, tt.wantHidden) {
				t.Errorf("LinksHidden = %q, want %q", got.Profile.LinksHidden, tt.wantHidden)
			}
			for _, r := range f.Requests() {
				if strings.Contains(r.URL, "/youtubei/") {
					t.Errorf("asked %s, which robots.txt disallows", r.URL)
				}
			}
		})
	}
}

func TestHiddenLinks(t *testing.T) {
	header := func(seen bool, shown, more string) channelHeader {
		return channelHeader{Seen: seen, Shown: shown, More: more}
	}
	tests := []struct {
		name      string
		aboutSeen bool
		h         channelHeader
		links     int
		want      string // a substring; "" for none
	}{
		{"about panel with every announced link", true, header(true, "a.se och 3 länkar till", "och 3 länkar till"), 4, ""},
		{"about panel short of the announced links", true, header(true, "a.se and 7 more links", "and 7 more links"), 3, "the about panel shows 3 of the 8 links"},
		{"about panel, suffix without a number", true, header(true, "a.se och fler", "och fler"), 1, ""},
		{"header suffix, no about panel", false, header(true, "a.se och 2 länkar till", "och 2 länkar till"), 1, "shows only the first"},
		{"one link, no suffix", false, header(true, "a.se", ""), 1, ""},
		{"no links at all", false, header(true, "", ""), 0, ""},
		{"neither header nor about panel", false, header(false, "", ""), 0, "neither the about panel nor the channel header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hiddenLinks(tt.aboutSeen, tt.h, tt.links)
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("hiddenLinks = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMoreCount(t *testing.T) {
	for s, want := range map[string]int{"and 7 more links": 7, "och 12 länkar till": 12, "och fler": -1, "": -1} {
		n, ok := moreCount(s)
		if !ok {
			n = -1
		}
		if n != want {
			t.Errorf("moreCount(%q) = %d, want %d", s, n, want)
		}
	}
}
