package xapi

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParseAccountURL(f *testing.F) {
	for _, s := range []string{"https://x.com/stockholmsstad", "https://twitter.com/#!/a_b", "@x", "https://mobile.twitter.com/i/", "https://x.com/%zz", "http://[::1", "@\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		name, err := ParseAccountURL(raw)
		if err != nil {
			return
		}
		if !usernameRe.MatchString(name) || reserved[strings.ToLower(name)] {
			t.Errorf("ParseAccountURL(%q) = %q, not a usable user name", raw, name)
		}
	})
}

// addFixtures seeds f with the bodies of every fixture whose name starts
// with prefix, leaving out the largest: the fuzzer mutates small seeds
// far faster.
func addFixtures(f *testing.F, prefix string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*", prefix+"*.json"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) <= 20000 {
			f.Add(b)
		}
	}
}

func FuzzParseUser(f *testing.F) {
	addFixtures(f, "user")
	addFixtures(f, "not-found")
	f.Add([]byte(`{"data":{"id":"1","description":"https://t.co/a","entities":{"description":{"urls":[{"url":"https://t.co/a","expanded_url":"http://[::1"},{"url":"","display_url":"x"}]}}}}`))
	f.Add([]byte(`{"data":null,"errors":[{}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := parseUser(body)
		if err != nil || r.Data == nil {
			return
		}
		p := profileOf(*r.Data)
		if !strings.Contains(p.Text, p.DisplayName) || !strings.Contains(p.Text, p.Description) {
			t.Errorf("Text %q lacks the display name %q or the description %q", p.Text, p.DisplayName, p.Description)
		}
		for _, l := range p.Links {
			u, err := url.Parse(l.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("link %q is not an absolute http(s) URL", l.URL)
			}
		}
	})
}

func FuzzParseTweets(f *testing.F) {
	addFixtures(f, "tweets")
	addFixtures(f, "ratelimit-tweets")
	f.Add([]byte(`{"data":[{"id":"1","created_at":"2026-09-28T10:15:00.000Z","referenced_tweets":[null,{"type":"retweeted"}]}],"meta":{"next_token":"x"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := parseTweets(body)
		if err != nil {
			return
		}
		var ok []tweet
		for _, tw := range r.Data {
			if _, err := tw.published("https://api.x.com/2/page"); err == nil {
				ok = append(ok, tw)
			}
		}
		posts := classify(ok, "236580104", "stockholmsstad")
		if len(posts) != len(ok) {
			t.Fatalf("%d posts from %d tweets", len(posts), len(ok))
		}
		for _, p := range posts {
			if p.ID == "" || !strings.HasPrefix(p.URL, "https://x.com/stockholmsstad/status/") || (p.Reply && p.Repost && p.Own()) {
				t.Errorf("post %+v", p)
			}
		}
	})
}
