package htmlpage

import "strings"

// feedTypes are the <link rel="alternate"> types taken as feeds.
var feedTypes = map[string]bool{"application/rss+xml": true, "application/atom+xml": true}

// Feeds returns the RSS and Atom feeds the page announces for
// autodiscovery (<link rel="alternate" type="application/rss+xml">),
// resolved, http(s) only, in page order.
func (p *Page) Feeds() []string {
	var out []string
	for _, l := range p.Links {
		if l.Tag != "link" || !l.HasRel("alternate") || l.URL == nil {
			continue
		}
		typ, _, _ := strings.Cut(l.Type, ";")
		if !feedTypes[strings.ToLower(strings.TrimSpace(typ))] {
			continue
		}
		if l.URL.Scheme == "http" || l.URL.Scheme == "https" {
			out = append(out, l.URL.String())
		}
	}
	return out
}
