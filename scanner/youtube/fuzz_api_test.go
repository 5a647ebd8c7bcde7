package youtube

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
)

func FuzzPlaylistPage(f *testing.F) {
	seedPlaylistPages(f)
	f.Add([]byte(`{"nextPageToken":"x","items":[{"contentDetails":{"videoId":"a","videoPublishedAt":"2026-09-01T10:00:00+02:00"}}]}`))
	f.Add([]byte(`{"items":[{"contentDetails":{"videoId":" "},"snippet":{"publishedAt":"2026-09-01T10:00:00Z"}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var pl playlistItemList
		if json.Unmarshal(body, &pl) != nil {
			return
		}
		posts, oldest, err := pl.posts("https://www.youtube.com", "https://api.example/p")
		if err != nil {
			var fe *scanner.FetchError
			if !errors.As(err, &fe) || fe.Kind != scanner.ErrUnparseable {
				t.Errorf("error %v is not ErrUnparseable", err)
			}
			return
		}
		if len(posts) != len(pl.Items) {
			t.Errorf("%d posts of %d items", len(posts), len(pl.Items))
		}
		for _, p := range posts {
			if strings.TrimSpace(p.ID) == "" {
				t.Errorf("post without id: %+v", p)
			}
			if p.Published.Before(oldest) {
				t.Errorf("post %s at %v is older than the page's oldest, %v", p.ID, p.Published, oldest)
			}
			if !strings.HasPrefix(p.URL, "https://www.youtube.com/watch?v=") {
				t.Errorf("post URL %q", p.URL)
			}
		}
	})
}

// seedPlaylistPages adds each recorded playlist page cut to its first two
// items: whole 50-item pages stall the fuzzer's mutator.
func seedPlaylistPages(f *testing.F) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*", "*uploads*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no playlist pages: %v", err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var page map[string]any
		if err := json.Unmarshal(b, &page); err != nil {
			f.Fatalf("%s: %v", file, err)
		}
		if items, ok := page["items"].([]any); ok && len(items) > 2 {
			page["items"] = items[:2]
		}
		b, err = json.Marshal(page)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzAPIError(f *testing.F) {
	f.Add(403, []byte(`{"error":{"code":403,"message":"The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.","errors":[{"reason":"quotaExceeded"}]}}`))
	f.Add(400, []byte(`{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}`))
	f.Add(404, []byte(`{"error":{"code":404,"message":"playlist test-youtube-key-0123456789 not found","errors":[{"reason":"playlistNotFound"}]}}`))
	f.Add(500, []byte(`<html>Internal error</html>`))
	a := New(nil, apiConfig(1))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		in := &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: status, Detail: "HTTP error"}
		err := a.apiError("https://api.example/x", &scanner.Response{StatusCode: status, Body: body}, in)
		var fe *scanner.FetchError
		if !errors.As(err, &fe) {
			t.Fatalf("apiError gave %T", err)
		}
		if fe.Kind != scanner.ErrHTTPStatus && fe.Kind != scanner.ErrNotFound {
			t.Errorf("kind %s", fe.Kind)
		}
		if fe.URL != "https://api.example/x" || fe.StatusCode != status {
			t.Errorf("URL %q, status %d; want the request's", fe.URL, fe.StatusCode)
		}
		if strings.Contains(fe.Error(), testKey) {
			t.Errorf("the key shows: %s", fe.Error())
		}
		if in.Detail != "HTTP error" {
			t.Errorf("the fetcher's error was changed: %+v", in)
		}
	})
}

func FuzzCommentThreads(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "api-comments", "*", "comments-*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no comment pages: %v", err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"items":[{"snippet":{"topLevelComment":{"id":"a","snippet":{"publishedAt":"2026-09-01T10:00:00+02:00"}},"totalReplyCount":2},` +
		`"replies":{"comments":[{"id":"a.b","snippet":{"parentId":"","publishedAt":"2026-09-01T07:00:00Z","authorChannelId":{"value":"UCx"}}}]}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var l commentThreadList
		if json.Unmarshal(body, &l) != nil {
			return
		}
		replies, _, err := l.replies("https://www.youtube.com", "vid", "UCx")
		if err != nil {
			return
		}
		n := 0
		for _, it := range l.Items {
			n += 1 + len(it.Replies.Comments)
		}
		if len(replies) != n {
			t.Errorf("%d replies of %d comments", len(replies), n)
		}
		for i, r := range replies {
			if strings.TrimSpace(r.ID) == "" || r.Parent == "" || r.Published.IsZero() || (i > 0 && r.Published.Before(replies[i-1].Published)) {
				t.Errorf("reply %d: %+v; want an id, a parent, a date, oldest first", i, r)
			}
			if utf8.RuneCountInString(r.Text) > scanner.MaxReplyRunes || !strings.HasPrefix(r.URL, "https://www.youtube.com/watch?v=vid&lc=") {
				t.Errorf("reply %s: %d runes, URL %q", r.ID, utf8.RuneCountInString(r.Text), r.URL)
			}
		}
	})
}
