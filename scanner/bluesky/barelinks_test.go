package bluesky

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestBareLinks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []scanner.Link
	}{
		{"bare domain with path", "Mer på stockholm.se/kultur", []scanner.Link{{URL: "https://stockholm.se/kultur", Text: "stockholm.se/kultur"}}},
		{"scheme kept, full stop dropped", "Läs https://start.stockholm/kultur.", []scanner.Link{{URL: "https://start.stockholm/kultur", Text: "https://start.stockholm/kultur"}}},
		{"http and capital scheme", "HTTP://Stockholm.se/a?b=1#c", []scanner.Link{{URL: "http://stockholm.se/a?b=1#c", Text: "HTTP://Stockholm.se/a?b=1#c"}}},
		{"in brackets", "regler (stockholm.se/kommentarsregler) och [stockholm.se]", []scanner.Link{
			{URL: "https://stockholm.se/kommentarsregler", Text: "stockholm.se/kommentarsregler"},
			{URL: "https://stockholm.se", Text: "stockholm.se"},
		}},
		{"bracket inside the path kept", "https://sv.wikipedia.org/wiki/Kultur_(begrepp)", []scanner.Link{{URL: "https://sv.wikipedia.org/wiki/Kultur_(begrepp)", Text: "https://sv.wikipedia.org/wiki/Kultur_(begrepp)"}}},
		{"www and port", "www.stadsarkivet.stockholm:8443/sok!", []scanner.Link{{URL: "https://www.stadsarkivet.stockholm:8443/sok", Text: "www.stadsarkivet.stockholm:8443/sok"}}},
		{"non-ASCII host", "Besök malmö.se, tack", []scanner.Link{{URL: "https://malmö.se", Text: "malmö.se"}}},
		{"all capitals", "STOCKHOLM.SE", []scanner.Link{{URL: "https://stockholm.se", Text: "STOCKHOLM.SE"}}},
		{"duplicates once", "stockholm.se/kultur och stockholm.se/kultur", []scanner.Link{{URL: "https://stockholm.se/kultur", Text: "stockholm.se/kultur"}}},
		{"e-mail address stays text", "Mejla kultur@stockholm.se eller anna.berg@stockholm.se", nil},
		{"handle mention stays text", "Följ @kultur.stockholm.se", nil},
		{"swedish abbreviations", "t.ex. bl.a. s.k. kl. 8.30 fr.o.m. osv.", nil},
		{"missing space before a sentence", "Vi har öppet i kulturskolan.Vi ses!", nil},
		{"unknown top-level domain without scheme", "filen rapport.docx och bild.jpeg", nil},
		{"unknown top-level domain with scheme", "https://intranet.stad/x", []scanner.Link{{URL: "https://intranet.stad/x", Text: "https://intranet.stad/x"}}},
		{"other scheme", "ftp://files.stockholm.se/a", nil},
		{"numbers only", "version 1.2.3 och 08-508 290 00", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, bareLinks(tt.text)); diff != "" {
				t.Errorf("bareLinks(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
