package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTextMatchers feeds scraped-looking text to every text matcher: none
// may panic, and every span must point at the text it reports.
func FuzzTextMatchers(f *testing.F) {
	for _, s := range []string{
		"", "Kontot drivs av Kultur\u00adförvaltningen i Stockholms\u00a0stad. 🙂",
		"Växel 08-508 290 00, +46 (0)8 508 290 00, 2026-09-28", "@kultur@mastodon.example kultur@stockholm.se",
		"\xff\xfe\x00 Stockholms stad", "👍🏽👨‍👩‍👧 | • · \n\r", "https://stockholm.se/kontakt?x=0850829127",
		strings.Repeat("a. ", 300), "s", "(0", "+4",
	} {
		f.Add(s, "Stockholms stad")
	}
	f.Add("Kulturförvaltningens", "Kulturförvaltningen")
	f.Add("ǅemal İstanbul", "i̇stanbul")
	f.Fuzz(func(t *testing.T, s, phrase string) {
		ft := foldText(s)
		if m, ok := ft.find(phrase); ok {
			if m.start < 0 || m.start > m.end || m.end > len(ft.orig) {
				t.Fatalf("match %d..%d outside %d bytes", m.start, m.end, len(ft.orig))
			}
			got := sentenceAround(m.text, m.start, m.end)
			if utf8.ValidString(s) && utf8.RuneCountInString(got) > maxSentenceRunes+2 {
				t.Fatalf("sentence of %d runes", utf8.RuneCountInString(got))
			}
		}
		findAny([]string{s}, []string{phrase, "Stockholms stad"})
		sentenceAround(s, len(s)/3, len(s)/2)
		sentenceAround(s, len(s), 0)
		for _, sp := range append(findPhones(s), findEmails(s)...) {
			if s[sp.start:sp.end] != sp.text {
				t.Fatalf("span %+v does not match its offsets", sp)
			}
		}
		proseOf(s)
		containsFold(s, phrase)
		hostOf(s)
		bareDomain(s)
		clip(s, 10)
	})
}
