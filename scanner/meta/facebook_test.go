package meta

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFacebookPassingPage(t *testing.T) {
	f := serve(t, "facebook-pass")
	got, err := NewFacebook(f, testConfig()).Fetch(context.Background(),
		scanner.Account{URL: "https://www.facebook.com/kulturforvaltningen/?locale=sv_SE"}, day("2026-09-15T00:00:00Z"))
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	about := "Kulturförvaltningen i Stockholms stad. Vi modererar kommentarer enligt stockholm.se/kommentarsregler."
	desc := "Här berättar Kulturförvaltningen om konst, bibliotek, kulturskola och evenemang i Stockholm. " +
		"Vi svarar på frågor vardagar 8–16. Det du skriver här kan bli en allmän handling. " +
		"Läs mer på https://start.stockholm/om-webbplatsen/sociala-medier/ eller www.stockholm.se/kultur."
	wantProfile := scanner.Profile{
		DisplayName: "Kulturförvaltningen Stockholms stad",
		Description: about + "\n" + desc,
		Text:        "Kulturförvaltningen Stockholms stad\n" + about + "\n" + desc + "\nE-post: kultur@stockholm.se\nTelefon: 08-508 319 00",
		Links: []scanner.Link{
			{URL: "https://start.stockholm/kultur", Text: "Webbplats"},
			{URL: "https://kulturhusetstadsteatern.se", Text: "Webbplats"},
			{URL: "https://stockholm.se/kommentarsregler", Text: "stockholm.se/kommentarsregler"},
			{URL: "https://start.stockholm/om-webbplatsen/sociala-medier/", Text: "https://start.stockholm/om-webbplatsen/sociala-medier/"},
			{URL: "https://www.stockholm.se/kultur", Text: "www.stockholm.se/kultur"},
			{URL: "mailto:kultur@stockholm.se", Text: "E-post"},
			{URL: "tel:0850831900", Text: "Telefon"},
		},
	}
	if diff := cmp.Diff(wantProfile, got.Profile); diff != "" {
		t.Errorf("profile mismatch (-want +got):\n%s", diff)
	}
	wantSources := []string{
		"https://graph.facebook.com/v21.0/kulturforvaltningen?fields=id,name,about,description,website,emails,phone,link,username",
		"https://www.facebook.com/kulturforvaltningen",
		"https://graph.facebook.com/v21.0/104392817650123/posts?fields=created_time,message,permalink_url,parent_id,comments.limit(0).summary(true)&limit=100",
	}
	if diff := cmp.Diff(wantSources, got.Sources); diff != "" {
		t.Errorf("sources mismatch (-want +got):\n%s", diff)
	}
	if len(got.Posts) != 25 {
		t.Fatalf("%d posts, want the 25 of the first page", len(got.Posts))
	}
	wantFirst := scanner.Post{
		ID:        "104392817650123_1227000079190000",
		URL:       "https://www.facebook.com/104392817650123/posts/1227000079190000",
		Published: day("2026-09-28T10:15:00Z"),
		Text:      "Välkommen till Kulturnatt Stockholm! Programmet finns på start.stockholm/kulturnatt 🎭",
		Source:    "https://graph.facebook.com/v21.0/104392817650123/posts?fields=created_time,message,permalink_url,parent_id,comments.limit(0).summary(true)&limit=100",
	}
	if diff := cmp.Diff(wantFirst, got.Posts[0]); diff != "" {
		t.Errorf("newest post mismatch (-want +got):\n%s", diff)
	}
	if loc := got.Posts[0].Published.Location(); loc != time.UTC {
		t.Errorf("post time in %v, want UTC", loc)
	}
	if !got.CompleteSince.Equal(day("2026-09-02T10:15:00Z")) {
		t.Errorf("CompleteSince = %v, want the oldest post of page 1, 2026-09-02T10:15:00Z", got.CompleteSince)
	}
	for _, r := range f.Requests() {
		if r.Accept != "application/json" || r.Page {
			t.Errorf("request %s: Accept %q, Page %v; want application/json, false", r.URL, r.Accept, r.Page)
		}
		if strings.Contains(r.URL, "/feed") {
			t.Errorf("request %s reads /feed, which holds visitors' posts", r.URL)
		}
	}
}

func TestFacebookPaging(t *testing.T) {
	tests := []struct {
		name         string
		since        string
		maxPages     int
		wantPosts    int
		wantComplete string // "" for the zero time
		wantRequests int    // the page request included
	}{
		{"first page reaches since", "2026-09-15T00:00:00Z", 0, 25, "2026-09-02T10:15:00Z", 2},
		{"second page reaches since", "2026-08-20T00:00:00Z", 0, 50, "2026-08-06T08:15:00Z", 3},
		{"whole history", "2026-01-01T00:00:00Z", 0, 60, "", 4},
		{"page cap 2", "2026-01-01T00:00:00Z", 2, 50, "2026-08-06T08:15:00Z", 3},
		{"page cap 1", "2026-01-01T00:00:00Z", 1, 25, "2026-09-02T10:15:00Z", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "facebook-pass")
			cfg := testConfig()
			cfg.MaxPages = tt.maxPages
			got, err := NewFacebook(f, cfg).Fetch(context.Background(),
				scanner.Account{URL: "https://www.facebook.com/profile.php?id=104392817650123"}, day(tt.since))
			checkNoToken(t, f, got, err)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if len(got.Posts) != tt.wantPosts {
				t.Errorf("%d posts, want %d", len(got.Posts), tt.wantPosts)
			}
			seen := map[string]bool{}
			for i, p := range got.Posts {
				if !p.Own() || p.ID == "" || p.URL == "" || p.Published.IsZero() {
					t.Errorf("post %d = %+v; want an own post with id, URL and date", i, p)
				}
				if seen[p.ID] {
					t.Errorf("post %s twice", p.ID)
				}
				seen[p.ID] = true
				if i > 0 && p.Published.After(got.Posts[i-1].Published) {
					t.Errorf("post %d (%s) is newer than post %d", i, p.ID, i-1)
				}
			}
			var wantComplete time.Time
			if tt.wantComplete != "" {
				wantComplete = day(tt.wantComplete)
			}
			if !got.CompleteSince.Equal(wantComplete) {
				t.Errorf("CompleteSince = %v, want %v", got.CompleteSince, wantComplete)
			}
			reqs := f.Requests()
			if len(reqs) != tt.wantRequests {
				t.Fatalf("%d requests, want %d: %v", len(reqs), tt.wantRequests, reqs)
			}
			for _, r := range reqs[min(2, len(reqs)):] {
				if !strings.Contains(r.URL, "&after=QVFI") || !strings.HasPrefix(r.URL, "https://graph.facebook.com/v21.0/104392817650123/posts?") {
					t.Errorf("later page %s does not follow paging.next", r.URL)
				}
			}
		})
	}
}

func TestFacebookFailingPage(t *testing.T) {
	f := serve(t, "facebook-fail")
	got, err := NewFacebook(f, testConfig()).Fetch(context.Background(),
		scanner.Account{URL: "https://m.facebook.com/people/Parkprojektet-Hammarby-sjostad/100089912345678/"}, day("2026-06-01T00:00:00Z"))
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := scanner.Fetched{
		Profile: scanner.Profile{DisplayName: "Parkprojektet Hammarby sjöstad", Text: "Parkprojektet Hammarby sjöstad"},
		Posts: []scanner.Post{
			{ID: "100089912345678_1227000079190000", URL: "https://www.facebook.com/100089912345678/posts/1227000079190000", Published: day("2026-05-20T14:02:00Z")},
			{ID: "100089912345678_1227000079182081", URL: "https://www.facebook.com/100089912345678/posts/1227000079182081", Published: day("2026-05-01T14:02:00Z")},
			{ID: "100089912345678_1227000079174162", URL: "https://www.facebook.com/100089912345678/posts/1227000079174162", Published: day("2026-04-12T14:02:00Z")},
		},
		Sources: []string{
			"https://graph.facebook.com/v21.0/100089912345678?fields=id,name,about,description,website,emails,phone,link,username",
			"https://www.facebook.com/people/Parkprojektet-Hammarby-sjostad/100089912345678/",
			"https://graph.facebook.com/v21.0/100089912345678/posts?fields=created_time,message,permalink_url,parent_id,comments.limit(0).summary(true)&limit=100",
		},
		Page: "https://www.facebook.com/people/Parkprojektet-Hammarby-sjostad/100089912345678/",
		// No post has comments: none is asked for.
		Dialogue: &scanner.Dialogue{MaxThreads: scanner.DefaultMaxThreads},
	}
	if diff := cmp.Diff(want, got, ignorePostText); diff != "" {
		t.Errorf("Fetch mismatch (-want +got):\n%s", diff)
	}
}
