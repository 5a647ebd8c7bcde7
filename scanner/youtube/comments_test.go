package youtube

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

// commentsURL is the commentThreads request for a video of the
// api-comments tree.
func commentsURL(video string) string {
	return "https://www.googleapis.com/youtube/v3/commentThreads?part=snippet,replies&videoId=" + video + "&maxResults=100&textFormat=plainText"
}

// statsURL is the videos.list request for the comment counts of videos.
func statsURL(videos ...string) string {
	return "https://www.googleapis.com/youtube/v3/videos?part=statistics&id=" + strings.Join(videos, ",") + "&maxResults=50"
}

// fetchComments fetches the api-comments tree's channel with the key, the
// cap maxThreads and the window start since, and returns what it read and
// the comment requests made.
func fetchComments(t *testing.T, maxThreads int, since string) (*scanner.Dialogue, []string, string) {
	t.Helper()
	f := serve(t, "api-comments")
	cfg := apiConfig(10)
	cfg.MaxThreads = maxThreads
	got, err := New(f, cfg).Fetch(context.Background(), scanner.Account{URL: "https://www.youtube.com/@stockholmsstad"}, day(since))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if got.Dialogue == nil {
		t.Fatal("Dialogue is nil; with a key the adapter reads comments")
	}
	var asked []string
	for _, r := range f.Requests() {
		if strings.Contains(r.URL, "/commentThreads?") || strings.Contains(r.URL, "/videos?") {
			asked = append(asked, r.URL)
		}
	}
	checkKeyOnlyInHeader(t, f.Requests(), fmt.Sprintf("%+v", got))
	return got.Dialogue, asked, fmt.Sprintf("%+v", got)
}

func TestFetchAPIComments(t *testing.T) {
	d, asked, _ := fetchComments(t, 0, "2026-09-01T00:00:00Z")
	// Six own videos from 2026-09-04 to 09-29. videos.list gives their
	// comment counts: 1-KoHPrf2N6 has comments turned off (no
	// commentCount), the other five have comments, and the default cap
	// of 10 reads them all, newest first.
	six := []string{"S1npN0DAU1J", "1-KoHPrf2N6", "MeMMBpkDJed", "KgUhejTQygv", "GqAQwDFfpQR", "LyJ2C-wSXg1"}
	videos := []string{"S1npN0DAU1J", "MeMMBpkDJed", "KgUhejTQygv", "GqAQwDFfpQR", "LyJ2C-wSXg1"}
	want := []string{statsURL(six...)}
	for _, v := range videos {
		want = append(want, commentsURL(v))
	}
	if diff := cmp.Diff(want, asked); diff != "" {
		t.Errorf("requests for comments (-want +got):\n%s", diff)
	}
	if d.WithReplies != 5 || d.MaxThreads != scanner.DefaultMaxThreads || d.Hidden != "" {
		t.Errorf("WithReplies %d, MaxThreads %d, Hidden %q; want 5, %d, none", d.WithReplies, d.MaxThreads, d.Hidden, scanner.DefaultMaxThreads)
	}
	if len(d.Threads) != 5 {
		t.Fatalf("%d threads, want 5", len(d.Threads))
	}
	for i, th := range d.Threads {
		if th.PostID != videos[i] || th.URL != "https://www.youtube.com/watch?v="+videos[i] || th.Published.IsZero() || th.Source != commentsURL(videos[i]) {
			t.Errorf("thread %d = %s %s %v from %s, want video %s with its watch URL, date and commentThreads request", i, th.PostID, th.URL, th.Published, th.Source, videos[i])
		}
	}

	t.Run("question and the channel's answer", func(t *testing.T) {
		th := d.Threads[0]
		if th.Cut != nil {
			t.Fatalf("Cut = %v", th.Cut)
		}
		// 6 replies under Olle's comment, 5 included: the rest may hold
		// an answer.
		if !th.More {
			t.Error("More = false; a thread's totalReplyCount 6 with 5 replies included must say so")
		}
		if len(th.Replies) != 8 {
			t.Fatalf("%d replies, want 2 top-level comments and 6 replies", len(th.Replies))
		}
		for i := 1; i < len(th.Replies); i++ {
			if th.Replies[i].Published.Before(th.Replies[i-1].Published) {
				t.Errorf("reply %d is older than reply %d: want oldest first", i, i-1)
			}
		}
		q, a := th.Replies[0], th.Replies[2]
		wantQ := scanner.Reply{ID: q.ID, URL: "https://www.youtube.com/watch?v=S1npN0DAU1J&lc=" + q.ID, Parent: "S1npN0DAU1J",
			Author: "annasvensson", Published: day("2026-09-29T15:02:11Z"), Text: "Hej! Är konserten gratis eller behöver man biljett?"}
		if diff := cmp.Diff(wantQ, q); diff != "" {
			t.Errorf("question (-want +got):\n%s", diff)
		}
		wantA := scanner.Reply{ID: q.ID + a.ID[len(q.ID):], URL: "https://www.youtube.com/watch?v=S1npN0DAU1J&lc=" + a.ID, Parent: q.ID,
			Author: "stockholmsstad", ByAccount: true, Published: day("2026-09-30T07:40:05Z"),
			Text: "Hej Anna! Den är gratis, ingen biljett behövs. Välkommen!"}
		if diff := cmp.Diff(wantA, a); diff != "" {
			t.Errorf("answer (-want +got):\n%s", diff)
		}
		for _, r := range th.Replies {
			if r.ByAccount != (r.Author == "stockholmsstad") {
				t.Errorf("reply %s by %s: ByAccount %v", r.ID, r.Author, r.ByAccount)
			}
		}
	})
	t.Run("failed request", func(t *testing.T) {
		th := d.Threads[1]
		if th.Cut == nil || th.Cut.StatusCode != 500 || th.Cut.URL != commentsURL("MeMMBpkDJed") || len(th.Replies) != 0 {
			t.Errorf("thread = %+v, Cut %v; want cut by the HTTP 500 with its URL", th, th.Cut)
		}
	})
	t.Run("count ahead of the comments", func(t *testing.T) {
		th := d.Threads[2]
		if th.Cut != nil || th.More || len(th.Replies) != 0 {
			t.Errorf("thread = %+v; want an empty, complete thread", th)
		}
	})
	t.Run("further page of threads", func(t *testing.T) {
		th := d.Threads[3]
		if th.Cut != nil || !th.More || len(th.Replies) != 1 {
			t.Errorf("thread = %+v; want its one comment and More for the nextPageToken", th)
		}
	})
	t.Run("undatable comment", func(t *testing.T) {
		th := d.Threads[4]
		if th.Cut == nil || th.Cut.Kind != scanner.ErrUnparseable || !strings.Contains(th.Cut.Detail, `"igår"`) || len(th.Replies) != 0 {
			t.Errorf("thread = %+v, Cut %v; want cut as unparseable, naming the time", th, th.Cut)
		}
	})
}

// TestFetchAPICommentsWithoutCounts: when videos.list fails, no count is
// known, every video since the window start may have comments, and a
// video with comments turned off is a thread without replies, not a
// thread cut short.
func TestFetchAPICommentsWithoutCounts(t *testing.T) {
	d, asked, _ := fetchComments(t, 0, "2026-09-20T00:00:00Z")
	want := []string{statsURL("S1npN0DAU1J", "1-KoHPrf2N6"), commentsURL("S1npN0DAU1J"), commentsURL("1-KoHPrf2N6")}
	if diff := cmp.Diff(want, asked); diff != "" {
		t.Errorf("requests for comments (-want +got):\n%s", diff)
	}
	if d.WithReplies != 2 || len(d.Threads) != 2 {
		t.Fatalf("Dialogue = %+v; want both videos read", d)
	}
	if th := d.Threads[1]; th.PostID != "1-KoHPrf2N6" || th.Cut != nil || th.More || len(th.Replies) != 0 {
		t.Errorf("thread = %+v, Cut %v; want no replies, not cut: a video without comments holds no question", th, th.Cut)
	}
}

func TestFetchAPICommentsCap(t *testing.T) {
	tests := []struct {
		name       string
		maxThreads int
		since      string
		wantAsked  []string
		wantWith   int
	}{
		{name: "cap 2 reads the newest two with comments", maxThreads: 2, since: "2026-09-01T00:00:00Z",
			wantAsked: []string{statsURL("S1npN0DAU1J", "1-KoHPrf2N6", "MeMMBpkDJed", "KgUhejTQygv", "GqAQwDFfpQR", "LyJ2C-wSXg1"),
				commentsURL("S1npN0DAU1J"), commentsURL("MeMMBpkDJed")}, wantWith: 5},
		{name: "no video in the window, no request", maxThreads: 10, since: "2026-10-01T00:00:00Z", wantWith: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, asked, _ := fetchComments(t, tt.maxThreads, tt.since)
			if diff := cmp.Diff(tt.wantAsked, asked); diff != "" {
				t.Errorf("requests for comments (-want +got):\n%s", diff)
			}
			wantThreads := max(len(tt.wantAsked)-1, 0)
			if d.WithReplies != tt.wantWith || len(d.Threads) != wantThreads || d.MaxThreads != tt.maxThreads {
				t.Errorf("WithReplies %d, %d threads, MaxThreads %d; want %d, %d, %d", d.WithReplies, len(d.Threads), d.MaxThreads, tt.wantWith, wantThreads, tt.maxThreads)
			}
		})
	}
}

func TestFetchWithoutKeyHidesComments(t *testing.T) {
	f := serve(t, "pass")
	got, err := New(f, DefaultConfig()).Fetch(context.Background(), scanner.Account{URL: "https://www.youtube.com/@kulturforvaltningen"}, time.Time{})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := &scanner.Dialogue{MaxThreads: scanner.DefaultMaxThreads, Hidden: "the YouTube Data API key is needed to read comments"}
	if diff := cmp.Diff(want, got.Dialogue); diff != "" {
		t.Errorf("Dialogue (-want +got):\n%s", diff)
	}
	for _, r := range f.Requests() {
		if strings.Contains(r.URL, "comment") {
			t.Errorf("asked %s without a key", r.URL)
		}
	}
}

// countsFetcher answers every request with body and keeps the URLs asked.
type countsFetcher struct {
	body string
	urls []string
}

func (f *countsFetcher) Fetch(_ context.Context, req scanner.Request) (*scanner.Response, error) {
	f.urls = append(f.urls, req.URL)
	return &scanner.Response{URL: req.URL, StatusCode: 200, Body: []byte(f.body)}, nil
}

func TestCommentCounts(t *testing.T) {
	var posts []scanner.Post
	for i := range 60 {
		posts = append(posts, scanner.Post{ID: fmt.Sprintf("v%02d", i)})
	}
	f := &countsFetcher{body: `{"items":[{"id":"v00","statistics":{"commentCount":"3"}},{"id":"v01","statistics":{}},` +
		`{"id":"v02","statistics":{"commentCount":"många"}},{"id":"v03","statistics":{"commentCount":"0"}}]}`}
	a := New(f, apiConfig(1))
	got, err := a.commentCounts(context.Background(), posts)
	if err != nil {
		t.Fatal(err)
	}
	// Comments off (no commentCount) is 0; a count that is no number is
	// no count, as for videos the answer leaves out.
	if diff := cmp.Diff(map[string]int{"v00": 3, "v01": 0, "v03": 0}, got); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if len(f.urls) != 1 || strings.Count(f.urls[0], ",") != 49 || !strings.Contains(f.urls[0], "id=v00,v01,") || strings.Contains(f.urls[0], "v50") {
		t.Errorf("requests = %v; want one for the 50 newest", f.urls)
	}
	if got, err := a.commentCounts(context.Background(), nil); got != nil || err != nil || len(f.urls) != 1 {
		t.Errorf("no videos: counts %v, error %v, %d requests; want no request", got, err, len(f.urls))
	}
}
