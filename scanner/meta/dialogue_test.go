package meta

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

// fbCommentsURL is the first comments request for a post of the
// facebook-comments tree.
func fbCommentsURL(post string) string {
	return "https://graph.facebook.com/v21.0/104392817650765_" + post +
		"/comments?fields=id,from,message,created_time,parent%7Bid%7D,permalink_url&filter=stream&order=chronological&limit=100"
}

// igCommentsURL is the first comments request for a media item of the
// instagram-comments tree.
func igCommentsURL(media string) string {
	return "https://graph.facebook.com/v21.0/" + media +
		"/comments?fields=id,text,timestamp,username,from,replies%7Bid,text,timestamp,username,from%7D&limit=50"
}

// commentRequests lists the requests for comments, in order.
func commentRequests(reqs []scanner.Request) []string {
	var out []string
	for _, r := range reqs {
		if strings.Contains(r.URL, "/comments?") {
			out = append(out, r.URL)
		}
	}
	return out
}

func TestFacebookComments(t *testing.T) {
	f := serve(t, "facebook-comments")
	got, err := NewFacebook(f, testConfig()).Fetch(context.Background(),
		scanner.Account{URL: "https://www.facebook.com/kulturhusetstadsteatern"}, day("2026-09-01T00:00:00Z"))
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	// Own posts since 2026-09-01 with comments by the summary's count:
	// 101, 102, 103 and 106. 104 has none, 105 is a share, 107 is older.
	wantAsked := []string{
		fbCommentsURL("1229000000000101"),
		fbCommentsURL("1229000000000101") + "&after=QVFI3vgTTm8aVoaFabNlFtOncocqKJo",
		fbCommentsURL("1229000000000102"),
		fbCommentsURL("1229000000000102") + "&after=QVFIWC5TCkTdnyFPDIk9W89Xm-PGG5k",
		fbCommentsURL("1229000000000103"),
		fbCommentsURL("1229000000000106"),
	}
	if diff := cmp.Diff(wantAsked, commentRequests(f.Requests()), sameQuery); diff != "" {
		t.Errorf("comment requests (-want +got):\n%s", diff)
	}
	d := got.Dialogue
	if d == nil || d.WithReplies != 4 || d.MaxThreads != scanner.DefaultMaxThreads || len(d.Threads) != 4 {
		t.Fatalf("Dialogue = %+v; want 4 threads of 4 with comments, cap %d", d, scanner.DefaultMaxThreads)
	}

	t.Run("two pages, question and the page's answer", func(t *testing.T) {
		th := d.Threads[0]
		if th.PostID != "104392817650765_1229000000000101" || th.URL != "https://www.facebook.com/104392817650765/posts/1229000000000101" ||
			!th.Published.Equal(day("2026-09-28T10:00:00Z")) || th.Cut != nil || th.More || th.Source != fbCommentsURL("1229000000000101") {
			t.Fatalf("thread = %+v; want post 101, whole and not cut", th)
		}
		want := []scanner.Reply{
			{ID: "1229000000000101_1229000000200001", URL: "https://www.facebook.com/104392817650765/posts/1229000000000101/?comment_id=1229000000200001",
				Parent: "104392817650765_1229000000000101", Author: "Maria Lind", Published: day("2026-09-28T12:04:00Z"),
				Text: "Kommer ni att ha öppet under höstlovet?"},
			{ID: "1229000000000101_1229000000200002", URL: "https://www.facebook.com/104392817650765/posts/1229000000000101/?comment_id=1229000000200002",
				Parent: "104392817650765_1229000000000101", Author: "Johan Berg", Published: day("2026-09-28T15:40:00Z"), Text: "Tack för tipset!"},
			{ID: "1229000000000101_1229000000200003", URL: "https://www.facebook.com/104392817650765/posts/1229000000000101/?comment_id=1229000000200001&reply_comment_id=1229000000200003",
				Parent: "1229000000000101_1229000000200001", Author: "Kulturhuset Stadsteatern", ByAccount: true, Published: day("2026-09-29T07:31:00Z"),
				Text: "Hej Maria! Ja, vi har öppet alla dagar under höstlovet."},
			{ID: "1229000000000101_1229000000200004", URL: "https://www.facebook.com/104392817650765/posts/1229000000000101/?comment_id=1229000000200001&reply_comment_id=1229000000200004",
				Parent: "1229000000000101_1229000000200001", Author: "Maria Lind", Published: day("2026-09-29T08:02:00Z"), Text: "Toppen, tack!"},
		}
		if diff := cmp.Diff(want, th.Replies); diff != "" {
			t.Errorf("replies (-want +got):\n%s", diff)
		}
	})
	t.Run("more than two pages", func(t *testing.T) {
		th := d.Threads[1]
		if !th.More || th.Cut != nil || len(th.Replies) != 2 {
			t.Errorf("thread = %+v; want the two pages' comments and More", th)
		}
	})
	t.Run("failed request", func(t *testing.T) {
		th := d.Threads[2]
		if th.Cut == nil || th.Cut.StatusCode != 500 || th.Cut.URL != fbCommentsURL("1229000000000103") || len(th.Replies) != 0 ||
			th.Source != fbCommentsURL("1229000000000103") {
			t.Errorf("thread = %+v, Cut %v; want cut by the HTTP 500", th, th.Cut)
		}
	})
	t.Run("author left out", func(t *testing.T) {
		th := d.Threads[3]
		if th.Cut == nil || th.Cut.Kind != scanner.ErrUnparseable || !strings.Contains(th.Cut.Detail, "from") || len(th.Replies) != 2 {
			t.Fatalf("thread = %+v, Cut %v; want both comments kept and the thread cut for the missing from", th, th.Cut)
		}
		if th.Replies[0].Author != "" || th.Replies[0].ByAccount || !th.Replies[1].ByAccount {
			t.Errorf("replies = %+v; want the first without author, the second the page's", th.Replies)
		}
	})
}

func TestFacebookCommentsCap(t *testing.T) {
	f := serve(t, "facebook-comments")
	cfg := testConfig()
	cfg.MaxThreads = 1
	got, err := NewFacebook(f, cfg).Fetch(context.Background(),
		scanner.Account{URL: "https://www.facebook.com/kulturhusetstadsteatern"}, day("2026-09-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	asked := commentRequests(f.Requests())
	if len(asked) != 2 || !strings.Contains(asked[0], "_1229000000000101/") || !strings.Contains(asked[1], "_1229000000000101/") {
		t.Errorf("comment requests = %v; want only the newest post's two pages", asked)
	}
	if d := got.Dialogue; d == nil || d.WithReplies != 4 || d.MaxThreads != 1 || len(d.Threads) != 1 {
		t.Errorf("Dialogue = %+v; want 1 thread read of 4, cap 1", d)
	}
}

func TestInstagramComments(t *testing.T) {
	f := serve(t, "instagram-comments")
	got, err := NewInstagram(f, testConfig()).Fetch(context.Background(),
		scanner.Account{URL: "https://www.instagram.com/kulturhuset_sthlm/"}, day("2026-09-01T00:00:00Z"))
	checkNoToken(t, f, got, err)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	// Media since 2026-09-01 with comments_count > 0: m1, m2 and m4.
	asked := commentRequests(f.Requests())
	wantAsked := []string{igCommentsURL("17900000700000001"), igCommentsURL("17900000700000002"),
		igCommentsURL("17900000700000002") + "&after=QVFIiTEWiJKFMEKy1s0-6LI0HJ0mUsU", igCommentsURL("17900000700000004")}
	if diff := cmp.Diff(wantAsked, asked, sameQuery); diff != "" {
		t.Errorf("comment requests (-want +got):\n%s", diff)
	}
	d := got.Dialogue
	if d == nil || d.WithReplies != 3 || len(d.Threads) != 3 {
		t.Fatalf("Dialogue = %+v; want 3 threads of 3 with comments", d)
	}

	t.Run("question, answer and replies paged further", func(t *testing.T) {
		th := d.Threads[0]
		if th.PostID != "17900000700000001" || th.URL != "https://www.instagram.com/p/Kh1aA0bB1cC/" || th.Cut != nil || !th.More ||
			th.Source != igCommentsURL("17900000700000001") {
			t.Fatalf("thread = %+v; want media m1, not cut, More for the replies' next page", th)
		}
		want := []scanner.Reply{
			{ID: "17900000700100001", Parent: "17900000700000001", Author: "lisa.andersson", Published: day("2026-09-28T11:00:00Z"), Text: "Hur länge pågår utställningen?"},
			{ID: "17900000700100003", Parent: "17900000700100001", Author: "kulturhuset_sthlm", ByAccount: true, Published: day("2026-09-28T14:20:00Z"),
				Text: "@lisa.andersson Till och med 10 januari!"},
			{ID: "17900000700100002", Parent: "17900000700000001", Author: "erik_ek", Published: day("2026-09-28T18:00:00Z"), Text: "😍😍"},
			{ID: "17900000700100005", Parent: "17900000700100002", Author: "lisa.andersson", Published: day("2026-09-28T19:00:00Z"), Text: "@erik_ek håller med"},
		}
		if diff := cmp.Diff(want, th.Replies); diff != "" {
			t.Errorf("replies (-want +got):\n%s", diff)
		}
	})
	t.Run("second page", func(t *testing.T) {
		th := d.Threads[1]
		if th.Cut != nil || th.More || len(th.Replies) != 2 || th.Replies[0].Text != "Vem har gjort scenografin?" {
			t.Errorf("thread = %+v; want both pages' comments, oldest first, whole", th)
		}
	})
	t.Run("refused request", func(t *testing.T) {
		th := d.Threads[2]
		if th.Cut == nil || !strings.Contains(th.Cut.Detail, "permission") || len(th.Replies) != 0 {
			t.Errorf("thread = %+v, Cut %v; want cut by Graph's refusal", th, th.Cut)
		}
	})
}

// sameQuery compares two request URLs by path and query parameters, in
// any order: Graph writes paging.next with its own order.
var sameQuery = cmp.Comparer(func(a, b string) bool { return pageKey(a) == pageKey(b) })

// TestCancelledScanWhileReadingComments: an interrupted scan is not a
// thread cut short; the account is not judged on what was read.
func TestCancelledScanWhileReadingComments(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := serve(t, "facebook-comments")
	got, err := NewFacebook(cancelOnComments{f, cancel}, testConfig()).Fetch(ctx,
		scanner.Account{URL: "https://www.facebook.com/kulturhusetstadsteatern"}, day("2026-09-01T00:00:00Z"))
	if fe := scanner.AsFetchError(err); fe == nil || fe.Kind != scanner.ErrCanceled {
		t.Fatalf("Fetch = Dialogue %+v, error %v; want the cancellation as the error", got.Dialogue, err)
	}
}

// cancelOnComments cancels the scan as the first comments are asked for.
type cancelOnComments struct {
	f      scanner.Fetcher
	cancel context.CancelFunc
}

func (c cancelOnComments) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	if strings.Contains(req.URL, "/comments?") {
		c.cancel()
	}
	return c.f.Fetch(ctx, req)
}
