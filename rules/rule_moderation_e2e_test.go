package rules_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/terms"
)

// silentProfile answers with a Mastodon profile that says nothing of its
// comment rules and links to its terms at link.
type silentProfile struct{ link string }

func (p silentProfile) Fetch(_ context.Context, acc scanner.Account, _ time.Time) (scanner.Fetched, error) {
	note := "Sommarskolan i Stockholms stad. Tips om lovkurser och sommarläsning."
	return scanner.Fetched{
		Profile: scanner.Profile{
			DisplayName: "Sommarskolan", Description: note, Text: scanner.JoinText("Sommarskolan", note, "Villkor: "+p.link),
			Links:  []scanner.Link{{URL: "https://www.stad.example/utbildning/", Text: "Webbplats"}, {URL: p.link, Text: p.link}},
			Fields: []scanner.Field{{Name: "Villkor", Value: p.link}},
		},
		Sources: []string{acc.URL},
		Page:    acc.URL,
	}, nil
}

// TestModerationFollowsTheTermsLink scans a profile that links to its
// terms through the real crawl layer against a local server and judges
// moderation-info: the terms page decides, and a page that cannot be read
// hands the account to a person, never fails it.
func TestModerationFollowsTheTermsLink(t *testing.T) {
	srv, err := fixtureserver.Start(os.DirFS("testdata/moderation"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	cfg := rules.DefaultConfig()
	r, ok := rules.Find(rules.All(cfg), rules.ModerationInfo)
	if !ok {
		t.Fatal("no moderation-info rule")
	}
	tests := []struct {
		name    string
		link    string
		want    rules.Status
		message string   // a part of the Swedish message
		values  []string // evidence values that must be there
	}{
		{
			name: "the terms page says it all", link: "https://www.stad.example/om-webbplatsen/kommentarsregler/", want: rules.Pass,
			message: "Profilen och villkoren den länkar till berättar tillsammans",
			values:  []string{"Stadens konton är till för frågor och samtal om stadens verksamhet.", "Inlägg som är kränkande, hotfulla eller innehåller personuppgifter tas bort.", "Anmäl det till oss i ett direktmeddelande eller till kommunikation@stad.example."},
		},
		{
			name: "the terms page does not say how to report", link: "https://www.stad.example/utbildning/villkor/", want: rules.Fail,
			message: "Varken profilen eller villkoren den länkar till säger hur man anmäler kränkande innehåll.",
			values:  []string{"Här kan du ställa frågor om sommarskolan och skolvalet.", "Inlägg som bryter mot lag eller mot de här reglerna tas bort."},
		},
		{
			name: "the terms page answers 404", link: "https://www.stad.example/gamla-villkor/", want: rules.Manual,
			message: "smaudit kunde inte läsa sidan: servern svarade med ett felmeddelande (HTTP 404, hittades inte)",
		},
		{
			name: "robots.txt forbids the terms page", link: "https://intern.stad.example/villkor/sociala-medier/", want: rules.Manual,
			message: "smaudit kunde inte läsa sidan: webbplatsens robots.txt förbjuder hämtning.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := srv.Fetcher()
			if err != nil {
				t.Fatal(err)
			}
			adapters := map[scanner.Platform]scanner.Adapter{scanner.Mastodon: terms.New(f, rules.TermsLink(cfg)).Wrap(silentProfile{tt.link})}
			acc := scanner.Account{Row: 2, Administration: "Utbildningsförvaltningen", Name: "Sommarskolan", Platform: scanner.Mastodon, URL: "https://mastodon.example/@sommarskolan"}
			res := scanner.Scan(context.Background(), []scanner.Account{acc}, adapters, time.Time{}, scanner.Options{})[0]
			if res.Status != scanner.FetchOK {
				t.Fatalf("fetch %s: %v", res.Status, res.Err)
			}
			got := r.Check(rules.Input{Result: &res, AsOf: rules.SampleAsOf})
			if got.Status != tt.want {
				t.Errorf("status %s, want %s: %s", got.Status, tt.want, got.Message.SV)
			}
			if !strings.Contains(got.Message.SV, tt.message) {
				t.Errorf("message %q lacks %q", got.Message.SV, tt.message)
			}
			var link bool
			for _, e := range got.Evidence {
				link = link || e.URL == tt.link
			}
			if !link {
				t.Errorf("no evidence links to the terms page %s: %+v", tt.link, got.Evidence)
			}
			for _, v := range tt.values {
				found := false
				for _, e := range got.Evidence {
					found = found || e.Value == v && e.URL == tt.link
				}
				if !found {
					t.Errorf("no evidence %q linked to the terms page: %+v", v, got.Evidence)
				}
			}
			for _, q := range f.Requests() {
				if q.URL == tt.link && !q.Page {
					t.Errorf("the terms page was fetched without robots.txt")
				}
			}
		})
	}
}
