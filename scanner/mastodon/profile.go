package mastodon

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stockholm-stad/smaudit/scanner"
)

// profileOf normalises an Account: plain-text note and fields, and every
// link in the note and in field values, resolved against the profile URL.
func profileOf(ac account) (scanner.Profile, error) {
	base, err := url.Parse(ac.URL)
	if err != nil {
		base = &url.URL{}
	}
	note := noteText(ac.Note)
	p := scanner.Profile{DisplayName: ac.DisplayName, Description: note}
	text := []string{ac.DisplayName, note}
	var links linkSet
	links.addHTML(ac.Note, base, "")
	for _, f := range ac.Fields {
		value := noteText(f.Value)
		pf := scanner.Field{Name: f.Name, Value: value}
		if f.VerifiedAt != nil && *f.VerifiedAt != "" {
			t, err := time.Parse(time.RFC3339Nano, *f.VerifiedAt)
			if err != nil {
				return scanner.Profile{}, fmt.Errorf("field %q: verified_at %q is not an ISO 8601 time: %w", f.Name, *f.VerifiedAt, err)
			}
			pf.VerifiedAt = t
		}
		p.Fields = append(p.Fields, pf)
		text = append(text, f.Name+": "+value)
		if !links.addHTML(f.Value, base, f.Name) {
			if u := bareURL(value); u != "" {
				links.add(scanner.Link{URL: u, Text: f.Name})
			}
		}
	}
	p.Text = scanner.JoinText(text...)
	p.Links = links.list
	return p, nil
}

// linkSet collects links once each, in the order found.
type linkSet struct {
	list []scanner.Link
	seen map[scanner.Link]bool
}

func (s *linkSet) add(l scanner.Link) {
	if s.seen == nil {
		s.seen = map[scanner.Link]bool{}
	}
	if !s.seen[l] {
		s.seen[l] = true
		s.list = append(s.list, l)
	}
}

// addHTML adds every <a href> of fragment; the link text is the anchor's
// text, or name when it is set (profile fields). It reports whether the
// fragment had any usable link.
func (s *linkSet) addHTML(fragment string, base *url.URL, name string) bool {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(fragment))
	if err != nil {
		return false
	}
	found := false
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := url.Parse(strings.TrimSpace(href))
		if err != nil {
			return
		}
		abs := base.ResolveReference(u)
		switch abs.Scheme {
		case "http", "https", "mailto", "tel":
		default:
			return
		}
		text := name
		if text == "" {
			text = selectionText(a)
		}
		s.add(scanner.Link{URL: abs.String(), Text: text})
		found = true
	})
	return found
}

// bareURL returns v as an absolute URL when the whole value is a web
// address written as text: "https://start.stockholm/x" or
// "stockholm.se/kultur" (Mastodon links only addresses with a scheme).
func bareURL(v string) string {
	v = strings.TrimSpace(v)
	if v == "" || strings.ContainsAny(v, " \t\n@") {
		return ""
	}
	lower := strings.ToLower(v)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		v = "https://" + v
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" {
		return ""
	}
	labels := strings.Split(strings.ToLower(u.Hostname()), ".")
	tld := labels[len(labels)-1]
	if len(labels) < 2 || len(tld) < 2 || strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") != "" {
		return ""
	}
	return u.String()
}
