package bluesky

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

// feedRequests leaves out the requests for threads' replies, for the
// tests about the account and its posts.
func feedRequests(reqs []scanner.Request) []scanner.Request {
	var out []scanner.Request
	for _, r := range reqs {
		if !strings.Contains(r.URL, "/xrpc/app.bsky.feed.getPostThread?") {
			out = append(out, r)
		}
	}
	return out
}

// The own posts of testdata/dialogue with replies in the window, newest
// first: T1 (a question answered in a nested reply, and a reply by an
// account whose handle failed verification), T2 (its thread answers 500),
// T3 (a chain ten replies deep whose last reply has replies not sent),
// T4 (three direct replies, one dated after the AppView saw it) and T5
// (deleted since the feed was read: 400 NotFound). The feed also holds a
// post without replies, an answer to someone else, a repost and a post
// older than the window, all with or without replies.
const (
	t1 = "at://" + cityDID + "/app.bsky.feed.post/3n2qaqvc5c2ke"
	t2 = "at://" + cityDID + "/app.bsky.feed.post/3n2p2ta4ohz5x"
	t3 = "at://" + cityDID + "/app.bsky.feed.post/3n2nvqcuswbio"
	t4 = "at://" + cityDID + "/app.bsky.feed.post/3n2movbvsi7nv"
	t5 = "at://" + cityDID + "/app.bsky.feed.post/3n2hu3baoed3d"
)

func fetchDialogue(t *testing.T, since string, cfg Config) (*scanner.Dialogue, []scanner.Request) {
	t.Helper()
	f := serve(t, "dialogue")
	got, err := New(f, cfg).Fetch(context.Background(), scanner.Account{URL: "https://bsky.app/profile/kultur.stockholm.se"}, day(since))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if got.Dialogue == nil {
		t.Fatal("Fetch read no dialogue")
	}
	var threads []scanner.Request
	for _, r := range f.Requests() {
		if strings.Contains(r.URL, "getPostThread") {
			threads = append(threads, r)
		}
	}
	return got.Dialogue, threads
}

func TestDialogueCandidatesAndCap(t *testing.T) {
	for _, tt := range []struct {
		name, since      string
		maxThreads       int
		wantThreads      []string
		wantWith, wantMx int
	}{
		{"own posts with replies in the window", "2026-11-14T00:00:00Z", 0, []string{t1, t2, t3, t4, t5}, 5, scanner.DefaultMaxThreads},
		{"the newest two", "2026-11-14T00:00:00Z", 2, []string{t1, t2}, 5, 2},
		{"window start leaves older posts out", "2026-11-19T12:00:00Z", 0, []string{t1, t2}, 2, scanner.DefaultMaxThreads},
		{"no post in the window", "2026-11-21T00:00:00Z", 0, nil, 0, scanner.DefaultMaxThreads},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.MaxThreads = tt.maxThreads
			d, reqs := fetchDialogue(t, tt.since, cfg)
			var ids, asked []string
			for _, th := range d.Threads {
				ids = append(ids, th.PostID)
			}
			for _, r := range reqs {
				asked = append(asked, r.URL)
				if r.Page || r.Accept != "application/json" {
					t.Errorf("thread request %s: Page %v, Accept %q; want an API request", r.URL, r.Page, r.Accept)
				}
			}
			if diff := cmp.Diff(tt.wantThreads, ids); diff != "" {
				t.Errorf("threads (-want +got):\n%s", diff)
			}
			var wantAsked []string
			for _, id := range tt.wantThreads {
				wantAsked = append(wantAsked, appView+"/xrpc/app.bsky.feed.getPostThread?uri="+url.QueryEscape(id)+"&depth=10&parentHeight=0")
			}
			if diff := cmp.Diff(wantAsked, asked); diff != "" {
				t.Errorf("thread requests (-want +got):\n%s", diff)
			}
			if d.WithReplies != tt.wantWith || d.MaxThreads != tt.wantMx {
				t.Errorf("WithReplies %d, MaxThreads %d; want %d, %d", d.WithReplies, d.MaxThreads, tt.wantWith, tt.wantMx)
			}
		})
	}
}

func TestDialogueThreads(t *testing.T) {
	d, _ := fetchDialogue(t, "2026-11-14T00:00:00Z", DefaultConfig())
	if len(d.Threads) != 5 {
		t.Fatalf("%d threads, want 5", len(d.Threads))
	}
	th1, th2, th3, th4, th5 := d.Threads[0], d.Threads[1], d.Threads[2], d.Threads[3], d.Threads[4]
	const (
		anna    = "did:plc:pcqpyflohkj2fzgmn4xkhab7"
		invalid = "did:plc:u5hx3kfqzwy2odnm7cjrlvtg"
	)
	q := "at://" + anna + "/app.bsky.feed.post/3n2qdewnpk2qy"
	a := "at://" + cityDID + "/app.bsky.feed.post/3n2qicc2jk2zb"

	t.Run("nesting, authors and answers", func(t *testing.T) {
		want := scanner.Thread{
			PostID: t1, URL: "https://bsky.app/profile/kultur.stockholm.se/post/3n2qaqvc5c2ke", Published: day("2026-11-20T09:15:00Z"),
			Source: "https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=" + url.QueryEscape(t1) + "&depth=10&parentHeight=0",
			Replies: []scanner.Reply{
				{ID: q, URL: "https://bsky.app/profile/anna-l.bsky.social/post/3n2qdewnpk2qy", Parent: t1, Author: "anna-l.bsky.social",
					Published: day("2026-11-20T10:02:00.699Z"), Text: "@kultur.stockholm.se Hur länge är utställningen öppen?"},
				{ID: "at://" + invalid + "/app.bsky.feed.post/3n2qfiuzs22yd", URL: "https://bsky.app/profile/" + invalid + "/post/3n2qfiuzs22yd",
					Parent: t1, Author: invalid, Published: day("2026-11-20T10:40:00.633Z"), Text: "Fin affisch \u202eväg fel\u202c"},
				{ID: a, URL: "https://bsky.app/profile/kultur.stockholm.se/post/3n2qicc2jk2zb", Parent: q, Author: "kultur.stockholm.se",
					ByAccount: true, Published: day("2026-11-20T11:30:00.477Z"), Text: "Till och med 10 januari. Välkommen!"},
				{ID: "at://" + anna + "/app.bsky.feed.post/3n2qivxi4s2q2", URL: "https://bsky.app/profile/anna-l.bsky.social/post/3n2qivxi4s2q2",
					Parent: a, Author: "anna-l.bsky.social", Published: day("2026-11-20T11:41:00.818Z"), Text: "Tack!"},
			},
		}
		if diff := cmp.Diff(want, th1); diff != "" {
			t.Errorf("thread T1 (-want +got):\n%s", diff)
		}
	})

	t.Run("failing threads are cut, not the account", func(t *testing.T) {
		for _, tc := range []struct {
			th     scanner.Thread
			status int
			detail string
		}{{th2, 500, "Internal Server Error"}, {th5, 400, "Post not found"}} {
			if tc.th.Cut == nil || tc.th.Cut.StatusCode != tc.status || !strings.Contains(tc.th.Cut.Detail, tc.detail) || len(tc.th.Replies) != 0 {
				t.Errorf("thread %s: cut %+v, %d replies; want cut by HTTP %d %q and none", tc.th.PostID, tc.th.Cut, len(tc.th.Replies), tc.status, tc.detail)
			}
		}
		for _, th := range []scanner.Thread{th1, th3, th4} {
			if th.Cut != nil {
				t.Errorf("thread %s cut: %v", th.PostID, th.Cut)
			}
		}
	})

	t.Run("a reply at the depth limit with replies has more", func(t *testing.T) {
		if len(th3.Replies) != threadDepth || !th3.More {
			t.Fatalf("thread T3: %d replies, More %v; want %d and more", len(th3.Replies), th3.More, threadDepth)
		}
		parent := t3
		for i, r := range th3.Replies {
			if r.Parent != parent {
				t.Errorf("reply %d answers %s, want %s", i, r.Parent, parent)
			}
			if want := i%2 == 1; r.ByAccount != want {
				t.Errorf("reply %d ByAccount %v, want %v", i, r.ByAccount, want)
			}
			parent = r.ID
		}
		for _, th := range []scanner.Thread{th1, th4} {
			if th.More {
				t.Errorf("thread %s within the depth is marked as having more", th.PostID)
			}
		}
	})

	t.Run("a future date is when the AppView saw the reply", func(t *testing.T) {
		var got []time.Time
		for _, r := range th4.Replies {
			got = append(got, r.Published)
		}
		want := []time.Time{day("2026-11-19T07:12:00.510Z"), day("2026-11-19T08:03:02.591Z"), day("2026-11-19T09:30:00.471Z")}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("T4 reply dates (-want +got):\n%s", diff)
		}
	})

	t.Run("Clean removes controls from replies", func(t *testing.T) {
		res := scanner.Result{Fetched: scanner.Fetched{Dialogue: d}}.Clean()
		if got, want := res.Fetched.Dialogue.Threads[0].Replies[1].Text, "Fin affisch väg fel"; got != want {
			t.Errorf("cleaned text = %q, want %q", got, want)
		}
	})
}

// TestDialogueHiddenReplies: a reply the AppView shows only as blocked may
// hide an answer below it; a deleted one hides nothing. A thread whose
// post is gone or blocked is cut.
func TestDialogueHiddenReplies(t *testing.T) {
	post := `{"$type":"app.bsky.feed.defs#threadViewPost","post":{"uri":"` + t1 + `","author":{"did":"` + cityDID + `","handle":"kultur.stockholm.se"},"record":{"createdAt":"2026-11-20T09:15:00.000Z","text":"x"},"replyCount":2,"indexedAt":"2026-11-20T09:15:02.000Z"},"replies":[%s]}`
	for _, tt := range []struct {
		name, body string
		more       bool
		cut        scanner.ErrorKind
	}{
		{"blocked reply", fmt.Sprintf(post, `{"$type":"app.bsky.feed.defs#blockedPost","uri":"at://did:plc:x/app.bsky.feed.post/3n2qa","blocked":true,"author":{"did":"did:plc:x"}}`), true, ""},
		{"deleted reply", fmt.Sprintf(post, `{"$type":"app.bsky.feed.defs#notFoundPost","uri":"at://did:plc:x/app.bsky.feed.post/3n2qa","notFound":true}`), false, ""},
		{"post deleted", `{"$type":"app.bsky.feed.defs#notFoundPost","uri":"` + t1 + `","notFound":true}`, false, scanner.ErrNotFound},
		{"post blocked", `{"$type":"app.bsky.feed.defs#blockedPost","uri":"` + t1 + `","blocked":true,"author":{"did":"` + cityDID + `"}}`, false, scanner.ErrBlocked},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := &threadBody{f: serve(t, "dialogue"), body: []byte(`{"thread":` + tt.body + `}`)}
			cfg := DefaultConfig()
			cfg.MaxThreads = 1
			got, err := New(f, cfg).Fetch(context.Background(), scanner.Account{URL: "https://bsky.app/profile/kultur.stockholm.se"}, day("2026-11-14T00:00:00Z"))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			th := got.Dialogue.Threads[0]
			var cut scanner.ErrorKind
			if th.Cut != nil {
				cut = th.Cut.Kind
			}
			if th.More != tt.more || cut != tt.cut || len(th.Replies) != 0 {
				t.Errorf("More %v, cut %q, %d replies; want %v, %q, none", th.More, cut, len(th.Replies), tt.more, tt.cut)
			}
		})
	}
}

// threadBody answers every thread request with body, and passes the rest
// to f.
type threadBody struct {
	f    scanner.Fetcher
	body []byte
}

func (t *threadBody) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	if strings.Contains(req.URL, "getPostThread") {
		return &scanner.Response{URL: req.URL, StatusCode: 200, Body: t.body}, nil
	}
	return t.f.Fetch(ctx, req)
}

// TestDialogueCancelledScan: an interrupted scan while threads are read is
// no cut thread: the account is given up as not reached.
func TestDialogueCancelledScan(t *testing.T) {
	f := serve(t, "dialogue")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := &cancelFirstThread{f: f, cancel: cancel}
	_, err := New(c, DefaultConfig()).Fetch(ctx, scanner.Account{URL: "https://bsky.app/profile/kultur.stockholm.se"}, day("2026-11-14T00:00:00Z"))
	if err == nil {
		t.Fatal("Fetch succeeded after the scan was cancelled while threads were read")
	}
}

// cancelFirstThread cancels the scan just before the first thread request.
type cancelFirstThread struct {
	f      scanner.Fetcher
	cancel context.CancelFunc
}

func (c *cancelFirstThread) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	if strings.Contains(req.URL, "getPostThread") {
		c.cancel()
	}
	return c.f.Fetch(ctx, req)
}
