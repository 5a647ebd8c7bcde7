package web

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// hidden are elements whose content a visitor does not read.
var hidden = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "head": true}

// blocks are elements that start a new line of text.
var blocks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true,
	"details": true, "dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "td": true, "th": true, "tr": true, "ul": true,
}

// visibleText returns the text of s without hidden elements: white space
// collapsed within each block, blocks on lines of their own, no empty
// lines.
func visibleText(s *goquery.Selection) string {
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
			if hidden[n.Data] {
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

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// aboutText is the text of the first element whose class or id names it
// an "about" or "om" part ("about-us", "om-bloggen", "footer-about"),
// matched word by word so that "bottom" or "comments" do not count.
func aboutText(doc *goquery.Document) string {
	var out string
	doc.Find("body *").EachWithBreak(func(_ int, e *goquery.Selection) bool {
		if !namesAbout(e.AttrOr("class", "")) && !namesAbout(e.AttrOr("id", "")) {
			return true
		}
		out = strings.ReplaceAll(visibleText(e), "\n", " ")
		return out == ""
	})
	return out
}

func namesAbout(v string) bool {
	words := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'à' <= r && r <= 'ö')
	})
	for _, w := range words {
		if w == "about" || w == "om" {
			return true
		}
	}
	return false
}
