package web

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/stockholm-stad/smaudit/scanner/htmlpage"
)

// hidden are elements whose content a visitor does not read.
var hidden = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "head": true}

// visibleText returns the text of s without hidden elements: white space
// collapsed within each block, blocks on lines of their own, no empty
// lines.
func visibleText(s *goquery.Selection) string {
	return htmlpage.BlockText(s, func(n *html.Node) bool { return hidden[n.Data] })
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
