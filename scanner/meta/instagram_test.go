package meta

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

const igPassURL = "https://www.instagram.com/kulturforvaltningen_sthlm/?hl=sv"

func TestInstagramPassingAccount(t *testing.T) {
	f := serve(t, "instagram-pass")
	got, err := NewInstagram(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: igPassURL}, day("2026-09-01T00:00:00Z"))
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	bio := "Konst, bibliotek och kulturskola i Stockholms stad 🎨📚\nVi svarar vardagar 8–16. Kommentarsregler: stockholm.se/kommentarsregler"
	wantProfile := scanner.Profile{
		DisplayName: "Kulturförvaltningen | Stockholms stad",
		Description: bio,
		Text:        "Kulturförvaltningen | Stockholms stad\n" + bio,
		Links: []scanner.Link{
			{URL: "https://start.stockholm/kultur", Text: "Webbplats"},
			{URL: "https://stockholm.se/kommentarsregler", Text: "stockholm.se/kommentarsregler"},
		},
	}
	if diff := cmp.Diff(wantProfile, got.Profile); diff != "" {
		t.Errorf("profile mismatch (-want +got):\n%s", diff)
	}
	wantSources := []string{
		"https://graph.facebook.com/v21.0/17841400000000001?fields=business_discovery.username(kulturforvaltningen_sthlm)" +
			"%7Busername,name,biography,website,media_count,media.limit(100)%7Btimestamp,caption,permalink,media_type,comments_count%7D%7D",
		"https://www.instagram.com/kulturforvaltningen_sthlm/",
	}
	if diff := cmp.Diff(wantSources, got.Sources); diff != "" {
		t.Errorf("sources mismatch (-want +got):\n%s", diff)
	}
	if len(got.Posts) != 25 {
		t.Fatalf("%d posts, want the 25 of the first page", len(got.Posts))
	}
	wantFirst := scanner.Post{ID: "17900000523645000", URL: "https://www.instagram.com/p/W3FUA72WAKV/", Published: day("2026-09-29T16:40:00Z"), Text: "Kulturnatt i kväll! 🎉 #kulturnattstockholm",
		Source: "https://graph.facebook.com/v21.0/17841400000000001?fields=business_discovery.username(kulturforvaltningen_sthlm)%7Busername,name,biography,website,media_count,media.limit(100)%7Btimestamp,caption,permalink,media_type,comments_count%7D%7D"}
	if diff := cmp.Diff(wantFirst, got.Posts[0]); diff != "" {
		t.Errorf("newest post mismatch (-want +got):\n%s", diff)
	}
	if !got.CompleteSince.Equal(day("2026-08-30T16:40:00Z")) {
		t.Errorf("CompleteSince = %v, want the oldest media of page 1", got.CompleteSince)
	}
}

func TestInstagramPaging(t *testing.T) {
	tests := []struct {
		name         string
		since        string
		maxPages     int
		wantPosts    int
		wantComplete string // "" for the zero time
		wantRequests int
	}{
		{"first page reaches since", "2026-09-01T00:00:00Z", 0, 25, "2026-08-30T16:40:00Z", 1},
		{"second page reaches since", "2026-08-15T00:00:00Z", 0, 50, "2026-07-30T10:40:00Z", 2},
		{"whole history: no after cursor", "2026-01-01T00:00:00Z", 0, 58, "", 3},
		{"page cap 2", "2026-01-01T00:00:00Z", 2, 50, "2026-07-30T10:40:00Z", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "instagram-pass")
			cfg := testConfig()
			cfg.MaxPages = tt.maxPages
			got, err := NewInstagram(f, cfg).Fetch(context.Background(), scanner.Account{URL: igPassURL}, day(tt.since))
			checkNoToken(t, f, got, err)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if len(got.Posts) != tt.wantPosts {
				t.Errorf("%d posts, want %d", len(got.Posts), tt.wantPosts)
			}
			seen := map[string]bool{}
			for i, p := range got.Posts {
				if !p.Own() || p.ID == "" || !strings.HasPrefix(p.URL, "https://www.instagram.com/p/") || p.Published.IsZero() {
					t.Errorf("post %d = %+v; want an own post with id, permalink and date", i, p)
				}
				if seen[p.ID] {
					t.Errorf("media %s twice", p.ID)
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
			for _, r := range reqs[1:] {
				if !strings.Contains(r.URL, "media.after(QVFI") {
					t.Errorf("later page %s does not ask for media after the cursor", r.URL)
				}
			}
		})
	}
}

func TestInstagramFailingAccount(t *testing.T) {
	f := serve(t, "instagram-fail")
	got, err := NewInstagram(f, testConfig()).Fetch(context.Background(),
		scanner.Account{URL: "https://instagram.com/Parkprojektet.Hammarby"}, day("2026-06-01T00:00:00Z"))
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := scanner.Fetched{
		// No name: the user name stands in as the display name.
		Profile: scanner.Profile{DisplayName: "parkprojektet.hammarby", Text: "parkprojektet.hammarby"},
		Posts: []scanner.Post{
			{ID: "17900000523645000", URL: "https://www.instagram.com/p/ZJFYMQ3ET4H/", Published: day("2026-04-02T09:05:00Z")},
			{ID: "17900000523540271", URL: "https://www.instagram.com/p/RJ4MEMDN7SU/", Published: day("2026-03-10T09:05:00Z")},
		},
		Sources: []string{
			"https://graph.facebook.com/v21.0/17841400000000001?fields=business_discovery.username(parkprojektet.hammarby)" +
				"%7Busername,name,biography,website,media_count,media.limit(100)%7Btimestamp,caption,permalink,media_type,comments_count%7D%7D",
			"https://www.instagram.com/parkprojektet.hammarby/",
		},
		Page: "https://www.instagram.com/parkprojektet.hammarby/",
		// No post has comments: none is asked for.
		Dialogue: &scanner.Dialogue{MaxThreads: scanner.DefaultMaxThreads},
	}
	if diff := cmp.Diff(want, got, ignorePostText); diff != "" {
		t.Errorf("Fetch mismatch (-want +got):\n%s", diff)
	}
	// media_count (2) is reached: the cursor Graph still sends is not followed.
	if n := len(f.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}
