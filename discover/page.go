package discover

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// parsed is what Crawl reads from one page.
type parsed struct {
	accounts []Account  // social-media accounts linked, in page order, once each
	pages    []*url.URL // every other http(s) link, resolved, without fragment
}

// parsePage reads the links of an HTML page fetched from pageURL: anchors
// and image-map areas, <link rel="me">, and the sameAs list of JSON-LD,
// where sites name their accounts for search engines. Relative links
// resolve against <base href> when the page has one.
func parsePage(body []byte, pageURL *url.URL) (parsed, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return parsed{}, err
	}
	base := pageURL
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
			base = pageURL.ResolveReference(u)
		}
	}
	var p parsed
	seen := map[string]bool{}
	add := func(href string) {
		u, ok := resolve(base, href)
		if !ok {
			return
		}
		if acc, ok := Recognize(u.String()); ok {
			if !seen[acc.Key] {
				seen[acc.Key] = true
				p.accounts = append(p.accounts, acc)
			}
			return
		}
		p.pages = append(p.pages, u)
	}
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) { add(s.AttrOr("href", "")) })
	doc.Find("link[rel][href]").Each(func(_ int, s *goquery.Selection) {
		if hasToken(s.AttrOr("rel", ""), "me") {
			add(s.AttrOr("href", ""))
		}
	})
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		for _, href := range sameAs(s.Text()) {
			add(href)
		}
	})
	return p, nil
}

// resolve makes href absolute against base and drops its fragment. It
// refuses same-page fragments and anything that is not http(s): mailto:,
// tel:, javascript:.
func resolve(base *url.URL, href string) (*url.URL, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil, false
	}
	u, err := url.Parse(href)
	if err != nil {
		return nil, false
	}
	abs := base.ResolveReference(u)
	if abs.Scheme != "http" && abs.Scheme != "https" || abs.Host == "" {
		return nil, false
	}
	abs.Fragment, abs.RawFragment = "", ""
	return abs, true
}

// sameAs collects the sameAs addresses of a JSON-LD block, at any depth;
// a block that is not JSON gives none.
func sameAs(text string) []string {
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return nil
	}
	var out []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 32 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		case map[string]any:
			switch s := t["sameAs"].(type) {
			case string:
				out = append(out, s)
			case []any:
				for _, e := range s {
					if str, ok := e.(string); ok {
						out = append(out, str)
					}
				}
			}
			keys := make([]string, 0, len(t))
			for k := range t {
				if k != "sameAs" {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys) // maps have no order; the output must
			for _, k := range keys {
				walk(t[k], depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}

// fileExtensions are the endings of links to documents and media rather
// than pages; the crawl does not fetch them.
var fileExtensions = set(".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf",
	".txt", ".csv", ".xml", ".json", ".zip", ".gz", ".rar", ".7z", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp",
	".bmp", ".tif", ".tiff", ".ico", ".mp3", ".mp4", ".m4a", ".mov", ".avi", ".wmv", ".webm", ".ogg", ".wav",
	".ics", ".vcf", ".exe", ".dmg", ".msi", ".apk", ".css", ".js", ".woff", ".woff2", ".ttf", ".eot", ".epub")

// looksLikeFile reports whether a link's path names a document or media file.
func looksLikeFile(p string) bool {
	return fileExtensions[strings.ToLower(path.Ext(p))]
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}
