package youtube

import (
	"context"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestAcceptanceHiddenLinks is issue 8's acceptance test "a YouTube
// channel whose links are not visible gets the right verdict": two
// compliant channels that give their website, contact page and comment
// rules only as channel links. Where the page shows only the header's
// first link, the link rules are manual with the reason; where the page
// carries the about panel, they pass. Neither may fail.
func TestAcceptanceHiddenLinks(t *testing.T) {
	linkRules := []string{"website-link", "contact-details", "participation-terms"}
	tests := []struct {
		name, url string
		want      rules.Status
	}{
		{"links hidden behind /youtubei/", "https://www.youtube.com/@idrottsforvaltningen", rules.Manual},
		{"links visible in the page data", "https://www.youtube.com/@badhusen", rules.Pass},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "links")
			acc := scanner.Account{Row: 2, URL: tt.url, Platform: scanner.YouTube, PlatformName: "YouTube",
				Name: "Idrottsförvaltningen på YouTube", Administration: "Idrottsförvaltningen",
				Purpose: "Visa stadens idrottsutbud", Goals: "Fler som rör på sig", Audience: "Stockholmare", Owner: "Kommunikationsenheten"}
			asOf := day("2026-11-20T12:00:00Z")
			got, err := New(f, DefaultConfig()).Fetch(context.Background(), acc, asOf.AddDate(0, 0, -91))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			j := rules.Judge(rules.All(rules.DefaultConfig()), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, asOf)
			byRule := map[string]rules.Finding{}
			for _, fd := range j.Findings {
				byRule[fd.Rule] = fd
				if fd.Status == rules.Fail {
					t.Errorf("%s fails a compliant channel: %s", fd.Rule, fd.Message.EN)
				}
			}
			for _, id := range linkRules {
				fd, ok := byRule[id]
				if !ok {
					t.Fatalf("no %s finding", id)
				}
				if fd.Status != tt.want {
					t.Errorf("%s = %s (%s), want %s", id, fd.Status, fd.Message.EN, tt.want)
				}
				if tt.want == rules.Manual && (!strings.Contains(fd.Message.SV, "visar inte alla profilens länkar") || len(fd.Evidence) == 0 ||
					!strings.Contains(fd.Evidence[0].Value, "och 3 länkar till")) {
					t.Errorf("%s says %q with evidence %+v; want the reason and the header's words", id, fd.Message.SV, fd.Evidence)
				}
			}
		})
	}
}
