package youtube

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestFeedRobots runs a channel through the adapter and the rules with
// YouTube's robots.txt of 2025/26, which disallows /feeds/videos.xml, and
// with the older one that allowed it.
func TestFeedRobots(t *testing.T) {
	const (
		idrott  = "https://www.youtube.com/@idrottsforvaltningen"
		feedFor = "https://www.youtube.com/feeds/videos.xml?channel_id="
	)
	asOf := day("2026-11-20T12:00:00Z")
	tests := []struct {
		name, tree, url string
		key             bool
		wantPosts       int
		wantStatus      map[string]rules.Status
		wantFeedRead    bool
		wantAPI         bool
	}{
		{name: "feed disallowed, no key", tree: "links", url: idrott,
			wantStatus: map[string]rules.Status{"posting-frequency": rules.Manual, "inactive-account": rules.Manual}},
		{name: "feed disallowed, key", tree: "links", url: idrott, key: true, wantPosts: 30, wantAPI: true,
			wantStatus: map[string]rules.Status{"posting-frequency": rules.Pass, "inactive-account": rules.Pass}},
		{name: "feed allowed, no key", tree: "pass", url: "https://www.youtube.com/@kulturforvaltningen", wantPosts: 15, wantFeedRead: true,
			wantStatus: map[string]rules.Status{"posting-frequency": rules.Manual, "inactive-account": rules.Pass}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, tt.tree)
			cfg := DefaultConfig()
			if tt.key {
				cfg.APIKey = testKey
			}
			acc := scanner.Account{URL: tt.url, Platform: scanner.YouTube, Name: "Kanal", Administration: "Idrottsförvaltningen"}
			got, err := New(f, cfg).Fetch(context.Background(), acc, asOf.AddDate(0, 0, -91))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if len(got.Posts) != tt.wantPosts {
				t.Errorf("%d posts, want %d", len(got.Posts), tt.wantPosts)
			}
			api := false
			for _, r := range f.Requests() {
				// The crawl layer asks robots.txt for every Page request:
				// the adapter must mark every request to the site so.
				if strings.HasPrefix(r.URL, "https://www.youtube.com/") && !r.Page {
					t.Errorf("request %s to the YouTube site skips robots.txt", r.URL)
				}
				api = api || strings.HasPrefix(r.URL, "https://www.googleapis.com/")
			}
			feedRead := false
			for _, s := range got.Sources {
				feedRead = feedRead || strings.HasPrefix(s, feedFor)
			}
			if feedRead != tt.wantFeedRead || api != tt.wantAPI {
				t.Errorf("feed read %v, API asked %v; want %v, %v", feedRead, api, tt.wantFeedRead, tt.wantAPI)
			}
			// A forbidden feed dates nothing: the flag says so, not a date.
			if undated := !tt.wantFeedRead && !tt.wantAPI; got.NoDatedPosts != undated || !got.CompleteSince.IsZero() && undated {
				t.Errorf("NoDatedPosts %v, CompleteSince %v; want %v and no date when nothing was read", got.NoDatedPosts, got.CompleteSince, undated)
			}
			j := rules.Judge(rules.All(rules.DefaultConfig()), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: got}, asOf)
			for _, fd := range j.Findings {
				want, ok := tt.wantStatus[fd.Rule]
				if ok && fd.Status != want {
					t.Errorf("%s = %s (%s), want %s", fd.Rule, fd.Status, fd.Message.EN, want)
				}
				if ok && fd.Status == rules.Manual && !strings.Contains(fmt.Sprint(fd.Message.EN, fd.Evidence), "robots.txt forbids its video feed") && tt.tree == "links" {
					t.Errorf("%s says %q (%v); want the reason: robots.txt forbids the feed", fd.Rule, fd.Message.EN, fd.Evidence)
				}
			}
		})
	}
}
