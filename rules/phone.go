package rules

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phoneCandidate finds digit runs that may be phone numbers: international
// (+46 8 508 290 00, +46 (0)8 …, 0046…), with the area code in brackets
// ((08) 508 290 00) or national (08-508 290 00, 0850829127). Groups may be
// split by one space, NBSP or hyphen. findPhones then rejects dates, years
// and parts of longer numbers.
var phoneCandidate = regexp.MustCompile(
	`(?:\+|\b00)[1-9]\d{0,2}[ \x{00A0}\-]?(?:\(0\)[ \x{00A0}\-]?)?\d(?:[ \x{00A0}\-]?\d)*` +
		`|\(0[1-9]\d{0,2}\)[ \x{00A0}]?\d(?:[ \x{00A0}\-]?\d)*` +
		`|\b0[1-9](?:[ \x{00A0}\-]?\d)*`)

// dateLike matches numbers written as dates, which the national pattern
// would otherwise take: 01-02-2026, 2026-09-28.
var dateLike = regexp.MustCompile(`^(?:\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2})$`)

// span is a found item: its text and its byte offsets.
type span struct {
	text       string
	start, end int
}

// findPhones returns the phone numbers written in s.
func findPhones(s string) []span {
	var out []span
	for _, loc := range phoneCandidate.FindAllStringIndex(s, -1) {
		start, end := loc[0], loc[1]
		raw := s[start:end]
		if !phoneContextOK(s, start, end) || dateLike.MatchString(raw) || !phoneDigitsOK(raw) {
			continue
		}
		out = append(out, span{text: raw, start: start, end: end})
	}
	return out
}

// phoneContextOK rejects candidates glued to other text: part of a longer
// number, a date, a URL path or an identifier.
func phoneContextOK(s string, start, end int) bool {
	if start > 0 {
		prev, w := utf8.DecodeLastRuneInString(s[:start])
		if isWordRune(prev) || strings.ContainsRune("-/_=#&%@+–", prev) {
			return false
		}
		if prev == '.' || prev == ',' {
			if pp, _ := utf8.DecodeLastRuneInString(s[:start-w]); unicode.IsDigit(pp) {
				return false
			}
		}
	}
	if end < len(s) {
		next, _ := utf8.DecodeRuneInString(s[end:])
		if isWordRune(next) || strings.ContainsRune("/_@–", next) {
			return false
		}
		if next == '-' || next == '.' || next == ',' {
			if len(s) > end+1 {
				if nn, _ := utf8.DecodeRuneInString(s[end+1:]); unicode.IsDigit(nn) {
					return false
				}
			}
		}
	}
	return true
}

// phoneDigitsOK checks the number of digits: a Swedish number is 8 to 10
// digits with its leading 0, a foreign one 8 to 15 with its country code.
func phoneDigitsOK(raw string) bool {
	intl := strings.HasPrefix(raw, "+") || strings.HasPrefix(raw, "00")
	raw = strings.Replace(raw, "(0)", "", 1)
	var d strings.Builder
	for _, r := range raw {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	digits := d.String()
	if intl {
		digits = strings.TrimPrefix(digits, "00")
		if !strings.HasPrefix(digits, "46") {
			return len(digits) >= 8 && len(digits) <= 15
		}
		digits = "0" + strings.TrimPrefix(digits, "46")
	}
	return len(digits) >= 8 && len(digits) <= 10 && digits[1] != '0'
}
