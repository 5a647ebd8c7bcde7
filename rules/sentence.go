package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSentenceRunes bounds evidence quotes so a page's body text never
// floods a report cell.
const maxSentenceRunes = 200

// sentenceBreak reports runes that end a sentence-like piece of profile
// text on their own: line breaks and the separators bios use.
func sentenceBreak(r rune) bool {
	switch r {
	case '\n', '\r', '|', '•', '·':
		return true
	}
	return false
}

func sentenceEnd(r rune) bool { return r == '.' || r == '!' || r == '?' }

// sentenceAround returns the sentence of s that holds the bytes
// [start, end), white space collapsed, cut to about maxSentenceRunes around
// the match with "…" where it was cut.
func sentenceAround(s string, start, end int) string {
	start = max(0, min(start, len(s)))
	end = max(start, min(end, len(s)))
	left := start
	for left > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:left])
		if sentenceBreak(r) {
			break
		}
		if unicode.IsSpace(r) && left-w > 0 {
			p, _ := utf8.DecodeLastRuneInString(s[:left-w])
			if sentenceEnd(p) {
				break
			}
		}
		left -= w
	}
	right := end
	for right < len(s) {
		r, w := utf8.DecodeRuneInString(s[right:])
		if sentenceBreak(r) {
			break
		}
		right += w
		if sentenceEnd(r) {
			if right == len(s) {
				break
			}
			if next, _ := utf8.DecodeRuneInString(s[right:]); unicode.IsSpace(next) {
				break
			}
		}
	}
	pre := []rune(collapseSpace(s[left:start]))
	match := []rune(collapseSpace(s[start:end]))
	post := []rune(collapseSpace(s[end:right]))
	if len(match) >= maxSentenceRunes {
		return strings.TrimSpace(string(match[:maxSentenceRunes])) + "…"
	}
	if len(pre)+len(match)+len(post) <= maxSentenceRunes {
		return strings.TrimSpace(string(pre) + string(match) + string(post))
	}
	budget := maxSentenceRunes - len(match)
	before := min(len(pre), budget/2)
	after := min(len(post), budget-before)
	before = min(len(pre), budget-after)
	out := string(match)
	if before < len(pre) {
		out = "…" + strings.TrimLeft(string(pre[len(pre)-before:]), " ") + out
	} else {
		out = string(pre) + out
	}
	if after < len(post) {
		out += strings.TrimRight(string(post[:after]), " ") + "…"
	} else {
		out += string(post)
	}
	return strings.TrimSpace(out)
}

// collapseSpace turns every run of white space into one space and drops
// invisible characters, without trimming the ends.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return b.String()
}

// clip trims s, collapses its white space and cuts it to n runes.
func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(collapseSpace(s)))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}
