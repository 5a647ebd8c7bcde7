package mastodon

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
)

// addFixtures seeds f with the files of every fixture tree whose name
// matches pattern (filepath.Match, below testdata/*/*/).
func addFixtures(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no fixtures match %s: %v", pattern, err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzParseAccountURL(f *testing.F) {
	for _, s := range []string{"https://mastodon.example/@kultur", "http://mastodon.example:8080/users/kultur/",
		"@kultur@mastodon.example", "https://mastodon.social/@kultur@mastodon.example", "https://x/@", "@a@b@c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		server, name, err := ParseAccountURL(raw)
		if err != nil {
			if server != "" || name != "" {
				t.Fatalf("error %v with results %q %q", err, server, name)
			}
			return
		}
		u, perr := url.Parse(server)
		if perr != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Path != "" {
			t.Fatalf("server %q is not scheme://host", server)
		}
		if !usernameRe.MatchString(name) {
			t.Fatalf("name %q is no user name", name)
		}
		// The API addresses built from them must stay on that server.
		lu, perr := url.Parse(lookupURL(server, name))
		if perr != nil || lu.Host != u.Host || lu.Query().Get("acct") != name {
			t.Fatalf("lookup URL %q leaves %q or loses %q", lookupURL(server, name), server, name)
		}
	})
}

func FuzzNextLink(f *testing.F) {
	addFixtures(f, "routes.json")
	f.Add([]byte(`<https://h/a?x=1,2>; rel="next prev", <https://h/b>; rel=prev`))
	f.Add([]byte(`<>; rel=next`))
	f.Fuzz(func(t *testing.T, b []byte) {
		base, _ := url.Parse("https://mastodon.example/api/v1/accounts/1/statuses")
		h := http.Header{}
		h.Add("Link", string(b))
		link := nextLink(h, base)
		if link == "" {
			return
		}
		if _, err := url.Parse(link); err != nil {
			t.Fatalf("nextLink = %q, which does not parse: %v", link, err)
		}
		if !strings.Contains(strings.ToLower(string(b)), "next") {
			t.Fatalf("nextLink = %q from a header without rel next: %q", link, b)
		}
	})
}

func FuzzAccountJSON(f *testing.F) {
	addFixtures(f, "*.json")
	f.Fuzz(func(t *testing.T, b []byte) {
		var ac account
		if json.Unmarshal(b, &ac) != nil {
			return
		}
		p, err := profileOf(ac)
		if err != nil {
			return
		}
		for _, l := range p.Links {
			if l.URL == "" {
				t.Fatalf("profile link without address: %+v", l)
			}
		}
		verifiedLinks(p, "https://mastodon.example/@a")
	})
}

func FuzzStatusJSON(f *testing.F) {
	addFixtures(f, "*statuses*.json")
	f.Fuzz(func(t *testing.T, b []byte) {
		var ss []status
		if json.Unmarshal(b, &ss) != nil {
			return
		}
		for _, s := range ss {
			p, err := s.post("https://mastodon.example/page", "109")
			if err != nil {
				continue
			}
			if p.Published.IsZero() && s.CreatedAt == "" {
				t.Fatalf("a status without created_at was read: %+v", s)
			}
			if p.ID != s.ID {
				t.Fatalf("post id %q, status id %q", p.ID, s.ID)
			}
		}
	})
}

func FuzzContextReplies(f *testing.F) {
	addFixtures(f, "context-*.json")
	f.Add([]byte(`{"descendants":[{"id":"2","created_at":"2026-01-01T00:00:00Z","in_reply_to_id":"9","account":{"id":"1"},"replies_count":3},{"id":"3","created_at":"x"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var c statusContext
		if json.Unmarshal(body, &c) != nil {
			return
		}
		th := scanner.Thread{PostID: "1"}
		c.replies("https://mastodon.example/api/v1/statuses/1/context", "1", &th)
		for i, r := range th.Replies {
			if r.Published.IsZero() || r.Parent == "" {
				t.Errorf("reply without date or parent: %+v", r)
			}
			if utf8.RuneCountInString(r.Text) > scanner.MaxReplyRunes {
				t.Errorf("reply text of %d runes", utf8.RuneCountInString(r.Text))
			}
			if i > 0 && r.Published.Before(th.Replies[i-1].Published) {
				t.Errorf("reply %d is older than reply %d", i, i-1)
			}
		}
		if len(th.Replies) < len(c.Descendants) && th.Cut == nil {
			t.Errorf("%d of %d descendants read, and the thread is not cut", len(th.Replies), len(c.Descendants))
		}
	})
}
