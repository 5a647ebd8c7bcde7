package youtube

import (
	"errors"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
)

func TestExtractInitialData(t *testing.T) {
	tests := []struct {
		name, script string
		want         string
		wantErr      bool
	}{
		{"var", `var ytInitialData = {"a":{"b":[1,2]}};`, `{"a":{"b":[1,2]}}`, false},
		{"window index", `window["ytInitialData"] = {"a":"};"};window.x=1;`, `{"a":"};"}`, false},
		{"no spaces", `var ytInitialData={"x":true};if(window.ytcsi){}`, `{"x":true}`, false},
		{"mention before the assignment", `ytcfg.set("ytInitialData", 1); var ytInitialData = {"y":2};`, `{"y":2}`, false},
		{"only a mention", `window.ytInitialData && f();`, "", true},
		{"not an object", `var ytInitialData = null;`, "", true},
		{"cut short", `var ytInitialData = {"a":{"b":`, "", true},
		{"absent", `var ytcfg = {};`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractInitialData([]byte(tt.script))
			if (err != nil) != tt.wantErr || string(got) != tt.want {
				t.Errorf("extractInitialData(%q) = %q, %v; want %q, error %v", tt.script, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestPageChannelID(t *testing.T) {
	const a, b, c, d = "UCaaaaaaaaaaaaaaaaaaaaaa", "UCbbbbbbbbbbbbbbbbbbbbbb", "UCcccccccccccccccccccccc", "UCdddddddddddddddddddddd"
	tests := []struct {
		name, html, externalID string
		tree                   any
		want                   string
	}{
		{"microdata first", `<meta itemprop="channelId" content="` + a + `"><link rel="canonical" href="https://www.youtube.com/channel/` + b + `">`, c, nil, a},
		{"identifier microdata", `<meta itemprop="identifier" content="` + a + `">`, c, nil, a},
		{"canonical link next", `<meta itemprop="channelId" content="UC-too-short"><link rel="canonical" href="https://www.youtube.com/channel/` + b + `/">`, c, nil, b},
		{"canonical to a handle does not count", `<link rel="canonical" href="https://www.youtube.com/@kultur">`, c, nil, c},
		{"metadata externalId", ``, c, nil, c},
		{"any externalId before any channelId", ``, "",
			map[string]any{"a": map[string]any{"channelId": d}, "z": []any{map[string]any{"externalId": b}}}, b},
		{"channelId last", ``, "", map[string]any{"about": map[string]any{"channelId": d, "x": "UC"}}, d},
		{"none", `<link rel="canonical" href="https://www.youtube.com/">`, "not-an-id", map[string]any{"channelId": 7}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if got := pageChannelID(doc, tt.externalID, tt.tree); got != tt.want {
				t.Errorf("pageChannelID = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseChannelPageLinks(t *testing.T) {
	// The about panel's links sit deep in the page state; a link without a
	// redirect falls back to its text, a duplicate is dropped, and a link
	// whose redirect names no web address keeps its shown address.
	page := `<html><head><link rel="canonical" href="https://www.youtube.com/channel/UCaaaaaaaaaaaaaaaaaaaaaa"></head><body><script>var ytInitialData = {
	"metadata":{"channelMetadataRenderer":{"title":"Stadsmuseet","description":"Se även medeltidsmuseet.stockholm, t.ex. våra visningar, bl.a. på lördagar.","externalId":"UCaaaaaaaaaaaaaaaaaaaaaa"}},
	"onResponseReceivedEndpoints":[{"appendContinuationItemsAction":{"continuationItems":[{"aboutChannelRenderer":{"metadata":{"aboutChannelViewModel":{"links":[
		{"channelExternalLinkViewModel":{"title":{"content":"Webbplats"},"link":{"content":"stadsmuseet.stockholm","commandRuns":[{"onTap":{"innertubeCommand":{"urlEndpoint":{"url":"https://www.youtube.com/redirect?event=channel_description&redir_token=QUFF&q=https%3A%2F%2Fstadsmuseet.stockholm%2F%3Futm_source%3Dyt"}}}}]}}},
		{"channelExternalLinkViewModel":{"title":{"content":"Facebook"},"link":{"content":"facebook.com/stadsmuseet"}}},
		{"channelExternalLinkViewModel":{"title":{"content":"Webbplats igen"},"link":{"content":"stadsmuseet.stockholm/?utm_source=yt"}}},
		{"channelExternalLinkViewModel":{"title":{"content":""},"link":{"content":"medeltidsmuseet.stockholm","commandRuns":[{"onTap":{"innertubeCommand":{"urlEndpoint":{"url":"https://www.youtube.com/redirect?q=javascript%3Aalert(1)"}}}}]}}},
		{"channelExternalLinkViewModel":{"title":{"content":"Trasig"},"link":{"content":"inte en adress"}}}
	]}}}}]}}]};</script></body></html>`
	got, err := parseChannelPage([]byte(page))
	if err != nil {
		t.Fatalf("parseChannelPage: %v", err)
	}
	want := channelPage{
		ChannelID:   "UCaaaaaaaaaaaaaaaaaaaaaa",
		Title:       "Stadsmuseet",
		Description: "Se även medeltidsmuseet.stockholm, t.ex. våra visningar, bl.a. på lördagar.",
		Links: []externalLink{
			{Title: "Webbplats", Content: "stadsmuseet.stockholm", URL: "https://stadsmuseet.stockholm/?utm_source=yt"},
			{Title: "Facebook", Content: "facebook.com/stadsmuseet", URL: "https://facebook.com/stadsmuseet"},
			{Content: "medeltidsmuseet.stockholm", URL: "https://medeltidsmuseet.stockholm"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("page mismatch (-want +got):\n%s", diff)
	}
	p := got.profile()
	wantText := "Stadsmuseet\n" + want.Description + "\nWebbplats: stadsmuseet.stockholm\nFacebook: facebook.com/stadsmuseet\nmedeltidsmuseet.stockholm"
	if p.Text != wantText {
		t.Errorf("Text = %q, want %q", p.Text, wantText)
	}
	// medeltidsmuseet.stockholm in the description is already a panel link;
	// "t.ex." and "bl.a." are no addresses.
	if len(p.Links) != 3 {
		t.Errorf("Links = %v, want the panel's 3 and nothing from the description", p.Links)
	}
}

func TestParseChannelPageFailures(t *testing.T) {
	tests := []struct {
		name, html string
		is         error
	}{
		{"consent form", `<form action="https://consent.google.com/save" method="POST"><button>Avvisa alla</button></form>`, errConsent},
		{"no state", `<html><body><script>var ytcfg = {};</script></body></html>`, errNoInitialData},
		{"no id", `<script>var ytInitialData = {"metadata":{"channelMetadataRenderer":{"title":"X"}}};</script>`, nil},
		{"bad JSON", `<script>var ytInitialData = {"metadata":};</script>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseChannelPage([]byte(tt.html))
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Errorf("parseChannelPage error = %v, want %v", err, tt.is)
			}
		})
	}
}

func TestTextURLs(t *testing.T) {
	tests := []struct {
		text string
		want []textURL
	}{
		{"Läs mer: https://stadsarkivet.stockholm/.", []textURL{{"https://stadsarkivet.stockholm/", "https://stadsarkivet.stockholm/"}}},
		{"(stockholm.se/kommentarsregler), och www.stockholm.se!", []textURL{
			{"stockholm.se/kommentarsregler", "https://stockholm.se/kommentarsregler"}, {"www.stockholm.se", "https://www.stockholm.se"}}},
		{"t.ex. bl.a. kl.16 1.5 o.s.v. a.m", nil},
		{"kultur@stockholm.se 08-508 290 00", nil},
		{"stockholm.se stockholm.se/", []textURL{{"stockholm.se", "https://stockholm.se"}, {"stockholm.se/", "https://stockholm.se/"}}},
		{"ftp://stockholm.se javascript:alert(1) /relativ/sökväg", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, textURLs(tt.text)); diff != "" {
				t.Errorf("textURLs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseFeedFailures(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"RSS instead of Atom", `<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>`, "not an Atom feed"},
		{"HTML", `<!DOCTYPE html><html><body>Något gick fel</body></html>`, "not an Atom feed"},
		{"no video id", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><published>2026-09-01T10:00:00+00:00</published></entry></feed>`, "no yt:videoId"},
		{"bad date", `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:yt="http://www.youtube.com/xml/schemas/2015"><entry><yt:videoId>abcdefghijk</yt:videoId><published>1 sep. 2026</published></entry></feed>`, "not an RFC 3339 time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseFeed([]byte(tt.body), "https://www.youtube.com")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseFeed error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	posts, err := parseFeed([]byte(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:yt="http://www.youtube.com/xml/schemas/2015"><entry><yt:videoId>abcdefghijk</yt:videoId><published>2026-09-01T10:00:00+02:00</published></entry></feed>`), "https://www.youtube.com")
	if err != nil || len(posts) != 1 || posts[0].URL != "https://www.youtube.com/watch?v=abcdefghijk" || !posts[0].Published.Equal(day("2026-09-01T08:00:00Z")) {
		t.Errorf("a linkless entry = %+v, %v; want the watch URL and the date", posts, err)
	}
}

func TestIsConsentURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://consent.youtube.com/m?continue=x": true,
		"https://CONSENT.google.com/save":          true,
		"https://www.youtube.com/@x/about":         false,
		"https://consent.youtube.com.example/m":    false,
		"::":                                       false,
	} {
		if got := isConsentURL(u); got != want {
			t.Errorf("isConsentURL(%q) = %v, want %v", u, got, want)
		}
	}
}
