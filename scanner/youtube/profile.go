package youtube

import (
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// profile normalises the page: the channel title and description, the
// about panel's links with their titles, then the addresses the
// description writes as plain text.
func (p channelPage) profile() scanner.Profile {
	text := []string{p.Title, p.Description}
	var links []scanner.Link
	seen := map[string]bool{}
	for _, l := range p.Links {
		label, line := l.Title, l.Title+": "+l.Content
		switch {
		case l.Title == "":
			label, line = l.Content, l.Content
		case l.Content == "":
			line = l.Title
		}
		text = append(text, line)
		seen[l.URL] = true
		links = append(links, scanner.Link{URL: l.URL, Text: label})
	}
	for _, t := range textURLs(p.Description) {
		if !seen[t.URL] {
			seen[t.URL] = true
			links = append(links, scanner.Link{URL: t.URL, Text: t.Written})
		}
	}
	return scanner.Profile{
		DisplayName: strings.TrimSpace(p.Title),
		Description: p.Description,
		Text:        scanner.JoinText(text...),
		Links:       links,
		LinksHidden: p.HiddenLinks,
	}
}
