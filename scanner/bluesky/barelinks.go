package bluesky

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
	"golang.org/x/net/publicsuffix"
)

// bareLinkRe finds web addresses written as text: an optional http(s)
// scheme, a host of two or more labels ending in a letters-only top-level
// label, an optional port and an optional path, query or fragment.
var bareLinkRe = regexp.MustCompile(`(?i)(https?://)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?\.)+\p{L}{2,63})(:[0-9]{1,5})?([/?#][^\s]*)?`)

// trailingPunct is punctuation that ends a sentence rather than a URL.
const trailingPunct = `.,;:!?'"»”’…`

// bareLinks returns the web addresses written in plain text, such as
// "https://start.stockholm/kultur" or "stockholm.se/kultur", as absolute
// links whose text is the address as written. Bluesky shows descriptions
// as text, so nothing else marks them. Without a scheme an address needs
// a top-level domain that ICANN delegates, so Swedish abbreviations like
// "t.ex." stay text; the domain of an e-mail address or an @handle is not
// a link.
func bareLinks(text string) []scanner.Link {
	var links []scanner.Link
	seen := map[string]bool{}
	for _, m := range bareLinkRe.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[0], m[1]
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && partOfWord(r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && r == '@' {
			continue // the local part of an e-mail address
		}
		scheme, host := strings.ToLower(sub(text, m, 1)), sub(text, m, 2)
		rest := trimTrailing(sub(text, m, 3) + sub(text, m, 4))
		if scheme == "" && !delegatedTLD(host) {
			continue
		}
		if scheme == "" {
			scheme = "https://"
		}
		u := scheme + strings.ToLower(host) + rest
		if _, err := url.Parse(u); err != nil || seen[u] {
			continue
		}
		seen[u] = true
		links = append(links, scanner.Link{URL: u, Text: text[start : start+len(sub(text, m, 1))+len(host)+len(rest)]})
	}
	return links
}

// sub returns submatch i of the match m in s, or "".
func sub(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// partOfWord reports whether r, just before an address, makes it part of
// something else: an e-mail address or handle (@), a longer name, or a
// URL of another scheme.
func partOfWord(r rune) bool {
	return r == '@' || r == '.' || r == '-' || r == '_' || r == '/' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// trimTrailing drops the sentence punctuation after an address and a
// closing bracket that has no opening one inside it.
func trimTrailing(rest string) string {
	for rest != "" {
		r, n := utf8.DecodeLastRuneInString(rest)
		switch {
		case strings.ContainsRune(trailingPunct, r):
		case r == ')' && strings.Count(rest, "(") < strings.Count(rest, ")"):
		case r == ']' && strings.Count(rest, "[") < strings.Count(rest, "]"):
		default:
			return rest
		}
		rest = rest[:len(rest)-n]
	}
	return rest
}

// delegatedTLD reports whether host, written without a scheme, ends in a
// top-level domain ICANN delegates, written in lower case (or the whole
// host in capitals): "kulturskolan.Vi ses" is a missing space, not a
// Virgin Islands address.
func delegatedTLD(host string) bool {
	tld := host[strings.LastIndexByte(host, '.')+1:]
	if tld != strings.ToLower(tld) && host != strings.ToUpper(host) {
		return false
	}
	_, icann := publicsuffix.PublicSuffix(strings.ToLower(tld))
	return icann
}
