package scanner

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func at(day int) time.Time { return time.Date(2026, 11, day, 12, 0, 0, 0, time.UTC) }

// TestPagesAdd feeds pages of posts, some read before, and checks what
// each page adds and what the paging knows after it.
func TestPagesAdd(t *testing.T) {
	own := func(id string, day int) Post { return Post{ID: id, Published: at(day)} }
	repost := func(id string, day int) Post { return Post{ID: id, Published: at(day), Repost: true} }
	reply := func(id string, day int) Post { return Post{ID: id, Published: at(day), Reply: true} }
	type page struct {
		posts      []Post
		wantFresh  int
		wantOldest time.Time
		wantOwn    bool
	}
	for _, tt := range []struct {
		name      string
		pages     []page
		wantIDs   []string // Posts(), newest first
		wantCount int
	}{
		{
			name:  "nothing read",
			pages: []page{{posts: nil, wantFresh: 0}},
		},
		{
			name: "two pages going back",
			pages: []page{
				{posts: []Post{own("a", 20), own("b", 18)}, wantFresh: 2, wantOldest: at(18), wantOwn: true},
				{posts: []Post{own("c", 15), own("d", 10)}, wantFresh: 2, wantOldest: at(10), wantOwn: true},
			},
			wantIDs: []string{"a", "b", "c", "d"}, wantCount: 4,
		},
		{
			name: "the same page twice adds nothing",
			pages: []page{
				{posts: []Post{own("a", 20), own("b", 18)}, wantFresh: 2, wantOldest: at(18), wantOwn: true},
				{posts: []Post{own("a", 20), own("b", 18)}, wantFresh: 0, wantOldest: at(18), wantOwn: true},
			},
			wantIDs: []string{"a", "b"}, wantCount: 2,
		},
		{
			name: "a page overlapping the one before counts only the new posts",
			pages: []page{
				{posts: []Post{own("a", 20), own("b", 18)}, wantFresh: 2, wantOldest: at(18), wantOwn: true},
				{posts: []Post{own("b", 18), own("c", 12)}, wantFresh: 1, wantOldest: at(12), wantOwn: true},
			},
			wantIDs: []string{"a", "b", "c"}, wantCount: 3,
		},
		{
			name: "a repeated id within one page counts once",
			pages: []page{
				{posts: []Post{own("a", 20), own("a", 20), own("b", 19)}, wantFresh: 2, wantOldest: at(19), wantOwn: true},
			},
			wantIDs: []string{"a", "b"}, wantCount: 2,
		},
		{
			name: "reposts and replies are no own post",
			pages: []page{
				{posts: []Post{repost("r", 20), reply("q", 19)}, wantFresh: 2, wantOldest: at(19), wantOwn: false},
				{posts: []Post{own("o", 3)}, wantFresh: 1, wantOldest: at(3), wantOwn: true},
			},
			wantIDs: []string{"r", "q", "o"}, wantCount: 3,
		},
		{
			name: "a server that does not sort: Posts sorts, Oldest is the oldest",
			pages: []page{
				{posts: []Post{own("mid", 15), own("new", 20), own("old", 5)}, wantFresh: 3, wantOldest: at(5), wantOwn: true},
			},
			wantIDs: []string{"new", "mid", "old"}, wantCount: 3,
		},
		{
			name: "posts of the same instant keep the order read",
			pages: []page{
				{posts: []Post{own("x", 10), own("y", 10)}, wantFresh: 2, wantOldest: at(10), wantOwn: true},
				{posts: []Post{own("z", 10), own("w", 11)}, wantFresh: 2, wantOldest: at(10), wantOwn: true},
			},
			wantIDs: []string{"w", "x", "y", "z"}, wantCount: 4,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var pg Pages
			for i, p := range tt.pages {
				if got := pg.Add(p.posts...); got != p.wantFresh {
					t.Errorf("page %d: Add = %d new, want %d", i+1, got, p.wantFresh)
				}
				if !pg.Oldest().Equal(p.wantOldest) {
					t.Errorf("page %d: Oldest = %v, want %v", i+1, pg.Oldest(), p.wantOldest)
				}
				if pg.SawOwn() != p.wantOwn {
					t.Errorf("page %d: SawOwn = %v, want %v", i+1, pg.SawOwn(), p.wantOwn)
				}
			}
			var ids []string
			for _, p := range pg.Posts() {
				ids = append(ids, p.ID)
			}
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("Posts ids (-want +got):\n%s", diff)
			}
			if pg.Len() != tt.wantCount {
				t.Errorf("Len = %d, want %d", pg.Len(), tt.wantCount)
			}
		})
	}
}

// TestPagesUse: a page key is new once; Used looks without recording.
func TestPagesUse(t *testing.T) {
	var pg Pages
	if pg.Used("") {
		t.Error(`Used("") on a fresh Pages = true`)
	}
	for _, step := range []struct {
		key       string
		wantAgain bool
	}{
		{"", false},
		{"c1", false},
		{"c2", false},
		{"c1", true},
		{"", true},
		{"C1", false}, // keys are compared as given: a platform normalises its own
	} {
		if got := pg.Use(step.key); got != step.wantAgain {
			t.Errorf("Use(%q) = %v, want %v", step.key, got, step.wantAgain)
		}
	}
	if !pg.Used("c2") || pg.Used("c3") {
		t.Errorf(`Used("c2"), Used("c3") = %v, %v; want true, false`, pg.Used("c2"), pg.Used("c3"))
	}
	if pg.Use("c3") {
		t.Error(`Use("c3") after Used("c3") = true: Used must not record`)
	}
}

// TestLaterPageCut: a later page's failure cuts the paging; the first
// page's, or any during an interrupted scan, fails the account.
func TestLaterPageCut(t *testing.T) {
	live := context.Background()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	http503 := &FetchError{Kind: ErrHTTPStatus, StatusCode: 503, URL: "https://example.test/page2"}
	interrupted := &FetchError{Kind: ErrCanceled, URL: "https://example.test/page2", Detail: "context canceled"}
	foreign := errors.New("connection reset")
	for _, tt := range []struct {
		name string
		ctx  context.Context
		page int
		err  error
		want *FetchError // nil: the account fails
	}{
		{"first page fails", live, 1, http503, nil},
		{"second page fails", live, 2, http503, http503},
		{"tenth page fails", live, 10, http503, http503},
		{"second page while the scan is cancelled", cancelled, 2, http503, nil},
		{"second page interrupted, context not yet seen cancelled", live, 2, interrupted, nil},
		{"second page fails with a foreign error", live, 2, foreign, &FetchError{Kind: ErrNetwork, Detail: "connection reset", Err: foreign}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := LaterPageCut(tt.ctx, tt.page, tt.err)
			if tt.want == nil || got == nil {
				if got != tt.want {
					t.Errorf("LaterPageCut = %v, want %v", got, tt.want)
				}
				return
			}
			// The cause is kept as it came, not copied.
			sameErr := cmp.Comparer(func(a, b error) bool { return a == b })
			if diff := cmp.Diff(*tt.want, *got, sameErr); diff != "" {
				t.Errorf("LaterPageCut (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCutWording pins the Details the adapters' paging tests and the
// reports quote.
func TestCutWording(t *testing.T) {
	const u = "https://example.test/page2"
	for _, tt := range []struct {
		name string
		got  *FetchError
		want string
	}{
		{"stopped", PagingStopped(u, "the media paging cursor is not usable"), "the media paging cursor is not usable; paging stopped there"},
		{"repeated page", RepeatedPage(u, "statuses"), "the page repeats statuses already read; paging stopped there"},
		{"reused cursor", ReusedCursor(u, "page token", "EAAa"), "the page token EAAa was used before; paging stopped there"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := &FetchError{Kind: ErrUnparseable, URL: u, Detail: tt.want}
			if diff := cmp.Diff(want, tt.got); diff != "" {
				t.Errorf("cut (-want +got):\n%s", diff)
			}
		})
	}
}
