package mastodon

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// asOf is the audit date of the paging tests; the fixtures' newest posts
// are a few days before it.
var asOf = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// judge fetches the account as a scan does and judges it with the default
// rules, returning what was fetched and each rule's verdict.
func judge(t *testing.T, tree, link string) (scanner.Fetched, map[string]rules.Finding, []scanner.Request) {
	t.Helper()
	f := serve(t, tree)
	cfg := rules.DefaultConfig()
	since, _ := rules.Window(asOf, cfg.Posting.For(scanner.Mastodon).WindowDays)
	acc := scanner.Account{Administration: "Kulturförvaltningen", Name: "konto", Platform: scanner.Mastodon, URL: link}
	got, err := New(f).Fetch(context.Background(), acc, since)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	j := rules.Judge(rules.All(cfg), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, asOf)
	byRule := map[string]rules.Finding{}
	for _, fd := range j.Findings {
		byRule[fd.Rule] = fd
	}
	return got, byRule, f.Requests()
}

// checkPosts fails unless posts holds want posts, each id once.
func checkPosts(t *testing.T, posts []scanner.Post, want int) {
	t.Helper()
	seen := map[string]bool{}
	for _, p := range posts {
		if seen[p.ID] {
			t.Errorf("post %s counted twice", p.ID)
		}
		seen[p.ID] = true
	}
	if len(posts) != want {
		t.Errorf("%d posts, want %d", len(posts), want)
	}
}

// TestRepeatedPageIsReadOnce: a next link back to the page just read, or a
// server that ignores max_id and sends the same page again, must not
// multiply the posts. Ten posts in twelve weeks (0.8 a week) once counted
// as a hundred and passed posting-frequency.
func TestRepeatedPageIsReadOnce(t *testing.T) {
	for _, tt := range []struct{ name, acct, detail string }{
		{"next link to the same address", "parkleken", "points back at a page already read"},
		{"server ignores max_id", "fritidsgarden", "repeats statuses already read"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, reqs := judge(t, "repeated-page", "https://mastodon.example/@"+tt.acct)
			checkPosts(t, got.Posts, 10)
			if got.PostsCut == nil || !strings.Contains(got.PostsCut.Detail, tt.detail) {
				t.Errorf("PostsCut = %v, want one saying %q", got.PostsCut, tt.detail)
			}
			if want := time.Date(2026, 8, 28, 9, 30, 0, 0, time.UTC); !got.CompleteSince.Equal(want) {
				t.Errorf("CompleteSince = %v, want the oldest post read, %v", got.CompleteSince, want)
			}
			if len(reqs) > 3 {
				t.Errorf("%d requests; the repeated page must stop the paging", len(reqs))
			}
			if s := verdict["posting-frequency"].Status; s != rules.Error {
				t.Errorf("posting-frequency = %s (%s), want error: the posts before the cut are unknown", s, verdict["posting-frequency"].Message.EN)
			}
			if s := verdict["inactive-account"].Status; s != rules.Pass {
				t.Errorf("inactive-account = %s, want pass: the newest post is three days old", s)
			}
			if s := verdict["city-affiliation"].Status; s != rules.Pass {
				t.Errorf("city-affiliation = %s, want pass: the profile was read", s)
			}
		})
	}
}

// TestFailingLaterPageKeepsWhatWasRead: page 2 answers 503 (after the
// crawl layer's retries) or an HTML maintenance page. The profile and page
// 1 are judged; posting-frequency passes when page 1 alone proves the
// pace, and is an error, never a fail, when it does not.
func TestFailingLaterPageKeepsWhatWasRead(t *testing.T) {
	for _, tt := range []struct {
		name, acct  string
		posts       int
		kind        scanner.ErrorKind
		status      int
		wantPosting rules.Status
	}{
		{"busy account, page 2 answers 503", "kulturnatten", 40, scanner.ErrHTTPStatus, 503, rules.Pass},
		{"slow account, page 2 is an HTML page", "stadsarkivet", 12, scanner.ErrUnparseable, 0, rules.Error},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, _ := judge(t, "page2-fails", "https://mastodon.example/@"+tt.acct)
			checkPosts(t, got.Posts, tt.posts)
			cut := got.PostsCut
			if cut == nil || cut.Kind != tt.kind || cut.StatusCode != tt.status || !strings.Contains(cut.URL, "max_id=") {
				t.Fatalf("PostsCut = %+v, want kind %s, status %d, the page 2 URL", cut, tt.kind, tt.status)
			}
			if got.CompleteSince.IsZero() || !got.CompleteSince.Equal(got.Posts[len(got.Posts)-1].Published) {
				t.Errorf("CompleteSince = %v, want the oldest post read", got.CompleteSince)
			}
			if got.Profile.DisplayName == "" {
				t.Error("the profile was dropped")
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

// TestNextLinkThatMustNotBeFollowed: a next link down to plain HTTP or to
// another server ends the paging with what was read, without a request.
func TestNextLinkThatMustNotBeFollowed(t *testing.T) {
	for _, tt := range []struct{ name, acct, detail string }{
		{"https to http", "badhusen", "downgrades https to http"},
		{"another server", "idrottsplatser", "leaves the server"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, reqs := judge(t, "bad-next", "https://mastodon.example/@"+tt.acct)
			checkPosts(t, got.Posts, 12)
			if got.PostsCut == nil || !strings.Contains(got.PostsCut.Detail, tt.detail) {
				t.Errorf("PostsCut = %v, want one saying %q", got.PostsCut, tt.detail)
			}
			if len(reqs) != 2 {
				t.Errorf("%d requests, want the lookup and page 1 only: %v", len(reqs), reqs)
			}
			if s := verdict["posting-frequency"].Status; s != rules.Error {
				t.Errorf("posting-frequency = %s, want error", s)
			}
		})
	}
}

// TestPlainHTTPInstanceKeepsItsScheme: a registry link written http://
// is fetched over HTTP, not forced to https.
func TestPlainHTTPInstanceKeepsItsScheme(t *testing.T) {
	f := serve(t, "profile")
	if _, err := New(f).Fetch(context.Background(), scanner.Account{URL: "http://mastodon.example/@kulturforvaltningen"}, day("2026-09-01T00:00:00Z")); err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if n := len(timelineRequests(f.Requests())); n != 2 {
		t.Fatalf("%d requests for the account and its posts, want 2", n)
	}
	for _, r := range f.Requests() {
		if !strings.HasPrefix(r.URL, "http://mastodon.example/api/") {
			t.Errorf("requested %s, want http://mastodon.example/api/...", r.URL)
		}
	}
}

// TestCancelledScanIsNoCut: when the scan is interrupted while a later
// page is read, the account is not judged on part of its posts.
func TestCancelledScanIsNoCut(t *testing.T) {
	f := serve(t, "paging")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a := New(&cancelAfter{f: f, n: 2, cancel: cancel})
	_, err := a.Fetch(ctx, scanner.Account{URL: "https://mastodon.example/@stockholmsstad"}, day("2026-01-01T00:00:00Z"))
	if err == nil || ctx.Err() == nil {
		t.Fatalf("Fetch = %v, want an error after the scan was cancelled", err)
	}
}

// cancelAfter cancels the scan just before its n+1st request.
type cancelAfter struct {
	f      scanner.Fetcher
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	if c.n == 0 {
		c.cancel()
	}
	c.n--
	return c.f.Fetch(ctx, req)
}
