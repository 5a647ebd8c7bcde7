package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestLatin1Blogs reads blogs that are not in UTF-8, as older city sites
// are: one names ISO-8859-1 only in the HTTP header, one only in <meta
// charset="windows-1252">. Read as raw bytes, "Kulturförvaltningen" does
// not match and city-affiliation would fail a compliant blog.
func TestLatin1Blogs(t *testing.T) {
	asOf := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, url   string
		wantText    []string // in Profile.Text, decoded
		wantPosts   int
		wantPosting rules.Status
	}{
		{
			name: "charset in the HTTP header, feed in ISO-8859-1", url: "https://kulturarv.example/",
			wantText:  []string{"Kulturarvsbloggen – Stockholms stad", "Bloggen drivs av Kulturförvaltningen, en del av Stockholms stad.", "Östermalms saluhall 1888–2026"},
			wantPosts: 2,
		},
		{
			name: "charset only in meta, Windows-1252 quotes and dashes", url: "https://bibliotekbloggen.example/",
			wantText: []string{"Bibliotekbloggen – ”Läs mer” med Stadsbiblioteket", "Bibliotekbloggen drivs av Kulturförvaltningen i Stockholms stad.", "Höstens bästa böcker – våra tips"},
		},
	}
	catalog := rules.All(rules.DefaultConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc := scanner.Account{Administration: "Kulturförvaltningen", Name: "Blogg", Platform: scanner.Web, URL: tt.url}
			got, err := New(serve(t, "latin1-blog")).Fetch(context.Background(), acc, asOf.AddDate(0, -3, 0))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			for _, w := range tt.wantText {
				if !strings.Contains(got.Profile.Text, w) {
					t.Errorf("Profile.Text lacks %q:\n%s", w, got.Profile.Text)
				}
			}
			if strings.ContainsRune(got.Profile.Text, '\uFFFD') {
				t.Errorf("Profile.Text has undecoded bytes:\n%s", got.Profile.Text)
			}
			if len(got.Posts) != tt.wantPosts {
				t.Errorf("%d posts from the feed, want %d", len(got.Posts), tt.wantPosts)
			}
			j := rules.Judge(catalog, scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, asOf)
			for _, f := range j.Findings {
				if f.Rule == "city-affiliation" && f.Status != rules.Pass {
					t.Errorf("city-affiliation = %s (%s), want pass", f.Status, f.Message.EN)
				}
			}
		})
	}
}
