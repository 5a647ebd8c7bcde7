package xapi

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// auditDay is the as-of date the paging fixtures are dated against.
var auditDay = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// judged fetches the account @name from tree as a scan does, with since
// the start of the default posting window, and judges it with the
// default rules.
func judged(t *testing.T, tree, name string) (scanner.Fetched, map[string]rules.Finding, int) {
	t.Helper()
	cfg := rules.DefaultConfig()
	since, _ := rules.Window(auditDay, cfg.Posting.For(scanner.X).WindowDays)
	acc := scanner.Account{Administration: "Kulturförvaltningen", Name: "Kultur på X", Platform: scanner.X, URL: "https://x.com/" + name}
	f := serve(t, tree)
	got, err := New(f, testConfig()).Fetch(context.Background(), acc, since)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	for _, r := range f.Requests() {
		if strings.Contains(r.URL, "exclude=replies") {
			t.Errorf("request %s excludes replies, and with them the account's own threads", r.URL)
		}
	}
	j := rules.Judge(rules.All(cfg), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, auditDay)
	byRule := map[string]rules.Finding{}
	for _, fd := range j.Findings {
		byRule[fd.Rule] = fd
	}
	return got, byRule, len(f.Requests())
}

// TestOwnThreadCounts is the acceptance test for X threads: in the window
// the account started 16 threads, continued its own threads 8 times,
// quoted 3 tweets and answered others 6 times. The 8 continuations bring
// it from 19 own posts (a fail) to 27, over the 26 that 2 a week for 13
// weeks ask for, so posting-frequency passes; the answers to others do
// not count.
func TestOwnThreadCounts(t *testing.T) {
	got, verdict, reqs := judged(t, "self-thread", "kultur_trad")
	own, replies, reposts := 0, 0, 0
	for _, p := range got.Posts {
		switch {
		case p.Own():
			own++
		case p.Reply:
			replies++
		case p.Repost:
			reposts++
		}
	}
	if own != 27 || replies != 6 || reposts != 0 || reqs != 2 {
		t.Errorf("own %d, replies %d, reposts %d in %d requests; want 27, 6, 0 in 2", own, replies, reposts, reqs)
	}
	if got.PostsCut != nil || !got.CompleteSince.IsZero() {
		t.Errorf("PostsCut %v, CompleteSince %v; want the whole history read", got.PostsCut, got.CompleteSince)
	}
	if fd := verdict["posting-frequency"]; fd.Status != rules.Pass || fd.Evidence[0].Value != "27" {
		t.Errorf("posting-frequency = %s with %q own posts (%s), want pass with 27", fd.Status, fd.Evidence[0].Value, fd.Message.EN)
	}
}

// TestPagingStopsAtARepeatedToken: a page whose next_token is the token
// it was fetched with must not be fetched again, so its tweets count
// once; the paging stops with what was read.
func TestPagingStopsAtARepeatedToken(t *testing.T) {
	got, verdict, reqs := judged(t, "token-loop", "kultur_slinga")
	seen := map[string]bool{}
	for _, p := range got.Posts {
		if seen[p.ID] {
			t.Errorf("tweet %s counted twice", p.ID)
		}
		seen[p.ID] = true
	}
	if len(got.Posts) != 18 || reqs != 3 {
		t.Errorf("%d tweets in %d requests, want 18 in 3", len(got.Posts), reqs)
	}
	if got.PostsCut == nil || !strings.Contains(got.PostsCut.Detail, "was used before") || !strings.Contains(got.PostsCut.URL, "pagination_token=") {
		t.Fatalf("PostsCut = %+v, want the repeated next_token on page 2", got.PostsCut)
	}
	if !got.CompleteSince.Equal(got.Posts[len(got.Posts)-1].Published) {
		t.Errorf("CompleteSince = %v, want the oldest tweet read", got.CompleteSince)
	}
	if s := verdict["posting-frequency"].Status; s != rules.Error {
		t.Errorf("posting-frequency = %s (%s), want error: 18 tweets back to %v settle nothing", s, verdict["posting-frequency"].Message.EN, got.CompleteSince)
	}
	if s := verdict["city-affiliation"].Status; s != rules.Pass {
		t.Errorf("city-affiliation = %s, want pass: the profile was read", s)
	}
}

// TestFailingLaterPageKeepsWhatWasRead: page 2 answers X's 503. The
// profile and page 1 are judged: posting-frequency passes when page 1
// proves the pace and is an error, never a fail, when it does not.
func TestFailingLaterPageKeepsWhatWasRead(t *testing.T) {
	for _, tt := range []struct {
		name, tree  string
		posts       int
		wantPosting rules.Status
	}{
		{"busy first page", "page2-fails-busy", 30, rules.Pass},
		{"slow first page", "page2-fails-slow", 8, rules.Error},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, _ := judged(t, tt.tree, "kultur_avbrott")
			if len(got.Posts) != tt.posts {
				t.Errorf("%d tweets, want %d", len(got.Posts), tt.posts)
			}
			cut := got.PostsCut
			if cut == nil || cut.Kind != scanner.ErrHTTPStatus || cut.StatusCode != 503 || !strings.Contains(cut.URL, "pagination_token=") {
				t.Fatalf("PostsCut = %+v, want HTTP 503 on the page 2 URL", cut)
			}
			if strings.Contains(cut.Error(), testToken) {
				t.Errorf("PostsCut carries the token: %v", cut)
			}
			if !got.CompleteSince.Equal(got.Posts[len(got.Posts)-1].Published) {
				t.Errorf("CompleteSince = %v, want the oldest tweet read", got.CompleteSince)
			}
			if fd := verdict["posting-frequency"]; fd.Status != tt.wantPosting {
				t.Errorf("posting-frequency = %s (%s), want %s", fd.Status, fd.Message.EN, tt.wantPosting)
			}
			for _, id := range []string{"city-affiliation", "content-description", "participation-terms", "website-link", "inactive-account"} {
				if s := verdict[id].Status; s != rules.Pass {
					t.Errorf("%s = %s (%s), want pass", id, s, verdict[id].Message.EN)
				}
			}
		})
	}
}

// TestCancelledScanFailsTheAccount: an interrupted scan is not a failed
// page; the account is not judged on what was read.
func TestCancelledScanFailsTheAccount(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := serve(t, "passing")
	a := New(cancelOnPage2{f, cancel}, testConfig())
	got, err := a.Fetch(ctx, scanner.Account{URL: "https://x.com/stockholmsstad"}, day("2026-01-01T00:00:00Z"))
	if fe := scanner.AsFetchError(err); fe == nil || fe.Kind != scanner.ErrCanceled {
		t.Fatalf("Fetch = %d posts, PostsCut %v, error %v; want the cancellation as the error", len(got.Posts), got.PostsCut, err)
	}
}

// cancelOnPage2 cancels the scan as the second page of tweets is asked
// for.
type cancelOnPage2 struct {
	f      scanner.Fetcher
	cancel context.CancelFunc
}

func (c cancelOnPage2) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	if strings.Contains(req.URL, "pagination_token=") {
		c.cancel()
	}
	return c.f.Fetch(ctx, req)
}
