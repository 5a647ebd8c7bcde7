package meta

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

// judged fetches acc from tree as a scan does, with since the start of
// the default posting window, and judges it with the default rules.
func judged(t *testing.T, tree string, acc scanner.Account) (scanner.Fetched, map[string]rules.Finding, int) {
	t.Helper()
	cfg := rules.DefaultConfig()
	since, _ := rules.Window(auditDay, cfg.Posting.For(acc.Platform).WindowDays)
	f := serve(t, tree)
	var a scanner.Adapter = NewFacebook(f, testConfig())
	if acc.Platform == scanner.Instagram {
		a = NewInstagram(f, testConfig())
	}
	got, err := a.Fetch(context.Background(), acc, since)
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	j := rules.Judge(rules.All(cfg), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, auditDay)
	byRule := map[string]rules.Finding{}
	for _, fd := range j.Findings {
		byRule[fd.Rule] = fd
	}
	return got, byRule, len(f.Requests())
}

func fbAccount(name string) scanner.Account {
	return scanner.Account{Administration: "Kulturförvaltningen", Name: "Kultur på Facebook", Platform: scanner.Facebook,
		URL: "https://www.facebook.com/" + name}
}

func igAccount(name string) scanner.Account {
	return scanner.Account{Administration: "Kulturförvaltningen", Name: "Kultur på Instagram", Platform: scanner.Instagram,
		URL: "https://www.instagram.com/" + name + "/"}
}

// TestSharedPostsAreNotOwn is the acceptance test for shares: the page
// posted 16 posts of its own and shared 14 posts of other pages in the
// window. Counted together they would pass posting-frequency (30 in 13
// weeks); only the 16 own count, and the page reads back over the whole
// window, so it fails. The profile's doubled about and the phone
// placeholder do not reach the profile.
func TestSharedPostsAreNotOwn(t *testing.T) {
	got, verdict, _ := judged(t, "facebook-shares", fbAccount("kulturforvaltningen.delningar"))
	own, shares := 0, 0
	for _, p := range got.Posts {
		switch {
		case p.Own():
			own++
		case p.Repost && !p.Reply:
			shares++
		default:
			t.Errorf("post %+v is neither own nor a share", p)
		}
	}
	if own != 18 || shares != 14 {
		t.Errorf("%d own posts and %d shares, want 18 (16 in the window) and 14", own, shares)
	}
	if got.PostsCut != nil || !got.CompleteSince.IsZero() {
		t.Errorf("PostsCut %v, CompleteSince %v; want the whole history read", got.PostsCut, got.CompleteSince)
	}
	pf := verdict["posting-frequency"]
	if pf.Status != rules.Fail || pf.Evidence[0].Value != "16" {
		t.Errorf("posting-frequency = %s with %q own posts (%s), want fail with 16", pf.Status, pf.Evidence[0].Value, pf.Message.EN)
	}
	if s := verdict["inactive-account"].Status; s != rules.Pass {
		t.Errorf("inactive-account = %s, want pass", s)
	}
	about := "Kulturförvaltningen i Stockholms stad berättar om bibliotek, konst och kulturskola."
	if d := got.Profile.Description; strings.Count(d, about) != 1 || !strings.HasPrefix(d, about+" Vi svarar") {
		t.Errorf("Description = %q, want the description once, without about repeated before it", d)
	}
	for _, l := range got.Profile.Links {
		if strings.HasPrefix(l.URL, "tel:") || strings.Contains(l.URL, "not-applicable") {
			t.Errorf("link %+v comes from Graph's <<not-applicable>> placeholder", l)
		}
	}
	if strings.Contains(got.Profile.Text, "not-applicable") || strings.Contains(got.Profile.Text, "Telefon") {
		t.Errorf("profile text shows the placeholder: %q", got.Profile.Text)
	}
	if s := verdict["contact-details"].Status; s != rules.Pass {
		t.Errorf("contact-details = %s, want pass on the e-mail address", s)
	}
}

// TestPagingStopsAtARepeatedPage: a paging.next link (Facebook) or an
// after cursor (Instagram) that leads back to the page just read must not
// make its posts count twice; the paging stops with what was read.
func TestPagingStopsAtARepeatedPage(t *testing.T) {
	for _, tt := range []struct {
		name, tree, detail string
		acc                scanner.Account
		posts, requests    int
	}{
		{"facebook next link to itself", "facebook-loop", "points to a page already read", fbAccount("kulturforvaltningen.slinga"), 18, 3},
		{"instagram cursor to itself", "instagram-loop", "was used before", igAccount("kultur_slinga"), 17, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, reqs := judged(t, tt.tree, tt.acc)
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
				t.Fatalf("PostsCut = %v, want one saying %q", got.PostsCut, tt.detail)
			}
			if strings.Contains(got.PostsCut.Error(), testToken) {
				t.Errorf("PostsCut carries the token: %v", got.PostsCut)
			}
			if !got.CompleteSince.Equal(got.Posts[len(got.Posts)-1].Published) {
				t.Errorf("CompleteSince = %v, want the oldest post read", got.CompleteSince)
			}
			if s := verdict["posting-frequency"].Status; s != rules.Error {
				t.Errorf("posting-frequency = %s (%s), want error: %d posts settle nothing", s, verdict["posting-frequency"].Message.EN, tt.posts)
			}
			if s := verdict["city-affiliation"].Status; s != rules.Pass {
				t.Errorf("city-affiliation = %s, want pass: the profile was read", s)
			}
		})
	}
}

// TestFailingLaterPageKeepsWhatWasRead: page 2 answers Graph's HTTP 500
// (error code 2, transient). The profile and page 1 are judged:
// posting-frequency passes when page 1 proves the pace and is an error,
// never a fail, when it does not.
func TestFailingLaterPageKeepsWhatWasRead(t *testing.T) {
	for _, tt := range []struct {
		name, tree  string
		acc         scanner.Account
		posts       int
		wantPosting rules.Status
	}{
		{"facebook, busy first page", "facebook-page2-fails-busy", fbAccount("kulturforvaltningen.avbrott"), 30, rules.Pass},
		{"facebook, slow first page", "facebook-page2-fails-slow", fbAccount("kulturforvaltningen.avbrott"), 8, rules.Error},
		{"instagram, busy first page", "instagram-page2-fails-busy", igAccount("kultur_avbrott"), 30, rules.Pass},
		{"instagram, slow first page", "instagram-page2-fails-slow", igAccount("kultur_avbrott"), 8, rules.Error},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, verdict, _ := judged(t, tt.tree, tt.acc)
			if len(got.Posts) != tt.posts {
				t.Errorf("%d posts, want %d", len(got.Posts), tt.posts)
			}
			cut := got.PostsCut
			if cut == nil || cut.Kind != scanner.ErrHTTPStatus || cut.StatusCode != 500 || !strings.Contains(cut.Detail, "Graph error 2") {
				t.Fatalf("PostsCut = %+v, want Graph's HTTP 500 on page 2", cut)
			}
			if !strings.Contains(cut.URL, "after") {
				t.Errorf("PostsCut URL %s, want the page 2 URL", cut.URL)
			}
			if !got.CompleteSince.Equal(got.Posts[len(got.Posts)-1].Published) {
				t.Errorf("CompleteSince = %v, want the oldest post read", got.CompleteSince)
			}
			if fd := verdict["posting-frequency"]; fd.Status != tt.wantPosting {
				t.Errorf("posting-frequency = %s (%s), want %s", fd.Status, fd.Message.EN, tt.wantPosting)
			}
			for _, id := range []string{"city-affiliation", "content-description", "website-link", "inactive-account"} {
				if s := verdict[id].Status; s != rules.Pass {
					t.Errorf("%s = %s (%s), want pass", id, s, verdict[id].Message.EN)
				}
			}
		})
	}
}

// TestNextLinkLeavingGraphCuts: a paging.next link to another host is
// never followed (the token would go with it); the posts read are kept.
func TestNextLinkLeavingGraphCuts(t *testing.T) {
	f := serve(t, "errors")
	got, err := NewFacebook(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: "https://www.facebook.com/bortresa"}, day("2026-09-01T00:00:00Z"))
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	cut := got.PostsCut
	if cut == nil || cut.Kind != scanner.ErrUnparseable || !strings.Contains(cut.Detail, "leaves the Graph API") || !strings.Contains(cut.Detail, "graph.facebook.evil.example") {
		t.Errorf("PostsCut = %+v, want the link that leaves Graph", cut)
	}
	if len(got.Posts) != 2 || len(f.Requests()) != 2 {
		t.Errorf("%d posts in %d requests, want the 2 of page 1 in 2", len(got.Posts), len(f.Requests()))
	}
}

// TestCancelledScanFailsTheAccount: an interrupted scan is not a failed
// page; the account is not judged on what was read.
func TestCancelledScanFailsTheAccount(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := serve(t, "facebook-pass")
	a := NewFacebook(cancelOnPage2{f, cancel}, testConfig())
	got, err := a.Fetch(ctx, scanner.Account{URL: "https://www.facebook.com/kulturforvaltningen"}, day("2026-01-01T00:00:00Z"))
	if fe := scanner.AsFetchError(err); fe == nil || fe.Kind != scanner.ErrCanceled {
		t.Fatalf("Fetch = %d posts, PostsCut %v, error %v; want the cancellation as the error", len(got.Posts), got.PostsCut, err)
	}
}

// cancelOnPage2 cancels the scan as the second page of posts is asked for.
type cancelOnPage2 struct {
	f      scanner.Fetcher
	cancel context.CancelFunc
}

func (c cancelOnPage2) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	if strings.Contains(req.URL, "after=") {
		c.cancel()
	}
	return c.f.Fetch(ctx, req)
}
