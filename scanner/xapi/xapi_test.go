package xapi

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

const (
	passingUser   = "https://api.x.com/2/users/by/username/stockholmsstad?user.fields=created_at,description,entities,location,name,protected,public_metrics,url,verified"
	passingTweets = "https://api.x.com/2/users/236580104/tweets?max_results=100&exclude=retweets&tweet.fields=created_at,referenced_tweets,in_reply_to_user_id,conversation_id"
)

func TestFetchPassingProfile(t *testing.T) {
	f := serve(t, "passing")
	got, err := New(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: "https://twitter.com/stockholmsstad"}, day("2026-11-10T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	desc := "Officiellt konto för Stockholms stad 🏙️ Vi svarar på frågor vardagar 8–17.\n" +
		"Kommentarsregler: start.stockholm/om-webbplats…\n" +
		"Kultur: stockholm.se/kultur #Stockholm @Kulturstockholm"
	want := scanner.Profile{
		DisplayName: "Stockholms stad",
		Description: desc,
		Text:        "Stockholms stad\n" + desc + "\nStockholm, Sverige\nstart.stockholm",
		Links: []scanner.Link{
			{URL: "https://start.stockholm/", Text: "start.stockholm"},
			{URL: "https://start.stockholm/om-webbplatsen/sociala-medier/kommentarsregler/", Text: "start.stockholm/om-webbplats…"},
			{URL: "https://stockholm.se/kultur", Text: "stockholm.se/kultur"},
		},
	}
	if diff := cmp.Diff(want, got.Profile); diff != "" {
		t.Errorf("Profile mismatch (-want +got):\n%s", diff)
	}
	wantSources := []string{passingUser, "https://x.com/stockholmsstad", passingTweets}
	if diff := cmp.Diff(wantSources, got.Sources); diff != "" {
		t.Errorf("Sources mismatch (-want +got):\n%s", diff)
	}
	if len(got.Proofs) != 0 {
		t.Errorf("Proofs = %v, want none: X offers no machine-checkable proof", got.Proofs)
	}
	wantFirst := []scanner.Post{
		{ID: "2123702890053906432", URL: "https://x.com/stockholmsstad/status/2123702890053906432", Published: day("2026-11-20T09:00:00.137Z")},
		{ID: "2123640730468626433", URL: "https://x.com/stockholmsstad/status/2123640730468626433", Published: day("2026-11-20T04:53:00.137Z"), Repost: true},
		{ID: "2123578570883346434", URL: "https://x.com/stockholmsstad/status/2123578570883346434", Published: day("2026-11-20T00:46:00.137Z")},
		{ID: "2123516411298066435", URL: "https://x.com/stockholmsstad/status/2123516411298066435", Published: day("2026-11-19T20:39:00.137Z"), Reply: true},
	}
	if len(got.Posts) < len(wantFirst) {
		t.Fatalf("%d posts, want at least %d", len(got.Posts), len(wantFirst))
	}
	if diff := cmp.Diff(wantFirst, got.Posts[:len(wantFirst)], ignorePostText); diff != "" {
		t.Errorf("newest posts mismatch (-want +got):\n%s", diff)
	}
	if want := "Nu öppnar vi anmälan till sommarens feriejobb för dig mellan 16 och 18 år. Sök senast 15 mars: https://t.co/Fj3kLq9VxA"; got.Posts[0].Text != want {
		t.Errorf("newest tweet's text = %q, want %q", got.Posts[0].Text, want)
	}
	for _, r := range f.Requests() {
		if r.Accept != "application/json" || r.Page {
			t.Errorf("request %s: Accept %q, Page %v; want application/json, false", r.URL, r.Accept, r.Page)
		}
	}
}

func TestFetchPaging(t *testing.T) {
	tests := []struct {
		name         string
		since        string
		maxPages     int
		wantPosts    int
		wantOwn      int
		wantReplies  int
		wantReposts  int
		wantComplete string // "" for the zero time
		wantRequests int    // user lookup included
	}{
		{name: "first page reaches since", since: "2026-11-10T00:00:00Z", maxPages: 5,
			wantPosts: 100, wantOwn: 68, wantReplies: 12, wantReposts: 20, wantComplete: "2026-11-03T09:27:00.137Z", wantRequests: 2},
		{name: "second page reaches since", since: "2026-10-25T00:00:00Z", maxPages: 5,
			wantPosts: 200, wantOwn: 136, wantReplies: 24, wantReposts: 40, wantComplete: "2026-10-17T05:47:00.137Z", wantRequests: 3},
		{name: "whole history", since: "2026-01-01T00:00:00Z", maxPages: 5,
			wantPosts: 237, wantOwn: 161, wantReplies: 28, wantReposts: 48, wantRequests: 4},
		{name: "page cap 2", since: "2026-01-01T00:00:00Z", maxPages: 2,
			wantPosts: 200, wantOwn: 136, wantReplies: 24, wantReposts: 40, wantComplete: "2026-10-17T05:47:00.137Z", wantRequests: 3},
		{name: "page cap 1", since: "2026-01-01T00:00:00Z", maxPages: 1,
			wantPosts: 100, wantOwn: 68, wantReplies: 12, wantReposts: 20, wantComplete: "2026-11-03T09:27:00.137Z", wantRequests: 2},
		{name: "no cap set takes the default", since: "2026-01-01T00:00:00Z", maxPages: 0,
			wantPosts: 237, wantOwn: 161, wantReplies: 28, wantReposts: 48, wantRequests: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "passing")
			cfg := testConfig()
			cfg.MaxPages = tt.maxPages
			got, err := New(f, cfg).Fetch(context.Background(), scanner.Account{URL: "https://x.com/stockholmsstad"}, day(tt.since))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			own, replies, reposts := 0, 0, 0
			seen := map[string]bool{}
			for i, p := range got.Posts {
				switch {
				case p.Own():
					own++
				case p.Reply && p.Repost:
					t.Errorf("post %s is both a reply and a repost", p.ID)
				case p.Reply:
					replies++
				case p.Repost:
					reposts++
				}
				if i > 0 && p.Published.After(got.Posts[i-1].Published) {
					t.Errorf("post %d (%s) is newer than post %d", i, p.ID, i-1)
				}
				if seen[p.ID] || p.Published.IsZero() || p.URL != "https://x.com/stockholmsstad/status/"+p.ID {
					t.Errorf("post %d: duplicate, undated or wrong URL: %+v", i, p)
				}
				seen[p.ID] = true
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
			reqs := f.Requests()
			if len(reqs) != tt.wantRequests {
				t.Fatalf("%d requests, want %d: %v", len(reqs), tt.wantRequests, reqs)
			}
			if len(reqs) > 1 && reqs[1].URL != passingTweets {
				t.Errorf("first tweets page = %s, want %s", reqs[1].URL, passingTweets)
			}
			for _, r := range reqs[min(2, len(reqs)):] {
				if !strings.HasPrefix(r.URL, passingTweets+"&pagination_token=7140dibdnow9c7btw4") {
					t.Errorf("later page %s does not follow meta.next_token", r.URL)
				}
			}
		})
	}
}

func TestFetchFailingAccount(t *testing.T) {
	f := serve(t, "failing")
	got, err := New(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: "@sthlm_evenemang"}, day("2026-06-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := scanner.Fetched{
		Profile: scanner.Profile{DisplayName: "Evenemang", Text: "Evenemang"},
		Posts: []scanner.Post{
			{ID: "1907425281440886784", URL: "https://x.com/sthlm_evenemang/status/1907425281440886784", Published: day("2025-04-02T13:30:00Z")},
			{ID: "1892567378951286785", URL: "https://x.com/sthlm_evenemang/status/1892567378951286785", Published: day("2025-02-20T13:30:00Z")},
			{ID: "1877709476461686786", URL: "https://x.com/sthlm_evenemang/status/1877709476461686786", Published: day("2025-01-10T13:30:00Z")},
		},
		Sources: []string{
			"https://api.x.com/2/users/by/username/sthlm_evenemang?user.fields=created_at,description,entities,location,name,protected,public_metrics,url,verified",
			"https://x.com/sthlm_evenemang",
			"https://api.x.com/2/users/1502938475610284033/tweets?max_results=100&exclude=retweets&tweet.fields=created_at,referenced_tweets,in_reply_to_user_id,conversation_id",
		},
		Page: "https://x.com/sthlm_evenemang",
	}
	if diff := cmp.Diff(want, got, ignorePostText); diff != "" {
		t.Errorf("Fetch mismatch (-want +got):\n%s", diff)
	}
}

func TestFetchWithoutPosts(t *testing.T) {
	tests := []struct {
		name         string
		url          string
		wantName     string
		wantUndated  bool // the tweets could not be read: no period is known
		wantRequests int
	}{
		{"protected: tweets not asked for", "https://x.com/ungdomsradet", "Ungdomsrådet Stockholm", true, 1},
		{"protected after the profile was read", "https://x.com/laste_nyss", "Låst nyss", true, 2},
		{"nothing published yet", "https://x.com/tyst_konto", "Tyst konto", false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "errors")
			got, err := New(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-06-01T00:00:00Z"))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if got.Profile.DisplayName != tt.wantName || got.Profile.Description == "" {
				t.Errorf("Profile = %+v, want %q with its description", got.Profile, tt.wantName)
			}
			if len(got.Posts) != 0 || !got.CompleteSince.IsZero() || got.NoDatedPosts != tt.wantUndated {
				t.Errorf("Posts %v, CompleteSince %v, NoDatedPosts %v; want none, zero and %v", got.Posts, got.CompleteSince, got.NoDatedPosts, tt.wantUndated)
			}
			if n := len(f.Requests()); n != tt.wantRequests {
				t.Errorf("%d requests, want %d", n, tt.wantRequests)
			}
		})
	}
}

func TestNewDefaults(t *testing.T) {
	a := New(nil, Config{BearerToken: " " + testToken + "\n", APIBase: "https://fixture.example/2/"})
	if a.base != "https://fixture.example/2" || a.maxPages != DefaultMaxPages || a.token != testToken {
		t.Errorf("New = base %q, maxPages %d, token trimmed %v", a.base, a.maxPages, a.token == testToken)
	}
	if got := New(nil, Config{}).userURL("x"); !strings.HasPrefix(got, DefaultAPIBase+"/users/by/username/x?") {
		t.Errorf("userURL with an empty APIBase = %s, want the default base", got)
	}
}
