// Package htmlpage is the one reader of HTML pages that every part of the
// scan shares: the web adapter, the city-site crawl in discover and the
// affiliation proofs. It decodes a page's character encoding (Decode),
// resolves its links against <base href> and reads what those three look
// for: links with their text, feeds a page announces and JSON-LD. Each
// caller then keeps its own policy on which links count, so that one
// reading of a page gives every caller the same addresses.
package htmlpage

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Page is what one HTML page says.
type Page struct {
	// Doc is the parsed document, for callers that read more (titles,
	// meta tags, visible text).
	Doc *goquery.Document
	// Base is the address relative links resolve against: the page's own
	// address, or its <base href> resolved against it. Nil when the
	// page's address is unknown and the page names no absolute base.
	Base *url.URL
	// Links are the <a>, <area> and <link> elements with an href, in
	// document order.
	Links []Link
	// JSONLD holds the application/ld+json blocks that are valid JSON,
	// decoded, in document order; a broken block is left out.
	JSONLD []any
}

// Parse reads an HTML document, already UTF-8 (see Decode), fetched from
// pageURL (which may be nil when the address is unknown).
func Parse(body []byte, pageURL *url.URL) (*Page, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	p := &Page{Doc: doc, Base: baseOf(doc, pageURL)}
	doc.Find("a[href], area[href], link[href]").Each(func(_ int, s *goquery.Selection) {
		p.Links = append(p.Links, p.linkOf(s))
	})
	p.JSONLD = jsonLD(doc)
	return p, nil
}

// baseOf resolves the first <base href> against the page's address; a
// base that does not parse is ignored, as browsers do.
func baseOf(doc *goquery.Document, pageURL *url.URL) *url.URL {
	href, ok := doc.Find("base[href]").First().Attr("href")
	if !ok {
		return pageURL
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return pageURL
	}
	if pageURL == nil {
		if u.IsAbs() {
			return u
		}
		return nil
	}
	return pageURL.ResolveReference(u)
}

// Resolve parses href, trimmed, and makes it absolute against the page's
// base. The fragment is kept; callers that do not want it drop it. It
// fails only when href does not parse.
func (p *Page) Resolve(href string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return nil, false
	}
	if p.Base == nil {
		return u, true
	}
	return p.Base.ResolveReference(u), true
}
