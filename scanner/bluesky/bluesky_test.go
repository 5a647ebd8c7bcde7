package bluesky

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stockholm-stad/smaudit/scanner"
	"gopkg.in/yaml.v3"
)

const (
	cityDID    = "did:plc:zpf5esomzvcq7roylouv3cdi"
	archiveDID = "did:plc:bimfcgemmbunukq6uabix3jh"
	appView    = "https://public.api.bsky.app"
)

func TestFetchCityProfile(t *testing.T) {
	f := serve(t, "city")
	got, err := New(f, DefaultConfig()).Fetch(context.Background(), scanner.Account{URL: "https://bsky.app/profile/kultur.stockholm.se/"}, day("2026-11-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	desc := "Kulturförvaltningen i Stockholms stad 🎭 Vi berättar om konst, bibliotek och kulturskola.\n" +
		"Läs våra kommentarsregler (stockholm.se/kommentarsregler) innan du kommenterar. " +
		"Frågor? Mejla kultur@stockholm.se eller ring 08-508 290 00, t.ex. vardagar kl. 8–16.\n" +
		"Mer på stockholm.se/kultur och https://start.stockholm/kultur."
	wantProfile := scanner.Profile{
		DisplayName: "Kulturförvaltningen – Stockholms stad",
		Description: desc,
		Text:        "Kulturförvaltningen – Stockholms stad\n" + desc + "\nkultur.stockholm.se",
		Links: []scanner.Link{
			{URL: "https://stockholm.se/kommentarsregler", Text: "stockholm.se/kommentarsregler"},
			{URL: "https://stockholm.se/kultur", Text: "stockholm.se/kultur"},
			{URL: "https://start.stockholm/kultur", Text: "https://start.stockholm/kultur"},
		},
	}
	if diff := cmp.Diff(wantProfile, got.Profile); diff != "" {
		t.Errorf("Profile mismatch (-want +got):\n%s", diff)
	}
	wantSources := []string{
		appView + "/xrpc/app.bsky.actor.getProfile?actor=kultur.stockholm.se",
		appView + "/xrpc/app.bsky.feed.getAuthorFeed?actor=did%3Aplc%3Azpf5esomzvcq7roylouv3cdi&limit=100&filter=posts_and_author_threads",
	}
	if diff := cmp.Diff(wantSources, got.Sources); diff != "" {
		t.Errorf("Sources mismatch (-want +got):\n%s", diff)
	}
	wantProofs := []scanner.Proof{{Kind: scanner.ProofDomainHandle, From: "https://bsky.app/profile/kultur.stockholm.se", To: "https://kultur.stockholm.se"}}
	if diff := cmp.Diff(wantProofs, got.Proofs); diff != "" {
		t.Errorf("Proofs mismatch (-want +got):\n%s", diff)
	}
	own := "https://bsky.app/profile/kultur.stockholm.se/post/"
	wantFirst := []scanner.Post{
		{ID: "at://" + cityDID + "/app.bsky.feed.post/3n2qaqvc5c2ke", URL: own + "3n2qaqvc5c2ke", Published: day("2026-11-20T09:15:00Z")},
		// createdAt with microseconds and a +01:00 offset
		{ID: "at://" + cityDID + "/app.bsky.feed.post/3n2p2ta4ohz5x", URL: own + "3n2p2ta4ohz5x", Published: day("2026-11-19T21:56:16.274879Z")},
		// a reply to the account's own post continues its thread: own
		{ID: "at://" + cityDID + "/app.bsky.feed.post/3n2nvqcuswbio", URL: own + "3n2nvqcuswbio", Published: day("2026-11-19T10:52:30.052Z")},
		{ID: "at://" + cityDID + "/app.bsky.feed.post/3n2movbvsi7nv", URL: own + "3n2movbvsi7nv", Published: day("2026-11-18T23:17:20.876Z")},
		// a repost is dated when it was reposted and links to the original
		{ID: "at://" + cityDID + "/app.bsky.feed.repost/3n2lha7dlu7ps", URL: "https://bsky.app/profile/stockholmsstad.bsky.social/post/3n2l56dnqu7ja",
			Published: day("2026-11-18T11:27:37.609Z"), Repost: true},
	}
	if len(got.Posts) < len(wantFirst) {
		t.Fatalf("%d posts, want at least %d", len(got.Posts), len(wantFirst))
	}
	if diff := cmp.Diff(wantFirst, got.Posts[:len(wantFirst)], ignorePostText); diff != "" {
		t.Errorf("newest posts mismatch (-want +got):\n%s", diff)
	}
	if want := "Nu öppnar höstens utställning på Liljevalchs! 🎨 Läs mer: stockholm.se/kultur"; got.Posts[0].Text != want {
		t.Errorf("newest post's text = %q, want the record's text %q", got.Posts[0].Text, want)
	}
	if p := got.Posts[6]; !p.Reply || p.Repost {
		t.Errorf("post 6 = %+v, want a reply to someone else", p)
	}
	for _, r := range f.Requests() {
		if r.Accept != "application/json" || r.Page || len(r.Header) != 0 {
			t.Errorf("request %s: Accept %q, Page %v, Header %v; want application/json, false, none", r.URL, r.Accept, r.Page, r.Header)
		}
	}
}

func TestFetchPaging(t *testing.T) {
	tests := []struct {
		name         string
		tree, url    string
		since        string
		maxPages     int
		wantPosts    int
		wantOwn      int
		wantReplies  int
		wantReposts  int
		wantComplete string // "" for the zero time
		wantRequests int    // getProfile included
	}{
		{name: "first page reaches since", tree: "city", url: "@kultur.stockholm.se", since: "2026-11-01T00:00:00Z",
			wantPosts: 100, wantOwn: 68, wantReplies: 12, wantReposts: 20, wantComplete: "2026-10-04T08:02:04.249Z", wantRequests: 2},
		{name: "cursor to the end of the feed", tree: "city", url: "@kultur.stockholm.se", since: "2026-10-01T00:00:00Z",
			wantPosts: 140, wantOwn: 96, wantReplies: 16, wantReposts: 28, wantRequests: 3},
		{name: "page cap", tree: "city", url: "@kultur.stockholm.se", since: "2026-01-01T00:00:00Z", maxPages: 1,
			wantPosts: 100, wantOwn: 68, wantReplies: 12, wantReposts: 20, wantComplete: "2026-10-04T08:02:04.249Z", wantRequests: 2},
		{name: "answers and reposts only on page 1", tree: "thin", url: "https://bsky.app/profile/sthlm-fritid.bsky.social", since: "2026-08-01T00:00:00Z",
			wantPosts: 9, wantOwn: 3, wantReplies: 4, wantReposts: 2, wantRequests: 3},
		{name: "pinned post skipped", tree: "did", url: "https://bsky.app/profile/" + archiveDID, since: "2026-01-01T00:00:00Z",
			wantPosts: 2, wantOwn: 2, wantRequests: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, tt.tree)
			cfg := DefaultConfig()
			if tt.maxPages != 0 {
				cfg.MaxPages = tt.maxPages
			}
			got, err := New(f, cfg).Fetch(context.Background(), scanner.Account{URL: tt.url}, day(tt.since))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			own, replies, reposts := 0, 0, 0
			for i, p := range got.Posts {
				if p.Own() {
					own++
				}
				if p.Reply {
					replies++
				}
				if p.Repost {
					reposts++
				}
				if i > 0 && p.Published.After(got.Posts[i-1].Published) {
					t.Errorf("post %d (%s) is newer than post %d", i, p.ID, i-1)
				}
				if p.ID == "" || p.Published.IsZero() || !strings.HasPrefix(p.URL, "https://bsky.app/profile/") {
					t.Errorf("post %d lacks an ID, date or URL: %+v", i, p)
				}
			}
			if len(got.Posts) != tt.wantPosts || own != tt.wantOwn || replies != tt.wantReplies || reposts != tt.wantReposts {
				t.Errorf("posts %d (own %d, replies %d, reposts %d), want %d (own %d, replies %d, reposts %d)",
					len(got.Posts), own, replies, reposts, tt.wantPosts, tt.wantOwn, tt.wantReplies, tt.wantReposts)
			}
			var wantComplete time.Time
			if tt.wantComplete != "" {
				wantComplete = day(tt.wantComplete)
			}
			if !got.CompleteSince.Equal(wantComplete) {
				t.Errorf("CompleteSince = %v, want %v", got.CompleteSince, wantComplete)
			}
			reqs := feedRequests(f.Requests())
			if len(reqs) != tt.wantRequests {
				t.Errorf("%d requests, want %d: %v", len(reqs), tt.wantRequests, reqs)
			}
			for i, r := range reqs[min(2, len(reqs)):] {
				if !strings.Contains(r.URL, "&cursor=") || r.URL == reqs[i+1].URL {
					t.Errorf("later page %s does not follow the cursor", r.URL)
				}
			}
		})
	}
}

func TestFetchThinProfile(t *testing.T) {
	f := serve(t, "thin")
	got, err := New(f, Config{}).Fetch(context.Background(), scanner.Account{URL: "@sthlm-fritid.bsky.social"}, day("2026-08-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := scanner.Profile{Text: "sthlm-fritid.bsky.social"}
	if diff := cmp.Diff(want, got.Profile); diff != "" {
		t.Errorf("Profile mismatch (-want +got):\n%s", diff)
	}
	if len(got.Proofs) != 0 {
		t.Errorf("Proofs = %v; a bsky.social handle proves nothing", got.Proofs)
	}
	var newestOwn scanner.Post
	for _, p := range got.Posts {
		if p.Own() {
			newestOwn = p
			break
		}
	}
	if !newestOwn.Published.Equal(day("2025-09-03T07:00:00Z")) {
		t.Errorf("newest own post = %+v, want one of 2025-09-03T07:00:00Z", newestOwn)
	}
}

func TestFetchUnverifiedHandle(t *testing.T) {
	f := serve(t, "did")
	got, err := New(f, DefaultConfig()).Fetch(context.Background(), scanner.Account{URL: "https://bsky.app/profile/" + archiveDID + "/"}, day("2026-01-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := scanner.Fetched{
		Profile: scanner.Profile{
			DisplayName: "Stadsarkivet",
			Description: "Stockholms stadsarkiv. www.stadsarkivet.stockholm",
			Text:        "Stadsarkivet\nStockholms stadsarkiv. www.stadsarkivet.stockholm",
			Links:       []scanner.Link{{URL: "https://www.stadsarkivet.stockholm", Text: "www.stadsarkivet.stockholm"}},
		},
		Posts: []scanner.Post{
			{ID: "at://" + archiveDID + "/app.bsky.feed.post/3mzd2urw422lz", URL: "https://bsky.app/profile/" + archiveDID + "/post/3mzd2urw422lz", Published: day("2026-11-02T10:00:00Z")},
			{ID: "at://" + archiveDID + "/app.bsky.feed.post/3mxvsi7mm224o", URL: "https://bsky.app/profile/" + archiveDID + "/post/3mxvsi7mm224o", Published: day("2026-10-15T10:00:00Z")},
		},
		Sources: []string{
			appView + "/xrpc/app.bsky.actor.getProfile?actor=did%3Aplc%3Abimfcgemmbunukq6uabix3jh",
			appView + "/xrpc/app.bsky.feed.getAuthorFeed?actor=did%3Aplc%3Abimfcgemmbunukq6uabix3jh&limit=100&filter=posts_and_author_threads",
		},
		Page: "https://bsky.app/profile/did:plc:bimfcgemmbunukq6uabix3jh",
	}
	// The replies have their own tests (dialogue_test.go).
	if diff := cmp.Diff(want, got, ignorePostText, cmpopts.IgnoreFields(scanner.Fetched{}, "Dialogue")); diff != "" {
		t.Errorf("Fetch mismatch (-want +got):\n%s", diff)
	}
}

func TestFetchAfterRateLimit(t *testing.T) {
	f := serve(t, "rate-limited")
	got, err := New(f, DefaultConfig()).Fetch(context.Background(), scanner.Account{URL: "https://bsky.app/profile/biblioteket.stockholm.se"}, day("2026-11-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch after 429: %v", err)
	}
	if got.Profile.DisplayName != "Stockholms stadsbibliotek" || len(got.Posts) != 1 || !got.Posts[0].Own() {
		t.Errorf("Fetch = %+v, want the library's profile and its one post", got)
	}
	if n := len(feedRequests(f.Requests())); n != 2 {
		t.Errorf("%d adapter requests for the profile and posts, want 2 (retries belong to the crawl layer)", n)
	}
}

func TestConfig(t *testing.T) {
	var cfg Config
	if err := yaml.Unmarshal([]byte("appview: https://appview.example/\nmax-pages: 3\n"), &cfg); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		cfg            Config
		wantAppView    string
		wantMaxPages   int
		wantMaxThreads int
	}{
		{"default", DefaultConfig(), "https://public.api.bsky.app", 10, scanner.DefaultMaxThreads},
		{"zero value", Config{}, "https://public.api.bsky.app", 10, scanner.DefaultMaxThreads},
		{"from YAML", cfg, "https://appview.example", 3, scanner.DefaultMaxThreads},
		{"threads set by audit", Config{MaxThreads: 4}, "https://public.api.bsky.app", 10, 4},
		{"negative pages and threads", Config{AppView: " https://appview.example ", MaxPages: -1, MaxThreads: -1}, "https://appview.example", 10, scanner.DefaultMaxThreads},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := New(nil, tt.cfg)
			if a.appView != tt.wantAppView || a.maxPages != tt.wantMaxPages || a.maxThreads != tt.wantMaxThreads {
				t.Errorf("New(%+v): appview %q, max pages %d, max threads %d; want %q, %d, %d",
					tt.cfg, a.appView, a.maxPages, a.maxThreads, tt.wantAppView, tt.wantMaxPages, tt.wantMaxThreads)
			}
		})
	}
}
