package web

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/stockholm-stad/smaudit/scanner"
)

// page is what the adapter reads from one HTML page.
type page struct {
	Title       string
	Description string
	Text        string // visible body text, one block a line
	Links       []scanner.Link
	Feeds       []string // autodiscovered RSS/Atom feeds, absolute, in page order
	WordPress   bool     // the generator meta names WordPress
}

// feedTypes are the <link rel="alternate"> types taken as feeds.
var feedTypes = map[string]bool{"application/rss+xml": true, "application/atom+xml": true}

// parsePage reads an HTML document fetched from pageURL. Relative links
// resolve against <base href> when the page has one.
func parsePage(body []byte, pageURL *url.URL) (page, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return page{}, err
	}
	base := pageURL
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
			base = pageURL.ResolveReference(u)
		}
	}
	var p page
	p.Title = collapse(doc.Find("title").First().Text())
	var ogTitle, ogDesc string
	doc.Find("meta").Each(func(_ int, m *goquery.Selection) {
		name := strings.ToLower(strings.TrimSpace(m.AttrOr("name", m.AttrOr("property", ""))))
		content := collapse(m.AttrOr("content", ""))
		switch {
		case name == "description" && p.Description == "":
			p.Description = content
		case name == "og:description" && ogDesc == "":
			ogDesc = content
		case name == "og:title" && ogTitle == "":
			ogTitle = content
		case name == "generator" && strings.HasPrefix(strings.ToLower(content), "wordpress"):
			p.WordPress = true
		}
	})
	if p.Title == "" {
		p.Title = ogTitle
	}
	if p.Description == "" {
		p.Description = ogDesc
	}
	if p.Description == "" {
		p.Description = aboutText(doc)
	}
	p.Text = visibleText(doc.Find("body"))
	p.Links = links(doc, base)
	p.Feeds = feeds(doc, base)
	return p, nil
}

// links returns every usable <a href> once, resolved and with its text.
// javascript: and same-page fragment links are skipped; mailto: and tel:
// are kept because contact details are what the policy asks for.
func links(doc *goquery.Document, base *url.URL) []scanner.Link {
	var out []scanner.Link
	seen := map[scanner.Link]bool{}
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href := strings.TrimSpace(a.AttrOr("href", ""))
		if href == "" || strings.HasPrefix(href, "#") {
			return
		}
		u, err := url.Parse(href)
		if err != nil {
			return
		}
		abs := base.ResolveReference(u)
		switch abs.Scheme {
		case "http", "https", "mailto", "tel":
		default:
			return
		}
		l := scanner.Link{URL: abs.String(), Text: linkText(a)}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	})
	return out
}

// linkText is an anchor's visible text, else its label or image text.
func linkText(a *goquery.Selection) string {
	if t := collapse(a.Text()); t != "" {
		return t
	}
	for _, v := range []string{a.AttrOr("aria-label", ""), a.AttrOr("title", ""), a.Find("img[alt]").First().AttrOr("alt", "")} {
		if t := collapse(v); t != "" {
			return t
		}
	}
	return ""
}

// feeds returns the page's autodiscovery feed links, resolved.
func feeds(doc *goquery.Document, base *url.URL) []string {
	var out []string
	doc.Find("link[rel][href]").Each(func(_ int, l *goquery.Selection) {
		if !hasToken(l.AttrOr("rel", ""), "alternate") {
			return
		}
		typ, _, _ := strings.Cut(l.AttrOr("type", ""), ";")
		if !feedTypes[strings.ToLower(strings.TrimSpace(typ))] {
			return
		}
		u, err := url.Parse(strings.TrimSpace(l.AttrOr("href", "")))
		if err != nil {
			return
		}
		abs := base.ResolveReference(u)
		if abs.Scheme == "http" || abs.Scheme == "https" {
			out = append(out, abs.String())
		}
	})
	return out
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}
