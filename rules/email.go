package rules

import (
	"regexp"
	"unicode/utf8"
)

// emailPattern finds e-mail addresses, Swedish letters included.
var emailPattern = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`)

// findEmails returns the e-mail addresses written in s. A fediverse handle
// such as @kultur@mastodon.social is not an e-mail address.
func findEmails(s string) []span {
	var out []span
	for _, loc := range emailPattern.FindAllStringIndex(s, -1) {
		if loc[0] > 0 {
			if prev, _ := utf8.DecodeLastRuneInString(s[:loc[0]]); prev == '@' {
				continue
			}
		}
		out = append(out, span{text: s[loc[0]:loc[1]], start: loc[0], end: loc[1]})
	}
	return out
}
