package youtube

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// testKey is the API key of the tests; it must never show anywhere but in
// the X-Goog-Api-Key header.
const testKey = "test-youtube-key-0123456789"

func apiConfig(maxPages int) Config {
	cfg := DefaultConfig()
	cfg.APIKey = testKey
	cfg.MaxPages = maxPages
	return cfg
}

func TestFetchAPIPaging(t *testing.T) {
	const (
		id       = "UCIBT94atAUeQ6DBRMhaz3gg"
		channels = "https://www.googleapis.com/youtube/v3/channels?part=contentDetails,snippet&id=" + id
		uploads  = "https://www.googleapis.com/youtube/v3/playlistItems?part=contentDetails,snippet&playlistId=UUIBT94atAUeQ6DBRMhaz3gg&maxResults=50"
		page     = "https://www.youtube.com/@stockholmsstad/about"
	)
	tests := []struct {
		name         string
		since        string
		maxPages     int
		wantPosts    int
		wantOldest   string
		wantComplete string // "" for the zero time
		wantRequests []string
	}{
		{name: "first page reaches since", since: "2026-06-01T00:00:00Z", maxPages: 10,
			wantPosts: 50, wantOldest: "2026-01-27T11:00:00Z", wantComplete: "2026-01-27T11:00:00Z",
			wantRequests: []string{page, channels, uploads}},
		{name: "whole history on two pages", since: "2025-01-01T00:00:00Z", maxPages: 10,
			wantPosts: 73, wantOldest: "2025-10-04T11:00:00Z",
			wantRequests: []string{page, channels, uploads, uploads + "&pageToken=EAAaBlBUOkNESQ"}},
		{name: "page cap 1", since: "2025-01-01T00:00:00Z", maxPages: 1,
			wantPosts: 50, wantOldest: "2026-01-27T11:00:00Z", wantComplete: "2026-01-27T11:00:00Z",
			wantRequests: []string{page, channels, uploads}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "api")
			got, err := New(f, apiConfig(tt.maxPages)).Fetch(context.Background(),
				scanner.Account{URL: "https://www.youtube.com/@stockholmsstad"}, day(tt.since))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if len(got.Posts) != tt.wantPosts {
				t.Fatalf("%d posts, want %d", len(got.Posts), tt.wantPosts)
			}
			newest, oldest := got.Posts[0], got.Posts[len(got.Posts)-1]
			if !newest.Published.Equal(day("2026-09-29T11:00:00Z")) || newest.URL != "https://www.youtube.com/watch?v="+newest.ID {
				t.Errorf("newest post = %+v, want 2026-09-29T11:00:00Z with its watch URL", newest)
			}
			if !oldest.Published.Equal(day(tt.wantOldest)) {
				t.Errorf("oldest post at %v, want %s", oldest.Published, tt.wantOldest)
			}
			var wantComplete time.Time
			if tt.wantComplete != "" {
				wantComplete = day(tt.wantComplete)
			}
			if !got.CompleteSince.Equal(wantComplete) {
				t.Errorf("CompleteSince = %v, want %v", got.CompleteSince, wantComplete)
			}
			if got.Profile.DisplayName != "Stockholms stad – Stadsledningskontoret" || len(got.Profile.Links) != 2 {
				t.Errorf("profile %q with links %v: want the page's title, its link and the description's", got.Profile.DisplayName, got.Profile.Links)
			}
			wantSources := []string{page, channels, uploads}
			if fmt.Sprint(got.Sources) != fmt.Sprint(wantSources) {
				t.Errorf("Sources = %v, want %v", got.Sources, wantSources)
			}
			reqs := f.Requests()
			var urls []string
			for _, r := range reqs {
				// The requests for comments after the videos are
				// TestFetchAPIComments' concern.
				if !strings.Contains(r.URL, "/commentThreads?") && !strings.Contains(r.URL, "/videos?") {
					urls = append(urls, r.URL)
				}
			}
			if fmt.Sprint(urls) != fmt.Sprint(tt.wantRequests) {
				t.Errorf("requests = %v, want %v", urls, tt.wantRequests)
			}
			checkKeyOnlyInHeader(t, reqs, fmt.Sprintf("%+v", got))
		})
	}
}

// checkKeyOnlyInHeader checks that the key went to the API in its header
// only, and shows nowhere in the request URLs or in what was returned.
func checkKeyOnlyInHeader(t *testing.T, reqs []scanner.Request, returned string) {
	t.Helper()
	apiCalls := 0
	for _, r := range reqs {
		if strings.Contains(r.URL, testKey) || strings.Contains(r.URL, "key=") {
			t.Errorf("request URL %s carries the key", r.URL)
		}
		onAPI := strings.HasPrefix(r.URL, "https://www.googleapis.com/")
		if got := r.Header.Get("X-Goog-Api-Key"); onAPI != (got == testKey) {
			t.Errorf("request %s: X-Goog-Api-Key %q; want the key exactly on API requests", r.URL, got)
		}
		if onAPI {
			apiCalls++
		}
	}
	if apiCalls == 0 {
		t.Error("no API request made")
	}
	if strings.Contains(returned, testKey) {
		t.Errorf("the key shows in what Fetch returned: %s", returned)
	}
}

func TestFetchAPIErrors(t *testing.T) {
	tests := []struct {
		name, url  string
		wantStatus int
		wantDetail string
	}{
		{"quota exceeded", "https://www.youtube.com/@idrottstockholm", 403, "YouTube API quota exceeded"},
		{"key refused", "https://www.youtube.com/@trafikkontoret", 400, "the API key was refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "api-errors")
			_, err := New(f, apiConfig(10)).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("Fetch error = %v, want a *scanner.FetchError", err)
			}
			if fe.Kind != scanner.ErrHTTPStatus || fe.StatusCode != tt.wantStatus || fe.Detail != tt.wantDetail {
				t.Errorf("error = %+v, want HTTP %d %q", fe, tt.wantStatus, tt.wantDetail)
			}
			if !strings.HasPrefix(fe.URL, "https://www.googleapis.com/youtube/v3/channels?") {
				t.Errorf("error URL = %q, want the channels call", fe.URL)
			}
			checkKeyOnlyInHeader(t, f.Requests(), err.Error()+fmt.Sprintf(" %+v", fe))
		})
	}
}

func TestFetchAPIChannelWithoutVideos(t *testing.T) {
	f := serve(t, "api-errors")
	got, err := New(f, apiConfig(10)).Fetch(context.Background(),
		scanner.Account{URL: "https://www.youtube.com/@valnamnden"}, day("2026-09-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if len(got.Posts) != 0 || !got.CompleteSince.IsZero() {
		t.Errorf("%d posts, CompleteSince %v; want none and the zero time: a missing uploads playlist means no videos ever", len(got.Posts), got.CompleteSince)
	}
	if got.Profile.DisplayName != "Valnämnden Stockholms stad" || len(got.Sources) != 3 {
		t.Errorf("profile %q, sources %v; want the page's title and the page, channels and playlist URLs", got.Profile.DisplayName, got.Sources)
	}
	checkKeyOnlyInHeader(t, f.Requests(), fmt.Sprintf("%+v", got))
}

func TestPlaylistPosts(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		wantDates  []string
		wantOldest string
		wantErr    string
	}{
		{name: "video date first", body: `{"items":[{"contentDetails":{"videoId":"a1","videoPublishedAt":"2026-09-01T10:00:00Z"},"snippet":{"publishedAt":"2026-09-02T10:00:00Z"}},
			{"contentDetails":{"videoId":"b2","videoPublishedAt":"2026-08-01T10:00:00Z"},"snippet":{"publishedAt":"2026-08-01T10:00:05Z"}}]}`,
			wantDates: []string{"2026-09-01T10:00:00Z", "2026-08-01T10:00:00Z"}, wantOldest: "2026-08-01T10:00:00Z"},
		{name: "playlist date when the video's is missing", body: `{"items":[{"contentDetails":{"videoId":"c3"},"snippet":{"publishedAt":"2026-07-01T10:00:00Z"}}]}`,
			wantDates: []string{"2026-07-01T10:00:00Z"}, wantOldest: "2026-07-01T10:00:00Z"},
		{name: "no date", body: `{"items":[{"contentDetails":{"videoId":"d4"},"snippet":{}}]}`, wantErr: `video "d4": videoPublishedAt "" is not an RFC 3339 time`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pl playlistItemList
			if err := json.Unmarshal([]byte(tt.body), &pl); err != nil {
				t.Fatal(err)
			}
			posts, oldest, err := pl.posts("https://www.youtube.com", "https://api.example/p")
			if tt.wantErr != "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrUnparseable || fe.Detail != tt.wantErr || fe.URL != "https://api.example/p" {
					t.Errorf("error = %v, want ErrUnparseable %q naming the page", err, tt.wantErr)
				}
				return
			}
			var dates []string
			for _, p := range posts {
				dates = append(dates, p.Published.Format(time.RFC3339))
			}
			if err != nil || fmt.Sprint(dates) != fmt.Sprint(tt.wantDates) || !oldest.Equal(day(tt.wantOldest)) {
				t.Errorf("posts %v, oldest %v, %v; want %v, %s", dates, oldest, err, tt.wantDates, tt.wantOldest)
			}
		})
	}
}
