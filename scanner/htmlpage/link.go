package htmlpage

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Link is one <a>, <area> or <link> element with an href.
type Link struct {
	Tag  string   // "a", "area" or "link"
	Rel  string   // the rel attribute as written
	Type string   // the type attribute as written (feeds say theirs)
	Href string   // the href as written, without surrounding space
	URL  *url.URL // Href resolved against the page's base; nil when it does not parse
	Text string   // an anchor's visible text, else its label, title or image text
}

// HasRel reports whether the link's rel attribute lists token. Link
// types are case-insensitive in HTML: rel="Me" is rel="me".
func (l Link) HasRel(token string) bool {
	for _, t := range strings.Fields(l.Rel) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

// SamePage reports whether the link points nowhere or within the page
// itself: an empty href or a bare fragment ("#top").
func (l Link) SamePage() bool {
	return l.Href == "" || strings.HasPrefix(l.Href, "#")
}

func (p *Page) linkOf(s *goquery.Selection) Link {
	l := Link{
		Tag:  goquery.NodeName(s),
		Rel:  s.AttrOr("rel", ""),
		Type: s.AttrOr("type", ""),
		Href: strings.TrimSpace(s.AttrOr("href", "")),
	}
	if u, ok := p.Resolve(l.Href); ok {
		l.URL = u
	}
	if l.Tag == "a" {
		l.Text = anchorText(s)
	}
	return l
}

// anchorText is an anchor's visible text, else its aria-label, title or
// the alt text of an image inside it: what a person sees as the link.
func anchorText(a *goquery.Selection) string {
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

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
