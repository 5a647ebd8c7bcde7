package bluesky

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// judge fetches the city's account from tree as a scan does and judges it
// with the default rules on 2026-11-21.
func judge(t *testing.T, tree string) (scanner.Fetched, map[string]rules.Finding, int) {
	t.Helper()
	asOf := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	f := serve(t, tree)
	cfg := rules.DefaultConfig()
	since, _ := rules.Window(asOf, cfg.Posting.For(scanner.Bluesky).WindowDays)
	acc := scanner.Account{Administration: "Kulturförvaltningen", Name: "Kultur", Platform: scanner.Bluesky, URL: "https://bsky.app/profile/kultur.stockholm.se"}
	got, err := New(f, DefaultConfig()).Fetch(context.Background(), acc, since)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	j := rules.Judge(rules.All(cfg), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, asOf)
	byRule := map[string]rules.Finding{}
	for _, fd := range j.Findings {
		byRule[fd.Rule] = fd
	}
	return got, byRule, len(feedRequests(f.Requests()))
}

// TestPagingStopsAtARepeatedPage: an AppView that ignores the cursor, or
// hands out an earlier cursor again two pages later, must not make the
// same posts count twice. The paging stops with what was read.
func TestPagingStopsAtARepeatedPage(t *testing.T) {
	for _, tt := range []struct {
		name, tree, detail string
		posts, requests    int
	}{
		{"cursor ignored", "cursor-ignored", "repeats posts already read", 8, 3},
		{"earlier cursor handed out again", "cursor-cycle", "was used before", 24, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, reqs := judge(t, tt.tree)
			seen := map[string]bool{}
			for _, p := range got.Posts {
				if seen[p.ID] {
					t.Errorf("post %s counted twice", p.ID)
				}
				seen[p.ID] = true
			}
			if len(got.Posts) != tt.posts || reqs != tt.requests {
				t.Errorf("%d posts in %d requests, want %d in %d", len(got.Posts), reqs, tt.posts, tt.requests)
			}
			if got.PostsCut == nil || !strings.Contains(got.PostsCut.Detail, tt.detail) {
				t.Errorf("PostsCut = %v, want one saying %q", got.PostsCut, tt.detail)
			}
			if s := verdict["posting-frequency"].Status; s != rules.Error {
				t.Errorf("posting-frequency = %s (%s), want error", s, verdict["posting-frequency"].Message.EN)
			}
			if s := verdict["city-affiliation"].Status; s != rules.Pass {
				t.Errorf("city-affiliation = %s, want pass: the profile was read", s)
			}
		})
	}
}

// TestFailingLaterPageKeepsWhatWasRead: page 2 answers the AppView's 500.
// The profile and page 1 are judged: posting-frequency passes when page 1
// proves the pace, and is an error, never a fail, when it does not.
func TestFailingLaterPageKeepsWhatWasRead(t *testing.T) {
	for _, tt := range []struct {
		name, tree  string
		posts       int
		wantPosting rules.Status
	}{
		{"busy account", "page2-fails-busy", 100, rules.Pass},
		{"slow first page", "page2-fails-slow", 8, rules.Error},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, _ := judge(t, tt.tree)
			if len(got.Posts) != tt.posts {
				t.Errorf("%d posts, want %d", len(got.Posts), tt.posts)
			}
			cut := got.PostsCut
			if cut == nil || cut.Kind != scanner.ErrHTTPStatus || cut.StatusCode != 500 || !strings.Contains(cut.URL, "cursor=") {
				t.Fatalf("PostsCut = %+v, want HTTP 500 on the page 2 URL", cut)
			}
			if got.CompleteSince.IsZero() || !got.CompleteSince.Equal(got.Posts[len(got.Posts)-1].Published) {
				t.Errorf("CompleteSince = %v, want the oldest post read", got.CompleteSince)
			}
			if s := verdict["posting-frequency"].Status; s != tt.wantPosting {
				t.Errorf("posting-frequency = %s (%s), want %s", s, verdict["posting-frequency"].Message.EN, tt.wantPosting)
			}
			for _, id := range []string{"city-affiliation", "inactive-account"} {
				if s := verdict[id].Status; s != rules.Pass {
					t.Errorf("%s = %s (%s), want pass", id, s, verdict[id].Message.EN)
				}
			}
		})
	}
}
