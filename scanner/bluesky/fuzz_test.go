package bluesky

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
)

// addFixtures seeds f with the files of the fixture trees named name,
// leaving out large ones: the fuzzer mutates big inputs very slowly.
func addFixtures(f *testing.F, name string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*", name))
	if err != nil || len(files) == 0 {
		f.Fatalf("no fixtures %s: %v", name, err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) <= 32<<10 {
			f.Add(b)
		}
	}
}

func FuzzBareLinks(f *testing.F) {
	for _, s := range []string{
		"Mer på stockholm.se/kultur och https://start.stockholm/kultur.",
		"(stockholm.se/kommentarsregler) kultur@stockholm.se t.ex. kl. 8.30",
		"HTTP://Malmö.SE:80/å?x=(1)#y]", "@kultur.stockholm.se www.a.b.c.se/",
		"https://a.se/\x00", "\xffstockholm.se", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		seen := map[string]bool{}
		for _, l := range bareLinks(text) {
			u, err := url.Parse(l.URL)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				t.Errorf("link %q is not an absolute http(s) URL: %v", l.URL, err)
			}
			if l.Text == "" || !strings.Contains(text, l.Text) {
				t.Errorf("link text %q is not part of %q", l.Text, text)
			}
			if seen[l.URL] {
				t.Errorf("link %q twice", l.URL)
			}
			seen[l.URL] = true
		}
	})
}

func FuzzFeedPage(f *testing.F) {
	addFixtures(f, "feed*.json")
	f.Add([]byte(`{"feed":[{"post":{"uri":"at://did:plc:a/app.bsky.feed.post/1","record":{"createdAt":"2026-01-01T00:00:00Z","reply":{"parent":{"uri":"at://did:plc:a/x"}}}},"reason":{"$type":"app.bsky.feed.defs#reasonRepost"}}],"cursor":"c"}`))
	f.Add([]byte(`{"feed":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		posts, _, err := feedPage("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed", body, "did:plc:zpf5esomzvcq7roylouv3cdi", nil)
		if err != nil {
			return
		}
		for _, p := range posts {
			if p.ID == "" || p.Published.IsZero() {
				t.Errorf("post without ID or date: %+v", p)
			}
			if p.URL != "" && !strings.HasPrefix(p.URL, "https://bsky.app/profile/") {
				t.Errorf("post URL %q is not a bsky.app post", p.URL)
			}
			if p.Reply && p.Repost {
				t.Errorf("post %s is both a reply and a repost", p.ID)
			}
		}
	})
}

func FuzzDecodeProfile(f *testing.F) {
	addFixtures(f, "*profile.json")
	f.Add([]byte(`{"did":"did:plc:a","handle":"handle.invalid","labels":[{"val":"!no-unauthenticated","neg":true}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		pv, err := decodeProfile("https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=x", body)
		if err != nil {
			return
		}
		_ = pv.optedOut()
		for _, p := range pv.proofs() {
			if !strings.HasPrefix(p.To, "https://") || strings.HasSuffix(p.To, ".bsky.social") {
				t.Errorf("proof %+v", p)
			}
		}
		prof := profileOf(pv)
		if utf8.ValidString(string(body)) && prof.Description != "" && !strings.Contains(prof.Text, prof.Description) {
			t.Errorf("Text %q lacks the description %q", prof.Text, prof.Description)
		}
	})
}

func FuzzParseAccountURL(f *testing.F) {
	for _, s := range []string{
		"https://bsky.app/profile/kultur.stockholm.se/", "@kultur.stockholm.se",
		"https://bsky.app/profile/did:plc:bimfcgemmbunukq6uabix3jh", "https://bsky.app/profile/did%3Aweb%3Ax.se",
		"http://www.bsky.app/profile/@a.b?x#y", "@", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		actor, err := ParseAccountURL(raw)
		if err != nil {
			return
		}
		if !validHandle(actor) && !didRe.MatchString(actor) {
			t.Errorf("ParseAccountURL(%q) = %q, neither a handle nor a DID", raw, actor)
		}
		again, err := ParseAccountURL("https://bsky.app/profile/" + actor)
		if err != nil || again != actor {
			t.Errorf("the profile link of %q gives %q, %v", actor, again, err)
		}
	})
}

func FuzzThreadReplies(f *testing.F) {
	addFixtures(f, "thread-*.json")
	f.Add([]byte(`{"thread":{"$type":"app.bsky.feed.defs#threadViewPost","post":{"uri":"at://did:plc:a/app.bsky.feed.post/1","replyCount":1},"replies":[{"$type":"app.bsky.feed.defs#blockedPost"},{"$type":"app.bsky.feed.defs#threadViewPost","post":{"uri":"x","author":{"did":"did:plc:a"},"record":{"createdAt":"2026-01-01T00:00:00Z"}}}]}}`))
	f.Add([]byte(`{"thread":{"$type":"app.bsky.feed.defs#notFoundPost"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		th := scanner.Thread{PostID: "at://did:plc:a/app.bsky.feed.post/1"}
		if err := threadReplies("https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=x", body, "did:plc:a", &th); err != nil {
			return
		}
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
	})
}
