package rules

import (
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// profileTexts returns the pieces of profile text to search: the full text,
// then the description and fields where the adapter left them out of it.
func profileTexts(p scanner.Profile) []string {
	var out []string
	add := func(s string) {
		if strings.TrimSpace(s) == "" {
			return
		}
		for _, have := range out {
			if strings.Contains(have, s) {
				return
			}
		}
		out = append(out, s)
	}
	add(p.Text)
	add(p.DisplayName)
	add(p.Description)
	for _, f := range p.Fields {
		add(f.Name)
		add(f.Value)
	}
	return out
}

// profileLinks returns the profile's links and the field values that are
// web addresses, each URL once.
func profileLinks(p scanner.Profile) []scanner.Link {
	var out []scanner.Link
	seen := map[string]bool{}
	add := func(l scanner.Link) {
		l.URL = strings.TrimSpace(l.URL)
		if l.URL == "" || seen[l.URL] {
			return
		}
		seen[l.URL] = true
		out = append(out, l)
	}
	for _, l := range p.Links {
		add(l)
	}
	for _, f := range p.Fields {
		if hostOf(f.Value) != "" {
			add(scanner.Link{URL: f.Value, Text: f.Name})
		}
	}
	return out
}

// sourceURL is where a profile's facts came from, for evidence links.
func sourceURL(res *scanner.Result) string {
	if len(res.Fetched.Sources) > 0 {
		return res.Fetched.Sources[0]
	}
	return res.Account.URL
}
