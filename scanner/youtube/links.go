package youtube

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// externalLinkViewModel is one link of the about panel: its title, the
// address as shown, and the redirect YouTube sends a click through.
type externalLinkViewModel struct {
	Title struct {
		Content string `json:"content"`
	} `json:"title"`
	Link struct {
		Content     string       `json:"content"`
		CommandRuns []commandRun `json:"commandRuns"`
	} `json:"link"`
}

// commandRun is what a tap on part of a text does; for a link, open the
// URL of its urlEndpoint.
type commandRun struct {
	OnTap struct {
		InnertubeCommand struct {
			URLEndpoint struct {
				URL string `json:"url"`
			} `json:"urlEndpoint"`
		} `json:"innertubeCommand"`
	} `json:"onTap"`
}

// runsTarget returns where the first tap that leads to a web address
// goes, or "".
func runsTarget(runs []commandRun) string {
	for _, r := range runs {
		if t := clickTarget(r.OnTap.InnertubeCommand.URLEndpoint.URL); t != "" {
			return t
		}
	}
	return ""
}

// externalLinks collects every channelExternalLinkViewModel of the page
// state, wherever YouTube nests it, once per target URL.
func externalLinks(tree any) []externalLink {
	var out []externalLink
	seen := map[string]bool{}
	for _, v := range findAll(tree, "channelExternalLinkViewModel") {
		var m externalLinkViewModel
		if !decodeInto(v, &m) {
			continue
		}
		target := runsTarget(m.Link.CommandRuns)
		if target == "" {
			target = webURL(m.Link.Content)
		}
		if target == "" || seen[target] {
			continue
		}
		seen[target] = true
		out = append(out, externalLink{
			Title:   strings.TrimSpace(m.Title.Content),
			Content: strings.TrimSpace(m.Link.Content),
			URL:     target,
		})
	}
	return out
}

// clickTarget returns where a link's click leads: the q parameter of
// YouTube's https://www.youtube.com/redirect?…&q=URL, or the URL itself
// when it is an absolute web address.
func clickTarget(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if (host == "youtube.com" || strings.HasSuffix(host, ".youtube.com")) && u.Path == "/redirect" {
		return webURL(u.Query().Get("q"))
	}
	return webURL(raw)
}

// webURL returns s as an absolute http(s) URL, adding https:// to an
// address written without a scheme ("stockholm.se/kultur"); "" when s is
// no web address.
func webURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
		return ""
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		if strings.Contains(s, "://") || strings.HasPrefix(s, "/") {
			return ""
		}
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.User != nil || !knownSuffix(u.Hostname()) {
		return ""
	}
	return u.String()
}

// knownSuffix reports whether host ends in a real top-level domain, so
// that "t.ex" and "bl.a" in Swedish prose are not taken for addresses.
func knownSuffix(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if !strings.Contains(host, ".") || strings.HasPrefix(host, ".") || strings.Contains(host, "..") {
		return false
	}
	suffix, icann := publicsuffix.PublicSuffix(host)
	return icann && suffix != host
}

// trimChars are what prose puts around an address: brackets, quotes and
// the punctuation ending a sentence.
const trimChars = `()[]{}<>"'«»“”‘’,.;:!?`

// textURLs finds the web addresses written as plain text in s, with or
// without a scheme, in order, each once; e-mail addresses are skipped.
func textURLs(s string) []textURL {
	var out []textURL
	seen := map[string]bool{}
	for _, word := range strings.FieldsFunc(s, unicode.IsSpace) {
		word = strings.Trim(word, trimChars)
		if word == "" || strings.Contains(word, "@") {
			continue
		}
		u := webURL(word)
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		out = append(out, textURL{Written: word, URL: u})
	}
	return out
}

// textURL is an address found in plain text.
type textURL struct {
	Written string // as the text writes it
	URL     string // absolute
}
