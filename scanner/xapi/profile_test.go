package xapi

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestExpandLinks(t *testing.T) {
	tests := []struct {
		name, text string
		urls       []entityURL
		want       string
	}{
		{"no entities", "Hej https://t.co/abc", nil, "Hej https://t.co/abc"},
		{"display text", "Läs https://t.co/abc nu", []entityURL{{URL: "https://t.co/abc", ExpandedURL: "https://stockholm.se/kultur", DisplayURL: "stockholm.se/kultur"}}, "Läs stockholm.se/kultur nu"},
		{"expanded when no display", "https://t.co/abc", []entityURL{{URL: "https://t.co/abc", ExpandedURL: "https://stockholm.se/"}}, "https://stockholm.se/"},
		{"twice", "https://t.co/abc och https://t.co/abc", []entityURL{{URL: "https://t.co/abc", DisplayURL: "a.se"}}, "a.se och a.se"},
		{"prefix of another", "https://t.co/ab https://t.co/abc", []entityURL{
			{URL: "https://t.co/ab", DisplayURL: "kort.se"}, {URL: "https://t.co/abc", DisplayURL: "lang.se"}}, "kort.se lang.se"},
		{"empty entity ignored", "text", []entityURL{{}}, "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := expandLinks(tt.text, tt.urls); got != tt.want {
				t.Errorf("expandLinks(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestBareURL(t *testing.T) {
	tests := map[string]string{
		"https://start.stockholm/kultur": "https://start.stockholm/kultur",
		"stockholm.se/kommentarsregler.": "https://stockholm.se/kommentarsregler",
		"(www.stockholm.se)":             "https://www.stockholm.se",
		"https://t.co/k7Rq2XbLmA":        "",
		"start.stockholm/om-webbplats…":  "",
		"08-508":                         "",
		"kultur@stockholm.se":            "",
		"@Kulturstockholm":               "",
		"#Stockholm":                     "",
		"v.3.5":                          "",
		"Stockholm.":                     "",
		"kl.":                            "",
		"a..se":                          "",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := bareURL(in); got != want {
				t.Errorf("bareURL(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestProfileOf(t *testing.T) {
	u := user{
		Name:        " Miljöförvaltningen ",
		Description: "Miljö i Stockholm. Mer på miljobarometern.stockholm/luft och https://t.co/q1 Kontakt: miljo@stockholm.se",
		URL:         "https://t.co/w1",
		Entities: userEntities{
			URL: entityURLs{URLs: []entityURL{
				{URL: "https://t.co/w0", ExpandedURL: "javascript:alert(1)", DisplayURL: "trick"},
				{URL: "https://t.co/w1", ExpandedURL: "https://start.stockholm/miljo", DisplayURL: "start.stockholm/miljo"},
			}},
			Description: entityURLs{URLs: []entityURL{
				{URL: "https://t.co/q1", ExpandedURL: "https://start.stockholm/miljo", DisplayURL: "start.stockholm/miljo"},
			}},
		},
	}
	want := scanner.Profile{
		DisplayName: "Miljöförvaltningen",
		Description: "Miljö i Stockholm. Mer på miljobarometern.stockholm/luft och start.stockholm/miljo Kontakt: miljo@stockholm.se",
		Text:        "Miljöförvaltningen\nMiljö i Stockholm. Mer på miljobarometern.stockholm/luft och start.stockholm/miljo Kontakt: miljo@stockholm.se\nstart.stockholm/miljo",
		Links: []scanner.Link{
			{URL: "https://start.stockholm/miljo", Text: "start.stockholm/miljo"},
			{URL: "https://miljobarometern.stockholm/luft", Text: "miljobarometern.stockholm/luft"},
		},
	}
	if diff := cmp.Diff(want, profileOf(u)); diff != "" {
		t.Errorf("profileOf mismatch (-want +got):\n%s", diff)
	}
}

func TestPostTellsThreadsFromReplies(t *testing.T) {
	const self, other = "236580104", "14792049"
	// root is a tweet of the account's that starts a conversation; it is
	// read in the same pages as the tweet under test.
	root := tweet{ID: "2123000000000000001", ConversationID: "2123000000000000001", CreatedAt: "2026-11-19T09:00:00.000Z"}
	tests := []struct {
		name       string
		tw         tweet
		wantReply  bool
		wantRepost bool
	}{
		{"own tweet", tweet{}, false, false},
		{"retweet", tweet{ReferencedTweets: []referencedTweet{{Type: "retweeted", ID: "1"}}}, false, true},
		{"reply to someone else", tweet{InReplyToUserID: other, ReferencedTweets: []referencedTweet{{Type: "replied_to", ID: "1"}}}, true, false},
		{"reply to someone else inside own conversation", tweet{InReplyToUserID: other, ConversationID: root.ID, ReferencedTweets: []referencedTweet{{Type: "replied_to", ID: root.ID}}}, true, false},
		{"thread: reply to self", tweet{InReplyToUserID: self, ReferencedTweets: []referencedTweet{{Type: "replied_to", ID: "1"}}}, false, false},
		{"thread without in_reply_to_user_id: own conversation and parent", tweet{ConversationID: root.ID, ReferencedTweets: []referencedTweet{{Type: "replied_to", ID: root.ID}}}, false, false},
		{"without in_reply_to_user_id: parent not read", tweet{ConversationID: root.ID, ReferencedTweets: []referencedTweet{{Type: "replied_to", ID: "1"}}}, true, false},
		{"without in_reply_to_user_id: someone else's conversation", tweet{ConversationID: "2122999999999999999", ReferencedTweets: []referencedTweet{{Type: "replied_to", ID: root.ID}}}, true, false},
		{"reply to unknown author", tweet{ReferencedTweets: []referencedTweet{{Type: "replied_to", ID: "1"}}}, true, false},
		{"quote", tweet{ReferencedTweets: []referencedTweet{{Type: "quoted", ID: "1"}}}, false, false},
		{"quote in own thread", tweet{InReplyToUserID: self, ReferencedTweets: []referencedTweet{{Type: "quoted", ID: "1"}, {Type: "replied_to", ID: "2"}}}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.tw.ID, tt.tw.CreatedAt = "2123702890053906432", "2026-11-20T09:00:00.137Z"
			posts := classify([]tweet{root, tt.tw}, self, "stockholmsstad")
			if len(posts) != 2 || !posts[1].Own() {
				t.Fatalf("classify = %+v, want the tweet and its own root", posts)
			}
			p := posts[0]
			if p.Reply != tt.wantReply || p.Repost != tt.wantRepost {
				t.Errorf("Reply=%v Repost=%v, want %v %v", p.Reply, p.Repost, tt.wantReply, tt.wantRepost)
			}
			if p.URL != "https://x.com/stockholmsstad/status/2123702890053906432" || !p.Published.Equal(day("2026-11-20T09:00:00.137Z")) {
				t.Errorf("post = %+v, want the x.com status URL and the created_at time", p)
			}
		})
	}
	for _, bad := range []tweet{{ID: "1", CreatedAt: "Fri Nov 20 09:00:00 +0000 2026"}, {CreatedAt: "2026-11-20T09:00:00.000Z"}} {
		if _, err := bad.published("https://api.x.com/2/page"); err == nil {
			t.Errorf("published(%+v) accepted a tweet without id or ISO 8601 date", bad)
		}
	}
}
