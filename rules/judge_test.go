package rules

import (
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestJudge(t *testing.T) {
	day := 24 * time.Hour
	newest := at(t, "2026-09-20 10:00")
	res := withPosts(time.Time{},
		postsFrom(at(t, "2026-09-29 08:00"), 0, 1, "own"),    // after the as-of day
		postsFrom(at(t, "2026-09-27 10:00"), 0, 2, "repost"), // newer, not own
		postsFrom(newest, 0, 1, "own"),
		postsFrom(at(t, "2026-09-16 10:00"), day, 4, "own"),   // in both windows below
		postsFrom(at(t, "2026-07-01 10:00"), day, 3, "reply"), // not own
		postsFrom(at(t, "2026-08-01 10:00"), day, 2, "own"),   // in the 91-day window only
		postsFrom(at(t, "2026-05-01 10:00"), day, 5, "own"),   // before both windows
	)
	tests := []struct {
		name       string
		cfg        func(*Config)
		res        scanner.Result
		wantCount  int
		wantLast   time.Time
		wantStatus Status // of posting-frequency
	}{
		{"default window", nil, res, 7, newest, Fail},
		{"mastodon window of 14 days", func(c *Config) { c.Posting.Platforms = map[string]Posting{"mastodon": {WindowDays: 14}} }, res, 5, newest, Pass},
		{"failed fetch", nil, func() scanner.Result {
			r := res
			r.Status, r.Err = scanner.FetchFailed, &scanner.FetchError{Kind: scanner.ErrTimeout}
			return r
		}(), 0, time.Time{}, Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			rs := All(cfg)
			j := Judge(rs, tt.res, mustAsOf(t, auditDay))
			if j.OwnPostsInWindow != tt.wantCount {
				t.Errorf("OwnPostsInWindow = %d, want %d", j.OwnPostsInWindow, tt.wantCount)
			}
			if !j.LastOwnPost.Equal(tt.wantLast) {
				t.Errorf("LastOwnPost = %v, want %v", j.LastOwnPost, tt.wantLast)
			}
			if j.Result.Account.Name != tt.res.Account.Name {
				t.Errorf("Result not kept")
			}
			if len(j.Findings) != len(rs) {
				t.Fatalf("%d findings for %d rules", len(j.Findings), len(rs))
			}
			seen := map[string]bool{}
			for _, f := range j.Findings {
				seen[f.Rule] = true
			}
			for _, r := range rs {
				if !seen[r.ID] {
					t.Errorf("no finding of %s", r.ID)
				}
			}
			sorted := append([]Finding(nil), j.Findings...)
			SortFindings(sorted, rs)
			for i := range sorted {
				if sorted[i].Rule != j.Findings[i].Rule {
					t.Errorf("finding %d is %q, want %q (SortFindings' order)", i, j.Findings[i].Rule, sorted[i].Rule)
				}
			}
			if f := findingOf(j, PostingFrequency); f.Status != tt.wantStatus {
				t.Errorf("posting-frequency finding %s %q, want %s", f.Status, f.Message.SV, tt.wantStatus)
			}
		})
	}
}

func TestFind(t *testing.T) {
	rs := All(DefaultConfig())
	r, ok := Find(rs, "website-link")
	if !ok || r.ID != "website-link" {
		t.Errorf("Find(website-link) = %q, %v", r.ID, ok)
	}
	if _, ok := Find(rs, "no-such-rule"); ok {
		t.Error("Find found a rule that does not exist")
	}
}

func findingOf(j Judged, id string) Finding {
	for _, f := range j.Findings {
		if f.Rule == id {
			return f
		}
	}
	return Finding{}
}

func TestJudgeNotReachedHasNoFindings(t *testing.T) {
	res := scanner.Result{
		Account: scanner.Account{Name: "n", Platform: scanner.Mastodon, URL: "https://m.example/@n"},
		Status:  scanner.FetchNotReached,
	}
	rs := All(DefaultConfig())
	j := Judge(rs, res, mustAsOf(t, auditDay))
	if len(j.Findings) != 0 {
		t.Errorf("not-reached account has %d findings (%v), want none", len(j.Findings), j.Findings)
	}
	if !j.LastOwnPost.IsZero() || j.OwnPostsInWindow != 0 {
		t.Errorf("not-reached account has facts: last %v, posts %d", j.LastOwnPost, j.OwnPostsInWindow)
	}
	for _, r := range rs {
		f := r.Check(Input{Result: &res, AsOf: mustAsOf(t, auditDay)})
		if r.NeedsFetch && f.Status != Error {
			t.Errorf("%s.Check on a not-reached account = %s, want %s", r.ID, f.Status, Error)
		}
	}
}

// TestSettleKeepsWhatReportsRead checks that Settle drops the posts and the
// profile's prose but keeps the verdicts, the facts judged from the posts
// and the reasons reports show when something could not be seen.
func TestSettleKeepsWhatReportsRead(t *testing.T) {
	asOf, err := ParseAsOf("2025-03-31")
	if err != nil {
		t.Fatal(err)
	}
	cut := &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: "https://mastodon.example/api/v1/accounts/1/statuses?max_id=9", Detail: "HTTP 502"}
	res := scanner.Result{
		Account: scanner.Account{Row: 2, Administration: "Kulturförvaltningen", Name: "Kultur", Platform: scanner.Mastodon, URL: "https://mastodon.example/@kultur"},
		Status:  scanner.FetchOK,
		Fetched: scanner.Fetched{
			Profile: scanner.Profile{
				DisplayName: "Kultur", Description: "Vi skriver om kultur.", Text: "Kultur Vi skriver om kultur.",
				Links: []scanner.Link{{URL: "https://kultur.stockholm.se/", Text: "Webbplats"}}, LinksHidden: "only the first link is shown",
			},
			Posts:    []scanner.Post{{ID: "1", URL: "https://mastodon.example/@kultur/1", Published: asOf.AddDate(0, 0, -3)}},
			Sources:  []string{"https://mastodon.example/api/v1/accounts/lookup?acct=kultur"},
			PostsCut: cut, PostsHidden: "",
			Dialogue: &scanner.Dialogue{WithReplies: 1, MaxThreads: 10, Threads: []scanner.Thread{{PostID: "1", Replies: []scanner.Reply{{ID: "2", Text: "När öppnar ni?"}}}}},
		},
	}
	rs := All(DefaultConfig())
	j := Judge(rs, res, asOf)
	before := j
	before.Findings = append([]Finding(nil), j.Findings...)
	j.Settle()
	if j.Result.Fetched.Posts != nil || j.Result.Fetched.Dialogue != nil || j.Result.Fetched.Profile.Text != "" || j.Result.Fetched.Profile.Links != nil {
		t.Errorf("Settle kept the posts or the profile: %+v", j.Result.Fetched)
	}
	if got := j.Result.Fetched.Profile.LinksHidden; got != "only the first link is shown" {
		t.Errorf("LinksHidden = %q", got)
	}
	if j.Result.Fetched.PostsCut != cut || len(j.Result.Fetched.Sources) != 1 {
		t.Errorf("Settle dropped PostsCut or Sources: %+v", j.Result.Fetched)
	}
	if j.LastOwnPost.IsZero() || !j.LastOwnPost.Equal(before.LastOwnPost) || j.OwnPostsInWindow != before.OwnPostsInWindow {
		t.Errorf("facts changed: last %v/%v, window %d/%d", j.LastOwnPost, before.LastOwnPost, j.OwnPostsInWindow, before.OwnPostsInWindow)
	}
	if len(j.Findings) != len(rs) {
		t.Fatalf("%d findings, want %d", len(j.Findings), len(rs))
	}
	for i := range j.Findings {
		if j.Findings[i].Status != before.Findings[i].Status {
			t.Errorf("finding %d changed: %v -> %v", i, before.Findings[i].Status, j.Findings[i].Status)
		}
	}
}
