package web

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/htmlpage"
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

// parsePage reads an HTML document fetched from pageURL. Relative links
// resolve against <base href> when the page has one.
func parsePage(body []byte, pageURL *url.URL) (page, error) {
	hp, err := htmlpage.Parse(body, pageURL)
	if err != nil {
		return page{}, err
	}
	doc := hp.Doc
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
	p.Links = links(hp)
	p.Feeds = hp.Feeds()
	return p, nil
}

// links returns every usable <a href> once, resolved and with its text.
// javascript: and same-page fragment links are skipped; mailto: and tel:
// are kept because contact details are what the policy asks for.
func links(hp *htmlpage.Page) []scanner.Link {
	var out []scanner.Link
	seen := map[scanner.Link]bool{}
	for _, a := range hp.Links {
		if a.Tag != "a" || a.SamePage() || a.URL == nil {
			continue
		}
		switch a.URL.Scheme {
		case "http", "https", "mailto", "tel":
		default:
			continue
		}
		l := scanner.Link{URL: a.URL.String(), Text: a.Text}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}
