package meta

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
)

// bodyFetcher answers every request with the same status and body, the
// way the crawl layer would, and counts the requests.
type bodyFetcher struct {
	status int
	body   []byte
	header http.Header
	urls   []string
}

func (f *bodyFetcher) Fetch(_ context.Context, req scanner.Request) (*scanner.Response, error) {
	f.urls = append(f.urls, req.URL)
	resp := &scanner.Response{URL: req.URL, StatusCode: f.status, Header: f.header, Body: f.body}
	if f.status < 200 || f.status > 299 {
		return resp, &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: req.URL, StatusCode: f.status, Detail: http.StatusText(f.status)}
	}
	return resp, nil
}

func FuzzGraphResponse(f *testing.F) {
	f.Add(200, `{"id":"1","name":"Kultur","about":"stockholm.se/kultur","website":"https://a.se b.se","emails":["a@b.se"],"phone":"08-508 290 00"}`)
	f.Add(200, `{"data":[{"id":"1_2","created_time":"2026-09-28T10:15:00+0000","permalink_url":"https://www.facebook.com/1/posts/2"}],"paging":{"next":"https://graph.facebook.com/v21.0/1/posts?access_token=`+testToken+`&after=QVFI"}}`)
	f.Add(200, `{"business_discovery":{"username":"x","biography":"www.x.se","media_count":9,"media":{"data":[{"timestamp":"2026-09-28T10:15:00+0000","id":"9"}],"paging":{"cursors":{"after":"QVFI"}}}}}`)
	f.Add(400, `{"error":{"message":"Malformed access token `+testToken+`","type":"OAuthException","code":190,"error_subcode":463}}`)
	f.Add(403, `{"error":{"code":4}}`)
	f.Add(200, `{"error":{"code":100,"message":"Unsupported get request"}}`)
	f.Add(200, `{"data":[{"id":"1_2","created_time":"2026-09-28T10:15:00+0000","comments":{"data":[],"summary":{"total_count":2}},`+
		`"from":{"id":"1","name":"K"},"message":"Öppet?","parent":{"id":"2_3"}}],"paging":{"next":"https://graph.facebook.com/v21.0/1_2/comments?after=QVFI"}}`)
	f.Add(200, `{"business_discovery":{"username":"x","media":{"data":[{"timestamp":"2026-09-28T10:15:00+0000","id":"9","comments_count":3}]}},`+
		`"data":[{"id":"5","text":"Hej?","timestamp":"2026-09-28T11:00:00+0000","username":"x","replies":{"data":[{"id":"6","timestamp":"2026-09-28T12:00:00+0000"}],"paging":{"next":"https://graph.facebook.com/v21.0/5/replies"}}}]}`)
	f.Add(500, `<html>`)
	f.Add(200, `null`)
	f.Fuzz(func(t *testing.T, status int, body string) {
		if status < 100 || status > 999 {
			status = 200
		}
		for _, kind := range []string{fbFetch, igFetch} {
			bf := &bodyFetcher{status: status, body: []byte(body), header: http.Header{"X-App-Usage": {`{"call_count":100}`}}}
			cfg := testConfig()
			cfg.MaxPages = 3
			cfg.MaxThreads = 2
			var a scanner.Adapter = NewFacebook(bf, cfg)
			acc := scanner.Account{URL: "https://www.facebook.com/1"}
			if kind == igFetch {
				a = NewInstagram(bf, cfg)
				acc.URL = "https://www.instagram.com/x/"
			}
			got, err := a.Fetch(context.Background(), acc, day("2026-09-01T00:00:00Z"))
			if len(bf.urls) > cfg.MaxPages+1+cfg.MaxThreads*maxCommentPages {
				t.Errorf("%s: %d requests, more than the page and thread caps allow", kind, len(bf.urls))
			}
			for _, u := range bf.urls {
				pu, perr := url.Parse(u)
				if strings.Contains(u, testToken) || perr != nil || pu.Host != "graph.facebook.com" || pu.Query().Has("access_token") {
					t.Errorf("%s: request to %q", kind, u)
				}
			}
			if s := fmt.Sprintf("%+v", got); strings.Contains(s, testToken) {
				t.Errorf("%s: Fetched carries the token: %s", kind, s)
			}
			if err == nil {
				for i, p := range got.Posts {
					if p.Published.IsZero() || (i > 0 && p.Published.After(got.Posts[i-1].Published)) {
						t.Errorf("%s: post %d undated or out of order: %+v", kind, i, p)
					}
				}
				checkDialogue(t, kind, got.Dialogue, cfg.MaxThreads)
				continue
			}
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("%s: error %v is not a *scanner.FetchError", kind, err)
			}
			if strings.Contains(fe.Error(), testToken) || strings.Contains(fmt.Sprintf("%+v", *fe), testToken) {
				t.Errorf("%s: error carries the token: %v", kind, fe)
			}
		}
	})
}

func FuzzParseFacebookURL(f *testing.F) {
	for _, s := range []string{
		"https://www.facebook.com/stockholmsstad", "https://www.facebook.com/profile.php?id=123",
		"https://www.facebook.com/pages/Some-Name/123", "https://m.facebook.com/x/", "https://www.facebook.com/a-b-1234567",
		"https://www.facebook.com/%2e%2e", "http://[::1]:80/x", "https://facebook.com/../../v1/me",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		ref, err := ParseFacebookURL(raw)
		if err != nil {
			var fe *scanner.FetchError
			if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput {
				t.Errorf("ParseFacebookURL(%q) error %v, want ErrInvalidInput", raw, err)
			}
			return
		}
		// The reference becomes one path segment of a Graph request.
		if ref == "" || strings.ContainsAny(ref, "/?#%&=") || strings.Trim(ref, ".") == "" {
			t.Errorf("ParseFacebookURL(%q) = %q, not a safe page reference", raw, ref)
		}
	})
}

func FuzzParseInstagramURL(f *testing.F) {
	for _, s := range []string{
		"https://www.instagram.com/stockholmsstad/", "https://instagram.com/x?hl=sv", "https://www.instagram.com/p/x/",
		"https://www.instagram.com/a){id}", "https://www.instagram.com/%7Bx%7D",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		name, err := ParseInstagramURL(raw)
		if err != nil {
			var fe *scanner.FetchError
			if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput {
				t.Errorf("ParseInstagramURL(%q) error %v, want ErrInvalidInput", raw, err)
			}
			return
		}
		// The name goes inside a fields expression: it must not end it.
		if name == "" || strings.ContainsAny(name, "(){},/?#&= ") || name != strings.ToLower(name) {
			t.Errorf("ParseInstagramURL(%q) = %q, not a safe user name", raw, name)
		}
	})
}

func FuzzStripToken(f *testing.F) {
	f.Add("https://graph.facebook.com/v21.0/1/posts?access_token=" + testToken + "&after=Q")
	f.Add("https://x/?a=1&ACCESS_TOKEN=2#access_token=3")
	f.Add("?access%5ftoken=1&&")
	f.Fuzz(func(t *testing.T, raw string) {
		got := stripToken(raw)
		u, err := url.Parse(got)
		if err != nil {
			return
		}
		for k := range u.Query() {
			if strings.EqualFold(k, "access_token") {
				t.Errorf("stripToken(%q) = %q still has %s", raw, got, k)
			}
		}
	})
}

func FuzzTextLinks(f *testing.F) {
	f.Add("Läs mer på stockholm.se/kultur. Mejla kultur@stockholm.se, t.ex. www.x.se!")
	f.Add("https://[::1]/ http://a..se «https://start.stockholm/»")
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range textLinks(text) {
			u, err := url.Parse(l.URL)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				t.Errorf("textLinks(%q): %q is not an absolute web address", text, l.URL)
			}
			if !strings.Contains(text, l.Text) {
				t.Errorf("textLinks(%q): link text %q is not in the text", text, l.Text)
			}
		}
	})
}

// checkDialogue checks what holds of every Dialogue the adapters return:
// the cap kept, each thread's replies dated, oldest first and bounded.
func checkDialogue(t *testing.T, kind string, d *scanner.Dialogue, maxThreads int) {
	t.Helper()
	if d == nil {
		t.Errorf("%s: no Dialogue for a fetched account", kind)
		return
	}
	if len(d.Threads) > maxThreads || d.WithReplies < len(d.Threads) || d.MaxThreads != maxThreads {
		t.Errorf("%s: %d threads of %d, cap %d: want at most the cap of %d", kind, len(d.Threads), d.WithReplies, d.MaxThreads, maxThreads)
	}
	for _, th := range d.Threads {
		for i, r := range th.Replies {
			if r.Published.IsZero() || (i > 0 && r.Published.Before(th.Replies[i-1].Published)) {
				t.Errorf("%s: reply %d of %s undated or out of order: %+v", kind, i, th.PostID, r)
			}
			if utf8.RuneCountInString(r.Text) > scanner.MaxReplyRunes || r.Parent == "" {
				t.Errorf("%s: reply %s: %d runes, parent %q", kind, r.ID, utf8.RuneCountInString(r.Text), r.Parent)
			}
		}
	}
}
