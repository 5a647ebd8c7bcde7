package mastodon

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stockholm-stad/smaudit/scanner"
)

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFetchProfile(t *testing.T) {
	f := serve(t, "profile")
	got, err := New(f).Fetch(context.Background(), scanner.Account{URL: "https://mastodon.example/@kulturforvaltningen/"}, day("2026-09-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	note := "Här berättar Kulturförvaltningen i Stockholms stad om konst, bibliotek & kulturskola 🎨📚\n\n" +
		"Vi svarar på frågor vardagar 8–16.\n" +
		"Läs våra https://start.stockholm/om-webbplatsen/sociala-medier/ och följ #KulturiStockholm"
	post := func(id, created string, reply bool) scanner.Post {
		return scanner.Post{ID: id, URL: "https://mastodon.example/@kulturforvaltningen/" + id, Published: day(created), Reply: reply}
	}
	want := scanner.Fetched{
		Profile: scanner.Profile{
			DisplayName: "Kulturförvaltningen 🎭 Stockholms stad",
			Description: note,
			Text: "Kulturförvaltningen 🎭 Stockholms stad\n" + note + "\n" +
				"Webbplats: https://start.stockholm/kultur\n" +
				"Telefon: 08-508 290 00\n" +
				"Kommentarsregler: stockholm.se/kommentarsregler\n" +
				"E-post: kultur@stockholm.se",
			Links: []scanner.Link{
				{URL: "https://start.stockholm/om-webbplatsen/sociala-medier/", Text: "https://start.stockholm/om-webbplatsen/sociala-medier/"},
				{URL: "https://mastodon.example/tags/kulturistockholm", Text: "#KulturiStockholm"},
				{URL: "https://start.stockholm/kultur", Text: "Webbplats"},
				{URL: "https://stockholm.se/kommentarsregler", Text: "Kommentarsregler"},
				{URL: "mailto:kultur@stockholm.se", Text: "E-post"},
			},
			Fields: []scanner.Field{
				{Name: "Webbplats", Value: "https://start.stockholm/kultur", VerifiedAt: day("2026-03-14T09:21:47.113Z")},
				{Name: "Telefon", Value: "08-508 290 00"},
				{Name: "Kommentarsregler", Value: "stockholm.se/kommentarsregler"},
				{Name: "E-post", Value: "kultur@stockholm.se"},
			},
		},
		Posts: []scanner.Post{
			post("117348139008004242", "2026-09-28T10:15:00Z", false),
			post("117336578457605239", "2026-09-26T09:15:00Z", true),
			post("117325017907206236", "2026-09-24T08:15:00Z", false),
			post("117313457356807233", "2026-09-22T07:15:00Z", false),
			post("117301896806408230", "2026-09-20T06:15:00Z", false),
		},
		Sources: []string{
			"https://mastodon.example/api/v1/accounts/lookup?acct=kulturforvaltningen",
			"https://mastodon.example/@kulturforvaltningen",
			"https://mastodon.example/api/v1/accounts/109348231823412345/statuses?limit=40&exclude_replies=true&exclude_reblogs=true",
		},
		Page: "https://mastodon.example/@kulturforvaltningen",
		// Only the field the server verified is a proof.
		Proofs: []scanner.Proof{{Kind: scanner.ProofVerifiedField, From: "https://mastodon.example/@kulturforvaltningen", To: "https://start.stockholm/kultur"}},
	}
	// The replies have their own tests (dialogue_test.go).
	if diff := cmp.Diff(want, got, ignorePostText, cmpopts.IgnoreFields(scanner.Fetched{}, "Dialogue")); diff != "" {
		t.Errorf("Fetch mismatch (-want +got):\n%s", diff)
	}
	// A status's content is HTML; the post carries its plain text.
	if want := "Höstlovet på biblioteken: pyssel, film och sagostunder för hela familjen."; len(got.Posts) == 0 || got.Posts[0].Text != want {
		t.Errorf("newest post's text is not %q: %+v", want, got.Posts[:min(1, len(got.Posts))])
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
		tree, acct   string
		since        string
		opts         []Option
		wantPosts    int
		wantOwn      int
		wantReplies  int
		wantReposts  int
		wantComplete string // "" for the zero time
		wantRequests int    // lookup included, threads' replies not
	}{
		{name: "own posts only on page 2", tree: "replies-first", acct: "stadsbiblioteket", since: "2026-09-15T00:00:00Z",
			wantPosts: 50, wantOwn: 7, wantReplies: 28, wantReposts: 15, wantComplete: "2026-08-23T05:27:00Z", wantRequests: 3},
		{name: "stops on the page that reaches since", tree: "paging", acct: "stockholmsstad", since: "2026-09-20T00:00:00Z",
			wantPosts: 40, wantOwn: 40, wantComplete: "2026-09-11T02:03:00Z", wantRequests: 2},
		{name: "second page reaches since", tree: "paging", acct: "stockholmsstad", since: "2026-09-01T00:00:00Z",
			wantPosts: 80, wantOwn: 80, wantComplete: "2026-08-23T09:23:00Z", wantRequests: 3},
		{name: "whole history", tree: "paging", acct: "stockholmsstad", since: "2026-01-01T00:00:00Z",
			wantPosts: 95, wantOwn: 95, wantRequests: 4},
		{name: "page cap 2", tree: "paging", acct: "stockholmsstad", since: "2026-01-01T00:00:00Z", opts: []Option{WithMaxPages(2)},
			wantPosts: 80, wantOwn: 80, wantComplete: "2026-08-23T09:23:00Z", wantRequests: 3},
		{name: "page cap 1", tree: "paging", acct: "stockholmsstad", since: "2026-01-01T00:00:00Z", opts: []Option{WithMaxPages(1)},
			wantPosts: 40, wantOwn: 40, wantComplete: "2026-09-11T02:03:00Z", wantRequests: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, tt.tree)
			got, err := New(f, tt.opts...).Fetch(context.Background(), scanner.Account{URL: "https://mastodon.example/@" + tt.acct}, day(tt.since))
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
				if p.ID == "" || p.Published.IsZero() {
					t.Errorf("post %d has no ID or date: %+v", i, p)
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
			reqs := timelineRequests(f.Requests())
			if len(reqs) != tt.wantRequests {
				t.Errorf("%d requests, want %d: %v", len(reqs), tt.wantRequests, reqs)
			}
			for _, r := range reqs[min(2, len(reqs)):] {
				if !strings.Contains(r.URL, "max_id=") {
					t.Errorf("later page %s does not follow the Link header's max_id", r.URL)
				}
			}
		})
	}
}

func TestFetchFirstOwnPostAfterRepliesAndBoosts(t *testing.T) {
	f := serve(t, "replies-first")
	got, err := New(f).Fetch(context.Background(), scanner.Account{URL: "https://mastodon.example/users/stadsbiblioteket"}, day("2026-09-15T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	for _, p := range got.Posts {
		if p.Own() {
			if p.ID != "117200494264364122" || !p.Published.Equal(day("2026-09-02T08:27:00Z")) {
				t.Errorf("newest own post = %s at %v, want 117200494264364122 at 2026-09-02T08:27:00Z", p.ID, p.Published)
			}
			return
		}
	}
	t.Error("no own post returned")
}

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name       string
		tree, url  string
		wantKind   scanner.ErrorKind
		wantStatus int
		wantDetail string
		wantReqs   int
	}{
		{"unknown account", "not-found", "https://mastodon.example/@finnsinte", scanner.ErrNotFound, 404, "Record not found", 1},
		{"API needs login", "unauthorized", "@kultur@private.example", scanner.ErrHTTPStatus, 401, "This API requires an authenticated user", 1},
		{"broken JSON", "bad-json", "https://mastodon.example/@trasig", scanner.ErrUnparseable, 0, "not Mastodon API JSON", 1},
		{"not a profile link", "not-found", "https://mastodon.example/about", scanner.ErrInvalidInput, 0, "/@name", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, tt.tree)
			_, err := New(f).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("Fetch error = %v, want a *scanner.FetchError", err)
			}
			if fe.Kind != tt.wantKind || fe.StatusCode != tt.wantStatus || !strings.Contains(fe.Detail, tt.wantDetail) {
				t.Errorf("error = %+v, want kind %s, status %d, detail containing %q", fe, tt.wantKind, tt.wantStatus, tt.wantDetail)
			}
			if tt.wantKind != scanner.ErrInvalidInput && !strings.Contains(fe.URL, "/api/v1/accounts/lookup") {
				t.Errorf("error URL = %q, want the lookup URL", fe.URL)
			}
			if n := len(f.Requests()); n != tt.wantReqs {
				t.Errorf("%d requests, want %d", n, tt.wantReqs)
			}
		})
	}
}
