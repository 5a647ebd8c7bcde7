package xapi

import (
	"net/url"
	"sort"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// profileOf normalises an X user: the description reads as X shows it,
// with every t.co link replaced by its display text, and the links are the
// addresses the user wrote (expanded_url), website first.
func profileOf(u user) scanner.Profile {
	desc := expandLinks(u.Description, u.Entities.Description.URLs)
	p := scanner.Profile{DisplayName: strings.TrimSpace(u.Name), Description: strings.TrimSpace(desc)}
	var links linkSet
	website := ""
	for _, e := range u.Entities.URL.URLs {
		if links.addEntity(e) && website == "" {
			website = shownAs(e)
		}
	}
	for _, e := range u.Entities.Description.URLs {
		links.addEntity(e)
	}
	// X links every address it recognises; a bare domain it missed is
	// still an address a reader sees.
	for _, w := range strings.Fields(u.Description) {
		if l := bareURL(w); l != "" {
			links.add(scanner.Link{URL: l, Text: strings.Trim(w, wordPunct)})
		}
	}
	p.Links = links.list
	p.Text = scanner.JoinText(p.DisplayName, p.Description, u.Location, website)
	return p
}

// expandLinks replaces the t.co links of text by what X displays for
// them. Longer links are replaced first, so one link that begins another
// cannot spoil it.
func expandLinks(text string, urls []entityURL) string {
	sorted := append([]entityURL(nil), urls...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i].URL) > len(sorted[j].URL) })
	var pairs []string
	for _, e := range sorted {
		if e.URL != "" && shownAs(e) != "" {
			pairs = append(pairs, e.URL, shownAs(e))
		}
	}
	if len(pairs) == 0 {
		return text
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// shownAs is the text X shows for a link.
func shownAs(e entityURL) string {
	if e.DisplayURL != "" {
		return e.DisplayURL
	}
	return e.ExpandedURL
}

// linkSet collects links once each, in the order found.
type linkSet struct {
	list []scanner.Link
	seen map[string]bool
}

// add keeps l unless a link to the same address is already kept.
func (s *linkSet) add(l scanner.Link) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[l.URL] {
		s.seen[l.URL] = true
		s.list = append(s.list, l)
	}
}

// addEntity adds the address behind a t.co link, when it is an absolute
// http(s) URL, and reports whether it was usable.
func (s *linkSet) addEntity(e entityURL) bool {
	u, err := url.Parse(strings.TrimSpace(e.ExpandedURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return false
	}
	s.add(scanner.Link{URL: u.String(), Text: shownAs(e)})
	return true
}

// wordPunct is what may stand around an address in prose.
const wordPunct = `.,;:!?()[]{}<>"'«»”“`

// bareURL returns w as an absolute URL when the word is a web address
// written as text, "https://start.stockholm/x" or "stockholm.se/kultur",
// and not a t.co link, a mention, an e-mail address or a cut display text.
func bareURL(w string) string {
	w = strings.Trim(w, wordPunct)
	if w == "" || strings.ContainsAny(w, "@#…") {
		return ""
	}
	lower := strings.ToLower(w)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		w = "https://" + w
	}
	u, err := url.Parse(w)
	if err != nil || u.Host == "" || u.User != nil || u.Port() != "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	labels := strings.Split(host, ".")
	tld := labels[len(labels)-1]
	if host == "t.co" || len(labels) < 2 || len(tld) < 2 || strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") != "" {
		return ""
	}
	for _, l := range labels {
		if l == "" {
			return ""
		}
	}
	return u.String()
}
