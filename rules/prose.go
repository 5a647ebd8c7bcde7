package rules

import (
	"regexp"
	"strings"
)

var (
	// urlPattern finds web addresses with a scheme or www.
	urlPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	// bareURLPattern finds scheme-less addresses on common top-level domains
	// ("stockholm.se/kultur").
	bareURLPattern = regexp.MustCompile(`(?i)\b[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.(?:se|nu|com|org|net|eu|io|info|stockholm|social)\b(?:/\S*)?`)
	// mentionPattern finds @names and fediverse handles.
	mentionPattern = regexp.MustCompile(`@[\p{L}\p{N}_.\-]+(?:@[\p{L}\p{N}.\-]+)?`)
)

// proseOf returns the words of s that describe something: links, e-mail
// addresses, handles and phone numbers removed, with the punctuation they
// leave alone, white space collapsed.
func proseOf(s string) string {
	for _, sp := range reverse(findEmails(s)) {
		s = s[:sp.start] + " " + s[sp.end:]
	}
	s = urlPattern.ReplaceAllString(s, " ")
	s = bareURLPattern.ReplaceAllString(s, " ")
	s = mentionPattern.ReplaceAllString(s, " ")
	for _, sp := range reverse(findPhones(s)) {
		s = s[:sp.start] + " " + s[sp.end:]
	}
	words := strings.Fields(collapseSpace(s))
	kept := words[:0]
	for _, w := range words {
		if strings.IndexFunc(w, isWordRune) >= 0 {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// reverse returns spans last first, so cutting them keeps earlier offsets
// valid.
func reverse(spans []span) []span {
	out := make([]span, len(spans))
	for i, sp := range spans {
		out[len(spans)-1-i] = sp
	}
	return out
}
