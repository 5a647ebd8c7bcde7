package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stockholm-stad/smaudit/scanner"
)

// timelineRequests leaves out the requests for threads' replies, for the
// tests about the account and its posts.
func timelineRequests(reqs []scanner.Request) []scanner.Request {
	var out []scanner.Request
	for _, r := range reqs {
		if !strings.HasSuffix(r.URL, "/context") {
			out = append(out, r)
		}
	}
	return out
}

// The own posts of testdata/dialogue with replies, newest first: A (a
// question answered in a nested reply), C (its context answers 503), F
// (a chain 20 replies deep, the deepest answered further down) and G (one
// reply longer than scanner.MaxReplyRunes). B has no replies, D answers
// someone else and H is older than the window.
const (
	postA = "117348139008060321"
	postC = "117325017907200218"
	postF = "117290572185648189"
	postG = "117280525516844522"
)

func fetchDialogue(t *testing.T, since string, opts ...Option) (*scanner.Dialogue, []string) {
	t.Helper()
	f := serve(t, "dialogue")
	got, err := New(f, opts...).Fetch(context.Background(), scanner.Account{URL: "https://mastodon.example/@kulturforvaltningen"}, day(since))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if got.Dialogue == nil {
		t.Fatal("Fetch read no dialogue")
	}
	var threads []string
	for _, r := range f.Requests() {
		if strings.HasSuffix(r.URL, "/context") {
			threads = append(threads, r.URL)
			if r.Page || r.Accept != "application/json" {
				t.Errorf("thread request %s: Page %v, Accept %q; want an API request", r.URL, r.Page, r.Accept)
			}
		}
	}
	return got.Dialogue, threads
}

func threadIDs(d *scanner.Dialogue) []string {
	var ids []string
	for _, th := range d.Threads {
		ids = append(ids, th.PostID)
	}
	return ids
}

func TestDialogueCandidatesAndCap(t *testing.T) {
	for _, tt := range []struct {
		name, since      string
		opts             []Option
		wantThreads      []string
		wantWith, wantMx int
	}{
		{"own posts with replies in the window", "2026-09-01T00:00:00Z", nil, []string{postA, postC, postF, postG}, 4, scanner.DefaultMaxThreads},
		{"the newest two", "2026-09-01T00:00:00Z", []Option{WithMaxThreads(2)}, []string{postA, postC}, 4, 2},
		{"zero takes the default", "2026-09-01T00:00:00Z", []Option{WithMaxThreads(0)}, []string{postA, postC, postF, postG}, 4, scanner.DefaultMaxThreads},
		{"window start leaves older posts out", "2026-09-25T00:00:00Z", nil, []string{postA}, 1, scanner.DefaultMaxThreads},
		{"no post in the window", "2026-09-30T00:00:00Z", nil, nil, 0, scanner.DefaultMaxThreads},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, reqs := fetchDialogue(t, tt.since, tt.opts...)
			if diff := cmp.Diff(tt.wantThreads, threadIDs(d)); diff != "" {
				t.Errorf("threads (-want +got):\n%s", diff)
			}
			if len(reqs) != len(tt.wantThreads) {
				t.Errorf("%d thread requests, want one per thread read: %v", len(reqs), reqs)
			}
			if d.WithReplies != tt.wantWith || d.MaxThreads != tt.wantMx {
				t.Errorf("WithReplies %d, MaxThreads %d; want %d, %d", d.WithReplies, d.MaxThreads, tt.wantWith, tt.wantMx)
			}
		})
	}
}

func TestDialogueThreads(t *testing.T) {
	d, _ := fetchDialogue(t, "2026-09-01T00:00:00Z")
	if len(d.Threads) != 4 {
		t.Fatalf("%d threads, want 4", len(d.Threads))
	}
	a, c, f, g := d.Threads[0], d.Threads[1], d.Threads[2], d.Threads[3]

	t.Run("nesting, authors and answers", func(t *testing.T) {
		want := scanner.Thread{
			PostID: postA, URL: "https://mastodon.example/@kulturforvaltningen/" + postA, Published: day("2026-09-28T10:15:00Z"),
			Source: "https://mastodon.example/api/v1/statuses/" + postA + "/context",
			Replies: []scanner.Reply{
				{ID: "117348559749146166", URL: "https://social.example/@lena/117348559749693804", Parent: postA, Author: "lena@social.example",
					Published: day("2026-09-28T12:02:00Z"), Text: "@kulturforvaltningen Behöver man anmäla sig till sagostunderna?\nVi är fyra barn."},
				{ID: "117348728832002438", URL: "https://mastodon.example/@omar/117348728832002438", Parent: postA, Author: "omar",
					Published: day("2026-09-28T12:45:00Z"), Text: "@kulturforvaltningen Film & verkstad samma dag \u202eväg fel\u202c? Snyggt <3"},
				{ID: "117348905779244171", URL: "https://mastodon.example/@kulturforvaltningen/117348905779244171", Parent: "117348559749146166",
					Author: "kulturforvaltningen", ByAccount: true, Published: day("2026-09-28T13:30:00Z"), Text: "@lena Nej, det är drop-in. Välkomna!"},
				{ID: "117348949033013033", Parent: "117348905779244171", Author: "lena@social.example",
					Published: day("2026-09-28T13:41:00Z"), Text: "@kulturforvaltningen Tack!"},
			},
		}
		if diff := cmp.Diff(want, a, cmpopts.IgnoreFields(scanner.Reply{}, "URL")); diff != "" {
			t.Errorf("thread A (-want +got):\n%s", diff)
		}
		for i, r := range want.Replies {
			if r.URL != "" && a.Replies[i].URL != r.URL {
				t.Errorf("reply %s URL = %q, want %q", r.ID, a.Replies[i].URL, r.URL)
			}
		}
	})

	t.Run("a failing thread is cut, not the account", func(t *testing.T) {
		if c.PostID != postC || c.Cut == nil || c.Cut.Kind != scanner.ErrHTTPStatus || c.Cut.StatusCode != 503 || len(c.Replies) != 0 {
			t.Errorf("thread C = %+v (cut %+v), want no replies and cut by HTTP 503", c, c.Cut)
		}
		if !strings.HasSuffix(c.Cut.URL, "/api/v1/statuses/"+postC+"/context") {
			t.Errorf("cut URL = %q, want the thread's context", c.Cut.URL)
		}
		for _, th := range []scanner.Thread{a, f, g} {
			if th.Cut != nil {
				t.Errorf("thread %s cut: %v", th.PostID, th.Cut)
			}
		}
	})

	t.Run("a chain at the depth limit has more", func(t *testing.T) {
		if len(f.Replies) != contextMaxDepth || !f.More {
			t.Fatalf("thread F: %d replies, More %v; want %d and more", len(f.Replies), f.More, contextMaxDepth)
		}
		parent := postF
		for i, r := range f.Replies {
			if r.Parent != parent {
				t.Errorf("reply %d answers %s, want %s", i, r.Parent, parent)
			}
			if want := i%2 == 1; r.ByAccount != want {
				t.Errorf("reply %d ByAccount %v, want %v", i, r.ByAccount, want)
			}
			parent = r.ID
		}
		if a.More || g.More {
			t.Error("a thread within Mastodon's limits is marked as having more")
		}
	})

	t.Run("long texts are capped", func(t *testing.T) {
		if len(g.Replies) != 1 {
			t.Fatalf("thread G has %d replies, want 1", len(g.Replies))
		}
		text := g.Replies[0].Text
		if n := utf8.RuneCountInString(text); n != scanner.MaxReplyRunes || !strings.HasPrefix(text, "@kulturforvaltningen Jag har skrivit") {
			t.Errorf("long reply kept %d runes, starting %.40q; want %d of its plain text", n, text, scanner.MaxReplyRunes)
		}
	})

	t.Run("Clean removes controls from replies", func(t *testing.T) {
		res := scanner.Result{Fetched: scanner.Fetched{Dialogue: d}}.Clean()
		if got, want := res.Fetched.Dialogue.Threads[0].Replies[1].Text, "@kulturforvaltningen Film & verkstad samma dag väg fel? Snyggt <3"; got != want {
			t.Errorf("cleaned text = %q, want %q", got, want)
		}
	})
}

// TestDialogueMoreAtDescendantLimit: a logged-out context shows at most
// 60 descendants; a thread that long may hold the answer beyond them.
func TestDialogueMoreAtDescendantLimit(t *testing.T) {
	body, err := os.ReadFile("testdata/dialogue/mastodon.example/context-a.json")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Descendants []map[string]any `json:"descendants"`
	}
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		n    int
		more bool
	}{{contextMaxDescendants - 1, false}, {contextMaxDescendants, true}} {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			var desc []map[string]any
			for i := range tt.n {
				s := map[string]any{}
				for k, v := range c.Descendants[3] { // a direct reply to the post
					s[k] = v
				}
				s["id"] = fmt.Sprint(117348728832002438 + i)
				desc = append(desc, s)
			}
			ctxBody, err := json.Marshal(map[string]any{"ancestors": []any{}, "descendants": desc})
			if err != nil {
				t.Fatal(err)
			}
			f := &threadBody{f: serve(t, "dialogue"), body: ctxBody}
			got, err := New(f, WithMaxThreads(1)).Fetch(context.Background(), scanner.Account{URL: "https://mastodon.example/@kulturforvaltningen"}, day("2026-09-01T00:00:00Z"))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			th := got.Dialogue.Threads[0]
			if len(th.Replies) != tt.n || th.More != tt.more {
				t.Errorf("%d replies, More %v; want %d, %v", len(th.Replies), th.More, tt.n, tt.more)
			}
		})
	}
}

// threadBody answers every context request with body, and passes the
// rest to f.
type threadBody struct {
	f    scanner.Fetcher
	body []byte
}

func (t *threadBody) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	if strings.HasSuffix(req.URL, "/context") {
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
	_, err := New(&cancelAfter{f: f, n: 3, cancel: cancel}).Fetch(ctx, scanner.Account{URL: "https://mastodon.example/@kulturforvaltningen"}, day("2026-09-01T00:00:00Z"))
	if err == nil {
		t.Fatal("Fetch succeeded after the scan was cancelled while threads were read")
	}
}
