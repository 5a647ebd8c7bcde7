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

func TestFetchPassingChannel(t *testing.T) {
	f := serve(t, "pass")
	got, err := New(f, DefaultConfig()).Fetch(context.Background(),
		scanner.Account{URL: "https://www.youtube.com/@kulturforvaltningen"}, day("2026-09-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	const title = "Kulturförvaltningen Stockholms stad"
	description := "Kulturförvaltningen i Stockholms stad visar film från stadens bibliotek, kulturskola, museer och konsthallar.\n\n" +
		"Vi modererar kommentarerna enligt våra kommentarsregler: stockholm.se/kommentarsregler. Det du skriver här kan bli allmän handling.\n" +
		"Frågor? Kontakta oss på kultur@stockholm.se eller 08-508 290 00 (vardagar 8–16).\n\n" +
		"Kanalen drivs av kulturförvaltningen, en del av Stockholms stad."
	wantProfile := scanner.Profile{
		DisplayName: title,
		Description: description,
		Text: title + "\n" + description + "\n" +
			"Webbplats: stockholm.se/kultur\n" +
			"Sociala medier och kommentarsregler: start.stockholm/om-webbplatsen/sociala-medier\n" +
			"Instagram: instagram.com/kulturistockholm",
		Links: []scanner.Link{
			{URL: "https://stockholm.se/kultur", Text: "Webbplats"},
			{URL: "https://start.stockholm/om-webbplatsen/sociala-medier/", Text: "Sociala medier och kommentarsregler"},
			{URL: "https://www.instagram.com/kulturistockholm/", Text: "Instagram"},
			{URL: "https://stockholm.se/kommentarsregler", Text: "stockholm.se/kommentarsregler"},
		},
	}
	if diff := cmp.Diff(wantProfile, got.Profile); diff != "" {
		t.Errorf("Profile mismatch (-want +got):\n%s", diff)
	}
	const id = "UC7zcn1CGj73DF_KWsJwpIzA"
	wantSources := []string{
		"https://www.youtube.com/@kulturforvaltningen/about",
		"https://www.youtube.com/feeds/videos.xml?channel_id=" + id,
	}
	if diff := cmp.Diff(wantSources, got.Sources); diff != "" {
		t.Errorf("Sources mismatch (-want +got):\n%s", diff)
	}
	if len(got.Posts) != 15 {
		t.Fatalf("%d posts, want the feed's 15", len(got.Posts))
	}
	wantFirst := scanner.Post{ID: "xbJNHWMaunM", URL: "https://www.youtube.com/watch?v=xbJNHWMaunM", Published: day("2026-09-29T14:00:00Z"),
		Source: "https://www.youtube.com/feeds/videos.xml?channel_id=UC7zcn1CGj73DF_KWsJwpIzA"}
	if diff := cmp.Diff(wantFirst, got.Posts[0]); diff != "" {
		t.Errorf("newest post mismatch (-want +got):\n%s", diff)
	}
	oldest := day("2026-09-02T18:00:00Z")
	if !got.Posts[14].Published.Equal(oldest) || !got.CompleteSince.Equal(oldest) {
		t.Errorf("oldest post %v, CompleteSince %v; want both %v (the feed is full)", got.Posts[14].Published, got.CompleteSince, oldest)
	}
	shorts := 0
	for i, p := range got.Posts {
		if !p.Own() {
			t.Errorf("post %s is not own", p.ID)
		}
		if i > 0 && p.Published.After(got.Posts[i-1].Published) {
			t.Errorf("post %d is newer than post %d", i, i-1)
		}
		if strings.HasPrefix(p.URL, "https://www.youtube.com/shorts/") {
			shorts++
		}
	}
	if shorts != 3 {
		t.Errorf("%d posts link to /shorts/, want 3 (the feed's alternate links kept)", shorts)
	}
	checkRequests(t, f.Requests(), wantSources)
}

// checkRequests checks the requests made: their URLs, the page asked for
// as a page with cookies declined, the feed as a feed that robots.txt is
// asked about like any page of the site.
func checkRequests(t *testing.T, reqs []scanner.Request, wantURLs []string) {
	t.Helper()
	var urls []string
	for _, r := range reqs {
		urls = append(urls, r.URL)
	}
	if diff := cmp.Diff(wantURLs, urls); diff != "" {
		t.Fatalf("requests mismatch (-want +got):\n%s", diff)
	}
	page, feed := reqs[0], reqs[1]
	if !page.Page || !strings.HasPrefix(page.Accept, "text/html") || page.Header.Get("Cookie") != "SOCS=CAI" {
		t.Errorf("page request: Page %v, Accept %q, Cookie %q; want a page, text/html, SOCS=CAI", page.Page, page.Accept, page.Header.Get("Cookie"))
	}
	if !feed.Page || !strings.Contains(feed.Accept, "atom") {
		t.Errorf("feed request: Page %v, Accept %q; want robots.txt asked (Page), Atom", feed.Page, feed.Accept)
	}
}

func TestFetchThinChannel(t *testing.T) {
	f := serve(t, "thin")
	got, err := New(f, DefaultConfig()).Fetch(context.Background(),
		scanner.Account{URL: "https://www.youtube.com/@fritidskarholmen"}, day("2026-09-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	wantProfile := scanner.Profile{DisplayName: "Fritid Skärholmen", Text: "Fritid Skärholmen"}
	if diff := cmp.Diff(wantProfile, got.Profile); diff != "" {
		t.Errorf("Profile mismatch (-want +got):\n%s", diff)
	}
	var dates []time.Time
	for _, p := range got.Posts {
		dates = append(dates, p.Published)
	}
	wantDates := []time.Time{day("2025-11-20T16:30:00Z"), day("2025-10-11T16:30:00Z"), day("2025-09-01T16:30:00Z")}
	if diff := cmp.Diff(wantDates, dates); diff != "" {
		t.Errorf("post dates mismatch (-want +got):\n%s", diff)
	}
	if !got.CompleteSince.IsZero() {
		t.Errorf("CompleteSince = %v, want zero: a feed of 3 holds the whole history", got.CompleteSince)
	}
}

func TestFetchLinkForms(t *testing.T) {
	tests := []struct {
		name, url string
		wantPage  string
		wantID    string
		wantTitle string
		wantLink  string
	}{
		{"channel id, mobile host, sub-page", "https://m.youtube.com/channel/UCjgAFr61AF6zTq-1IPbt1bg/featured",
			"/channel/UCjgAFr61AF6zTq-1IPbt1bg/about", "UCjgAFr61AF6zTq-1IPbt1bg", "Stadsarkivet", "https://stadsarkivet.stockholm/"},
		{"custom name without scheme", "youtube.com/c/StockholmsStadsbibliotek/",
			"/c/StockholmsStadsbibliotek/about", "UCImft9xxSagkIksPoc9VUAQ", "Stockholms stadsbibliotek", "https://biblioteket.stockholm/"},
		{"user name, feed throttled once", "https://www.youtube.com/user/stockholmsstad?sub_confirmation=1",
			"/user/stockholmsstad/about", "UCX_kCfAEF_4jgqukMXcYBGg", "Stockholms stad", "https://start.stockholm/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "forms")
			got, err := New(f, DefaultConfig()).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			wantSources := []string{
				"https://www.youtube.com" + tt.wantPage,
				"https://www.youtube.com/feeds/videos.xml?channel_id=" + tt.wantID,
			}
			if diff := cmp.Diff(wantSources, got.Sources); diff != "" {
				t.Errorf("Sources mismatch (-want +got):\n%s", diff)
			}
			if got.Profile.DisplayName != tt.wantTitle || len(got.Profile.Links) == 0 || got.Profile.Links[0].URL != tt.wantLink {
				t.Errorf("profile %q with links %v; want %q with first link %s", got.Profile.DisplayName, got.Profile.Links, tt.wantTitle, tt.wantLink)
			}
			if len(got.Posts) != 15 || got.CompleteSince.IsZero() || !got.CompleteSince.Equal(got.Posts[14].Published) {
				t.Errorf("%d posts, CompleteSince %v; want 15 and the oldest one's date", len(got.Posts), got.CompleteSince)
			}
			checkRequests(t, f.Requests(), wantSources)
		})
	}
}

func TestConfigStringHidesKey(t *testing.T) {
	cfg := DefaultConfig()
	cfg.APIKey = "test-youtube-key-0123456789"
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%v", &cfg), fmt.Sprintf("%#v", cfg)} {
		if strings.Contains(s, cfg.APIKey.Reveal()) || !strings.Contains(s, "[redacted]") {
			t.Errorf("config printed as %q: want the key hidden and marked redacted", s)
		}
	}
}
