package youtube

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestAPISelfReferencingPage pages a playlist whose second page names
// itself as the next one and repeats five videos of the first: paging
// stops there, every video counts once, and the cut says why.
func TestAPISelfReferencingPage(t *testing.T) {
	f := serve(t, "api-paging")
	got, err := New(f, apiConfig(10)).Fetch(context.Background(),
		scanner.Account{URL: "https://www.youtube.com/@stadsbyggnadskontoret"}, day("2020-01-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if len(got.Posts) != 65 {
		t.Errorf("%d posts, want 65: 50 on page 1 and 15 new of page 2's 20", len(got.Posts))
	}
	seen := map[string]bool{}
	for _, p := range got.Posts {
		if seen[p.ID] {
			t.Errorf("video %s counted twice", p.ID)
		}
		seen[p.ID] = true
	}
	pages := 0
	for _, r := range f.Requests() {
		if strings.Contains(r.URL, "/playlistItems?") {
			pages++
		}
	}
	if pages != 2 {
		t.Errorf("%d playlist pages asked, want 2: the repeated token is not followed", pages)
	}
	oldest := got.Posts[len(got.Posts)-1].Published
	if got.PostsCut == nil || !strings.Contains(got.PostsCut.Detail, "EAAaBlBUOkNHUQ was used before") || !got.CompleteSince.Equal(oldest) {
		t.Errorf("PostsCut %v, CompleteSince %v; want the repeated token named and the oldest video read (%v)", got.PostsCut, got.CompleteSince, oldest)
	}
}

// TestAPIFailingPageTwo keeps the profile and the first page when the
// second page answers 500, and the rules judge what that settles.
func TestAPIFailingPageTwo(t *testing.T) {
	f := serve(t, "api-paging")
	acc := scanner.Account{URL: "https://www.youtube.com/@miljoforvaltningen", Platform: scanner.YouTube,
		Name: "Miljöförvaltningen på YouTube", Administration: "Miljöförvaltningen"}
	asOf := day("2026-11-20T12:00:00Z")
	got, err := New(f, apiConfig(10)).Fetch(context.Background(), acc, day("2025-11-20T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v, want page 1 kept", err)
	}
	if len(got.Posts) != 50 || got.Profile.DisplayName != "Miljöförvaltningen Stockholms stad" {
		t.Fatalf("%d posts, profile %q; want page 1's 50 and the profile", len(got.Posts), got.Profile.DisplayName)
	}
	cut := got.PostsCut
	if cut == nil || cut.StatusCode != 500 || !strings.Contains(cut.URL, "pageToken=EAAaBlBUOkNHRQ") {
		t.Fatalf("PostsCut = %+v, want HTTP 500 of page 2", cut)
	}
	if oldest := got.Posts[49].Published; !got.CompleteSince.Equal(oldest) {
		t.Errorf("CompleteSince = %v, want the oldest video read, %v", got.CompleteSince, oldest)
	}
	j := rules.Judge(rules.All(rules.DefaultConfig()), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, asOf)
	want := map[string]rules.Status{
		// Page 1 reaches back before the window: 46 videos in 13 weeks.
		"posting-frequency": rules.Pass,
		"inactive-account":  rules.Pass,
		// The profile was read in full.
		"participation-terms": rules.Pass,
		"contact-details":     rules.Pass,
		"website-link":        rules.Pass,
	}
	for _, fd := range j.Findings {
		if w, ok := want[fd.Rule]; ok && fd.Status != w {
			t.Errorf("%s = %s (%s), want %s", fd.Rule, fd.Status, fd.Message.EN, w)
		}
	}
	// A year-long window reaches back past page 1: 50 videos in a year
	// are too few, but the videos behind the failed page are unknown, so
	// the finding is an error with the reason, never a fail.
	cfg := rules.DefaultConfig()
	cfg.Posting.Platforms = map[string]rules.Posting{"youtube": {WindowDays: 365, MinPerWeek: 2}}
	j = rules.Judge(rules.All(cfg), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, asOf)
	for _, fd := range j.Findings {
		if fd.Rule == "posting-frequency" && (fd.Status != rules.Error || !strings.Contains(fd.Message.EN, "a later page of the feed could not be read")) {
			t.Errorf("posting-frequency over a year = %s (%s), want error: page 2 failed", fd.Status, fd.Message.EN)
		}
	}
}

// cancelAfter cancels the scan once it has passed n playlist pages to the
// crawl layer, as Ctrl-C would between two pages.
type cancelAfter struct {
	scanner.Fetcher
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	resp, err := c.Fetcher.Fetch(ctx, req)
	if strings.Contains(req.URL, "/playlistItems?") {
		if c.n--; c.n == 0 {
			c.cancel()
		}
	}
	return resp, err
}

// TestAPICancelledIsNoCut: a scan cancelled after page 1 fails the
// account as interrupted; it does not pass off page 1 as a cut list.
func TestAPICancelledIsNoCut(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &cancelAfter{Fetcher: serve(t, "api-paging"), n: 1, cancel: cancel}
	got, err := New(f, apiConfig(10)).Fetch(ctx, scanner.Account{URL: "https://www.youtube.com/@stadsbyggnadskontoret"}, day("2020-01-01T00:00:00Z"))
	var fe *scanner.FetchError
	if !errors.As(err, &fe) || fe.Kind != scanner.ErrCanceled {
		t.Fatalf("Fetch = %d posts, cut %v, error %v; want an ErrCanceled error", len(got.Posts), got.PostsCut, err)
	}
}
