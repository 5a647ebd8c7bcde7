package htmlpage

import (
	"encoding/json"
	"sort"

	"github.com/PuerkitoBio/goquery"
)

// maxDepth bounds how deep SameAs walks a JSON-LD value; real blocks are a
// few levels deep, and scraped text must not make the walk unbounded.
const maxDepth = 32

func jsonLD(doc *goquery.Document) []any {
	var out []any
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) == nil {
			out = append(out, v)
		}
	})
	return out
}

// SameAs returns the sameAs addresses of the page's JSON-LD, where sites
// name their accounts for search engines, as written (unresolved; see
// Resolve). An object's own sameAs comes before those nested in it, and
// nested values are visited in key order, so the list does not depend on
// map order.
func (p *Page) SameAs() []string {
	var out []string
	for _, v := range p.JSONLD {
		out = appendSameAs(out, v, 0)
	}
	return out
}

func appendSameAs(out []string, v any, depth int) []string {
	if depth > maxDepth {
		return out
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			out = appendSameAs(out, e, depth+1)
		}
	case map[string]any:
		switch s := t["sameAs"].(type) {
		case string:
			out = append(out, s)
		case []any:
			for _, e := range s {
				if str, ok := e.(string); ok {
					out = append(out, str)
				}
			}
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			if k != "sameAs" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = appendSameAs(out, t[k], depth+1)
		}
	}
	return out
}
