package htmlpage

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// MainText is the text a person reads as the page's content: the first
// <main> (or role="main"), else the first <article>, else the body
// without its <header>, <nav>, <footer> and <aside>. A city page's menu
// and footer name every service of the city ("Anmäl", "Kontakta oss"),
// and a rule that looks for such words on a terms page must find them in
// the terms, not in the site's chrome. Scripts, styles and other
// elements a visitor does not read are left out; white space is collapsed
// within each block, blocks stand on lines of their own, and there are no
// empty lines.
func (p *Page) MainText() string {
	for _, sel := range []string{"main", "[role=main]", "article"} {
		if s := p.Doc.Find(sel).First(); s.Length() > 0 {
			if t := blockText(s, nil); t != "" {
				return t
			}
		}
	}
	return blockText(p.Doc.Find("body"), chrome)
}

// unread are elements whose content a visitor does not read.
var unread = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "head": true, "svg": true}

// chrome are the parts of a page around its content: left out when the
// page marks no main part.
var chrome = map[string]bool{"header": true, "nav": true, "footer": true, "aside": true}

// blocks are elements that start a new line of text.
var blocks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true,
	"details": true, "dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "td": true, "th": true, "tr": true, "ul": true,
}

// BlockText returns the text of s as a visitor reads it: white space
// collapsed within each block, blocks on lines of their own, no empty
// lines. Elements for which skip is true are left out with all they
// hold; a nil skip keeps everything.
func BlockText(s *goquery.Selection, skip func(*html.Node) bool) string {
	var lines []string
	var cur strings.Builder
	flush := func() {
		if line := collapse(cur.String()); line != "" {
			lines = append(lines, line)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skip != nil && skip(n) {
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	flush()
	return strings.Join(lines, "\n")
}

// blockText returns the text of s, without unread elements, hidden ones
// and those in skip, one block a line.
func blockText(s *goquery.Selection, skip map[string]bool) string {
	return BlockText(s, func(n *html.Node) bool {
		return unread[n.Data] || skip[n.Data] || hasAttr(n, "hidden")
	})
}

// hasAttr reports whether n carries the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
