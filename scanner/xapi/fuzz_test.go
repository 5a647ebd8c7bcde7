package xapi

import (
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
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

// FuzzErrorJSON feeds X's error answers, whole bodies of an HTTP error
// and "errors" arrays beside or instead of "data", to the code that
// explains them. Whatever X sends, the result is a *scanner.FetchError
// naming the URL, with a kind and a bounded Detail.
func FuzzErrorJSON(f *testing.F) {
	for _, prefix := range []string{"not-found", "suspended", "unauthorized", "too-many", "not-enrolled", "protected", "locked", "ratelimit-user", "bad-"} {
		addFixtures(f, prefix)
	}
	f.Add([]byte(`{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}`))
	f.Add([]byte(`{"errors":[{"detail":"User has been suspended","title":null},{"type":"https://api.twitter.com/2/problems/resource-not-found"}]}`))
	f.Add([]byte(`{"reason":"client-not-enrolled","title":"` + strings.Repeat("å", 300) + `"}`))
	f.Add([]byte(`[]`))
	const u = "https://api.x.com/2/users/by/username/stockholmsstad"
	f.Fuzz(func(t *testing.T, body []byte) {
		check := func(what string, err error) {
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("%s: %v is not a *scanner.FetchError", what, err)
			}
			if fe.Kind == "" || fe.URL != u || strings.TrimSpace(fe.Detail) == "" {
				t.Errorf("%s: %+v lacks a kind, the URL or a detail", what, *fe)
			}
			if n := len([]rune(fe.Detail)); n > 2*maxProblemText+200 {
				t.Errorf("%s: detail of %d characters", what, n)
			}
		}
		for _, status := range []int{400, 401, 402, 403, 404, 429, 500, 503} {
			resp := &scanner.Response{URL: u, StatusCode: status, Body: body, Header: http.Header{"X-Rate-Limit-Reset": {string(body)}}}
			cause := &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: u, StatusCode: status, Detail: http.StatusText(status)}
			err := statusError(u, resp, cause)
			check("statusError", err)
			if fe := scanner.AsFetchError(err); fe.StatusCode != status {
				t.Errorf("statusError: status %d, want %d", fe.StatusCode, status)
			}
		}
		if r, err := parseUser(body); err == nil && r.Data == nil {
			check("problemError", problemError(u, r.Errors))
		}
	})
}
