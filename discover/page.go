package discover

import (
	"net/url"
	"path"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner/htmlpage"
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
	page, err := htmlpage.Parse(body, pageURL)
	if err != nil {
		return parsed{}, err
	}
	var p parsed
	seen := map[string]bool{}
	add := func(href string, u *url.URL) {
		if href == "" || strings.HasPrefix(href, "#") {
			return // the page itself
		}
		u, ok := crawlable(u)
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
	for _, l := range page.Links {
		if l.Tag != "link" {
			add(l.Href, l.URL)
		}
	}
	for _, l := range page.Links {
		if l.Tag == "link" && l.HasRel("me") {
			add(l.Href, l.URL)
		}
	}
	for _, href := range page.SameAs() {
		u, _ := page.Resolve(href)
		add(strings.TrimSpace(href), u)
	}
	return p, nil
}

// crawlable returns an http(s) address with a host, without its
// fragment; mailto:, tel: and javascript: links are not.
func crawlable(u *url.URL) (*url.URL, bool) {
	if u == nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, false
	}
	abs := *u
	abs.Fragment, abs.RawFragment = "", ""
	return &abs, true
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
