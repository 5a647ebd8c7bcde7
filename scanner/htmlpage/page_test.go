package htmlpage

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// linkRow is a Link without the parsed URL, for readable diffs.
type linkRow struct{ Tag, Rel, Href, URL, Text string }

func rows(links []Link) []linkRow {
	var out []linkRow
	for _, l := range links {
		r := linkRow{Tag: l.Tag, Rel: l.Rel, Href: l.Href, Text: l.Text}
		if l.URL != nil {
			r.URL = l.URL.String()
		}
		out = append(out, r)
	}
	return out
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestParseBaseLinks reads the web adapter's <base> fixture: every link
// resolves against <base href>, not the page's address, fragments stay,
// and an anchor without text is named by its image or label.
func TestParseBaseLinks(t *testing.T) {
	t.Parallel()
	body, err := os.ReadFile("../web/testdata/base-links/forvaltning.example/kontakt.html")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(Decode(body, "text/html; charset=utf-8"), mustURL(t, "https://forvaltning.example/kontakt"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Base.String(), "https://forvaltning.example/sv/miljo/"; got != want {
		t.Errorf("Base = %s, want %s", got, want)
	}
	want := []linkRow{
		{"link", "stylesheet", "css/site.css", "https://forvaltning.example/sv/miljo/css/site.css", ""},
		{"link", "alternate", "https://forvaltning.example/en/", "https://forvaltning.example/en/", ""},
		{"a", "", "#innehall", "https://forvaltning.example/sv/miljo/#innehall", "Till innehållet"},
		{"a", "", "../../", "https://forvaltning.example/", "Stockholms stad"},
		{"a", "", "tel:+46850828000", "tel:+46850828000", "08-508 28 000"},
		{"a", "", "mailto:miljoforvaltningen@stockholm.se?subject=Fr%C3%A5ga", "mailto:miljoforvaltningen@stockholm.se?subject=Fr%C3%A5ga", "miljoforvaltningen@stockholm.se"},
		{"a", "", "felanmalan/", "https://forvaltning.example/sv/miljo/felanmalan/", "Felanmälan"},
		{"a", "", "/sv/press/", "https://forvaltning.example/sv/press/", "Press"},
		{"a", "", "https://start.stockholm/miljo", "https://start.stockholm/miljo", "Mer på start.stockholm"},
		{"a", "", "javascript:window.print()", "javascript:window.print()", "Skriv ut"},
		{"a", "", "JavaScript:void(0)", "javascript:void(0)", "Dela"},
		{"a", "", "", "https://forvaltning.example/sv/miljo/", "Ladda om"},
		{"a", "", "ftp://forvaltning.example/arkiv/", "ftp://forvaltning.example/arkiv/", "Arkiv"},
		{"a", "", "villkor.html", "https://forvaltning.example/sv/miljo/villkor.html", "Villkor"},
	}
	if diff := cmp.Diff(want, rows(p.Links)); diff != "" {
		t.Errorf("Links (-want +got):\n%s", diff)
	}
	if feeds := p.Feeds(); len(feeds) != 0 {
		t.Errorf("Feeds = %q: an alternate language is no feed", feeds)
	}
	for i, l := range p.Links {
		if l.SamePage() != (i == 2 || i == 11) {
			t.Errorf("%q: SamePage = %v", l.Href, l.SamePage())
		}
	}
}

// TestParseLatin1City reads the affiliation fixtures that are not UTF-8:
// decoded, the rel="me" link of one page and the JSON-LD sameAs of the
// other both name the handle with its "ö".
func TestParseLatin1City(t *testing.T) {
	t.Parallel()
	const handle = "https://www.youtube.com/@stadsmuseetf%C3%B6rvaltning"
	dir := "../affiliation/testdata/latin1-city/stadsmuseet.stockholm.se"
	tests := []struct {
		file, contentType string
		rel, sameAs       []string
	}{
		{"index.html", "text/html; charset=ISO-8859-1", []string{handle}, nil},
		{"om.html", "text/html", nil, []string{"https://www.youtube.com/@stadsmuseetförvaltning"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := Parse(Decode(body, tt.contentType), mustURL(t, "https://stadsmuseet.stockholm.se/"))
			if err != nil {
				t.Fatal(err)
			}
			var rel []string
			for _, l := range p.Links {
				if l.HasRel("ME") {
					rel = append(rel, l.URL.String())
				}
			}
			if diff := cmp.Diff(tt.rel, rel); diff != "" {
				t.Errorf("rel=me links (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.sameAs, p.SameAs()); diff != "" {
				t.Errorf("SameAs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseFeedsAndJSONLD covers what the fixtures above do not: feeds
// announced with parameters and odd case, a broken JSON-LD block beside a
// good one, a relative <base>, and a page whose address is unknown.
func TestParseFeedsAndJSONLD(t *testing.T) {
	t.Parallel()
	const html = `<head><base href="/blogg/">
<LINK REL="Alternate" TYPE="Application/RSS+XML; charset=utf-8" HREF="rss">
<link rel="alternate" type="application/atom+xml" href="mailto:x@y.se">
<script type="application/ld+json">{ broken</script>
<script type="application/ld+json">{"sameAs": "https://x.com/a"}</script></head>`
	p, err := Parse([]byte(html), mustURL(t, "https://stad.example/a/b"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"https://stad.example/blogg/rss"}, p.Feeds()); diff != "" {
		t.Errorf("Feeds (-want +got):\n%s", diff)
	}
	if len(p.JSONLD) != 1 {
		t.Errorf("JSONLD holds %d blocks, want the one that is JSON", len(p.JSONLD))
	}
	unknown, err := Parse([]byte(html), nil)
	if err != nil {
		t.Fatal(err)
	}
	if unknown.Base != nil {
		t.Errorf("Base = %s for a relative <base> on a page of unknown address, want none", unknown.Base)
	}
	if u, ok := unknown.Resolve("rss"); !ok || u.String() != "rss" {
		t.Errorf("Resolve without a base = %v, %v; want the reference as written", u, ok)
	}
}

func TestSameAs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, json string
		want       []string
	}{
		{"list", `{"sameAs": ["https://x.com/a", "https://b.example/"]}`, []string{"https://x.com/a", "https://b.example/"}},
		{"single", `{"sameAs": "https://x.com/a"}`, []string{"https://x.com/a"}},
		{"nested graph, keys in order", `{"@graph": [{"b": {"sameAs": "https://x.com/b"}, "a": {"sameAs": "https://x.com/a"}}]}`, []string{"https://x.com/a", "https://x.com/b"}},
		{"own before nested", `{"a": {"sameAs": "https://x.com/a"}, "sameAs": "https://x.com/own"}`, []string{"https://x.com/own", "https://x.com/a"}},
		{"not JSON", `{sameAs: nope`, nil},
		{"numbers are no links", `{"sameAs": [1, null, "https://x.com/c"]}`, []string{"https://x.com/c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(`<script type="application/ld+json">`+tt.json+`</script>`), nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, p.SameAs()); diff != "" {
				t.Errorf("SameAs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSameAsDepthBounded(t *testing.T) {
	t.Parallel()
	var v any = map[string]any{"sameAs": "https://x.com/deep"}
	for i := 0; i < maxDepth+5; i++ {
		v = []any{v}
	}
	block, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse([]byte(`<script type="application/ld+json">`+string(block)+`</script>`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.SameAs(); len(got) != 0 {
		t.Errorf("SameAs walked %d levels deep: %q", maxDepth+5, got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`<base href="//other.example/"><a href="p">p</a><area href="#x"><link rel="me" href="/m">`,
		`<base href="http://[::1"><a href="http://%zz">x</a>`,
		`<script type="application/ld+json">[{"@graph":[{"sameAs":"x"}]}]</script>`,
		"\x00<a href=\xff>\xfe</a>",
	} {
		f.Add([]byte(s))
	}
	page := mustURL(f, "https://start.stockholm/sida/")
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := Parse(Decode(body, ""), page)
		if err != nil {
			return
		}
		if p.Base == nil || !p.Base.IsAbs() {
			t.Fatalf("Base %v of a page with an absolute address is not absolute", p.Base)
		}
		for _, l := range p.Links {
			if l.URL != nil && !l.URL.IsAbs() {
				t.Fatalf("link %q resolved to %q, not absolute", l.Href, l.URL)
			}
		}
		for _, feed := range p.Feeds() {
			if u, err := url.Parse(feed); err != nil || u.Scheme != "http" && u.Scheme != "https" {
				t.Fatalf("feed %q is not an http(s) address", feed)
			}
		}
	})
}
