package mastodon

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// noteText returns the plain text of a Mastodon HTML fragment (a note or a
// field value): paragraphs separated by a blank line, <br> as a line
// break, entities decoded, runs of white space collapsed to one space.
// Text Mastodon hides visually (the "invisible" parts of a shortened link)
// is kept, so links read as their full address.
func noteText(fragment string) string {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	var w textWriter
	for _, n := range doc.Find("body").Nodes {
		w.node(n)
	}
	return w.String()
}

// selectionText is the plain text of the nodes of s, on one line.
func selectionText(s *goquery.Selection) string {
	var w textWriter
	for _, n := range s.Nodes {
		w.node(n)
	}
	return strings.Join(strings.Fields(w.String()), " ")
}

// textWriter accumulates text with collapsed white space and at most one
// blank line between blocks.
type textWriter struct {
	b            strings.Builder
	newlines     int  // newlines at the end of b
	spacePending bool // white space seen since the last character
}

// paragraphs are the elements that stand apart from their neighbours by a
// blank line; lines are those that start on a new line.
var (
	paragraphs = map[string]bool{"p": true, "blockquote": true, "pre": true, "ul": true, "ol": true}
	lines      = map[string]bool{"div": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "tr": true}
	skipped    = map[string]bool{"script": true, "style": true, "template": true, "noscript": true, "head": true}
)

func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch {
		case skipped[n.Data]:
			return
		case n.Data == "br":
			w.lineBreak(1, true)
			return
		}
	}
	gap := 0
	if n.Type == html.ElementNode {
		if paragraphs[n.Data] {
			gap = 2
		} else if lines[n.Data] {
			gap = 1
		}
	}
	w.lineBreak(gap, false)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	w.lineBreak(gap, false)
}

func (w *textWriter) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			w.spacePending = true
			continue
		}
		if w.spacePending && w.b.Len() > 0 && w.newlines == 0 {
			w.b.WriteByte(' ')
		}
		w.spacePending = false
		w.newlines = 0
		w.b.WriteRune(r)
	}
}

// lineBreak ends the current line so that n newlines follow the text;
// forced breaks (<br>) add a newline even right after another one.
func (w *textWriter) lineBreak(n int, forced bool) {
	if n == 0 || w.b.Len() == 0 {
		return
	}
	w.spacePending = false
	if forced {
		if w.newlines >= 2 {
			return
		}
		w.b.WriteByte('\n')
		w.newlines++
		return
	}
	for w.newlines < n {
		w.b.WriteByte('\n')
		w.newlines++
	}
}

// String returns the text without trailing line breaks.
func (w *textWriter) String() string {
	return strings.TrimRight(w.b.String(), "\n")
}
