package youtube

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFiles adds every fixture file matching pattern to the corpus.
func seedFiles(f *testing.F, pattern string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files %s: %v", pattern, err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzParseChannelPage(f *testing.F) {
	seedFiles(f, "*.html")
	f.Add([]byte(`<script>var ytInitialData = {"a":[{"channelExternalLinkViewModel":{"link":{"content":"x.se"}}}]};</script>`))
	f.Add([]byte(`<script>window["ytInitialData"] = {"alerts":[{"alertRenderer":{"type":"ERROR","text":{"runs":[{"text":"borta"}]}}}]};</script>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := parseChannelPage(body)
		if err != nil {
			return
		}
		if !channelIDRe.MatchString(p.ChannelID) {
			t.Errorf("channel id %q accepted", p.ChannelID)
		}
		for _, l := range p.profile().Links {
			if !strings.HasPrefix(l.URL, "https://") && !strings.HasPrefix(l.URL, "http://") {
				t.Errorf("link %q is not a web address", l.URL)
			}
		}
	})
}

func FuzzExtractInitialData(f *testing.F) {
	f.Add([]byte(`var ytInitialData = {"a":1};`))
	f.Add([]byte(`window["ytInitialData"] = {"a":"};"};`))
	f.Add([]byte(`ytInitialData ytInitialData = {`))
	f.Fuzz(func(t *testing.T, script []byte) {
		raw, err := extractInitialData(script)
		if err == nil && (len(raw) == 0 || raw[0] != '{') {
			t.Errorf("extracted %q, not an object", raw)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	seedFiles(f, "*.xml")
	f.Fuzz(func(t *testing.T, body []byte) {
		posts, err := parseFeed(body, "https://www.youtube.com")
		if err != nil {
			return
		}
		for i, p := range posts {
			if p.ID == "" || p.Published.IsZero() {
				t.Errorf("post %d without id or date: %+v", i, p)
			}
			if i > 0 && p.Published.After(posts[i-1].Published) {
				t.Errorf("post %d newer than post %d", i, i-1)
			}
		}
	})
}

func FuzzParseAccountURL(f *testing.F) {
	for _, s := range []string{"https://www.youtube.com/@kultur", "youtube.com/c/Name/about", "https://m.youtube.com/channel/UC7zcn1CGj73DF_KWsJwpIzA", "@x", "https://www.youtube.com/user/a%2Fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		ch, err := ParseAccountURL(raw)
		if err != nil {
			return
		}
		if !strings.HasPrefix(ch.Path, "/@") && !strings.HasPrefix(ch.Path, "/channel/UC") && !strings.HasPrefix(ch.Path, "/c/") && !strings.HasPrefix(ch.Path, "/user/") {
			t.Errorf("ParseAccountURL(%q) path %q", raw, ch.Path)
		}
		if strings.ContainsAny(ch.Path, "?# ") {
			t.Errorf("ParseAccountURL(%q) path %q escapes its segment", raw, ch.Path)
		}
		if strings.Count(ch.Path, "/") > 2 {
			t.Errorf("ParseAccountURL(%q) path %q has more than the channel's segment", raw, ch.Path)
		}
	})
}

func FuzzTextURLs(f *testing.F) {
	f.Add("Läs mer på stockholm.se/kultur, t.ex. https://start.stockholm/ eller kultur@stockholm.se.")
	f.Fuzz(func(t *testing.T, text string) {
		for _, u := range textURLs(text) {
			if !strings.HasPrefix(u.URL, "https://") && !strings.HasPrefix(u.URL, "http://") {
				t.Errorf("textURLs(%q) gave %q", text, u.URL)
			}
			if !utf8.ValidString(u.Written) && utf8.ValidString(text) {
				t.Errorf("textURLs(%q) cut a character: %q", text, u.Written)
			}
		}
	})
}
