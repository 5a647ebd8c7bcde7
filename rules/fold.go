package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldedText is a text prepared for forgiving phrase search: composed
// (NFC), lower case, soft hyphens and zero-width characters dropped, every
// run of white space (NBSP included) one plain space. It remembers where
// each folded rune came from, so a match can be shown in the writer's own
// words.
type foldedText struct {
	orig  string // the text, composed
	runes []rune
	start []int // byte offset in orig where runes[i] begins
	end   []int // byte offset in orig just after runes[i]
}

// phraseMatch is where a phrase was found, as byte offsets into the
// original (composed) text.
type phraseMatch struct {
	text       string
	start, end int
	phrase     string
}

// invisible reports runes that may sit inside a word without showing:
// soft hyphens and zero-width spaces and joiners.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// foldText prepares s for phrase search.
func foldText(s string) foldedText {
	s = norm.NFC.String(s)
	f := foldedText{orig: s}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case invisible(r):
		case unicode.IsSpace(r):
			if n := len(f.runes); n > 0 && f.runes[n-1] == ' ' {
				f.end[n-1] = i + w
				break
			}
			f.add(' ', i, i+w)
		case r == '\u2010' || r == '\u2011':
			f.add('-', i, i+w)
		default:
			f.add(unicode.ToLower(r), i, i+w)
		}
		i += w
	}
	return f
}

func (f *foldedText) add(r rune, start, end int) {
	f.runes = append(f.runes, r)
	f.start = append(f.start, start)
	f.end = append(f.end, end)
}

// foldPhrase folds s the way foldText does, trimmed, for comparing names.
func foldPhrase(s string) string {
	return strings.TrimSpace(string(foldText(s).runes))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// find returns the first occurrence of phrase as whole words. A Swedish
// genitive s after the phrase is allowed, so "Stockholms stads" counts as
// "Stockholms stad" while "Stockholms stadsbibliotek" does not.
func (f foldedText) find(phrase string) (phraseMatch, bool) {
	p := []rune(foldPhrase(phrase))
	if len(p) == 0 {
		return phraseMatch{}, false
	}
	n := len(f.runes)
	for i := 0; i+len(p) <= n; i++ {
		if !runesAt(f.runes, i, p) {
			continue
		}
		j := i + len(p)
		if isWordRune(p[0]) && i > 0 && isWordRune(f.runes[i-1]) {
			continue
		}
		if isWordRune(p[len(p)-1]) && j < n && isWordRune(f.runes[j]) {
			genitive := f.runes[j] == 's' && (j+1 == n || !isWordRune(f.runes[j+1]))
			if !genitive {
				continue
			}
		}
		return phraseMatch{text: f.orig, start: f.start[i], end: f.end[j-1], phrase: phrase}, true
	}
	return phraseMatch{}, false
}

func runesAt(s []rune, i int, p []rune) bool {
	for k, r := range p {
		if s[i+k] != r {
			return false
		}
	}
	return true
}

// findAny returns the earliest match of any phrase in the first text that
// has one.
func findAny(texts, phrases []string) (phraseMatch, bool) {
	for _, t := range texts {
		f := foldText(t)
		var best phraseMatch
		found := false
		for _, p := range phrases {
			m, ok := f.find(p)
			if ok && (!found || m.start < best.start) {
				best, found = m, true
			}
		}
		if found {
			return best, true
		}
	}
	return phraseMatch{}, false
}

// containsFold reports whether word occurs anywhere in s, folded, also
// inside longer words ("villkor" in "användarvillkor").
func containsFold(s, word string) bool {
	w := foldPhrase(word)
	return w != "" && strings.Contains(string(foldText(s).runes), w)
}
