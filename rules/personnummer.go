package rules

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// idCandidates finds what may be a Swedish personnummer or
// samordningsnummer, as [start, end) offsets: a run of 6 or 8 digits, a
// '-' or '+' and four digits, or a run of 10 or 12 digits. findIDNumbers
// then checks the context, the date and the Luhn check digit, so a phone
// number, an order number or a mistyped number is not taken for one. A
// loop over the bytes, not a regular expression: a scan reads a hundred
// thousand posts, and this is a tenth of the time.
func idCandidates(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		switch run := j - i; {
		case (run == 6 || run == 8) && j+5 <= len(s) && (s[j] == '-' || s[j] == '+') && allDigits(s[j+1:j+5]) && (j+5 == len(s) || !isASCIIDigit(s[j+5])):
			out = append(out, [2]int{i, j + 5})
			j += 5
		case run == 10 || run == 12:
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

// idContextWords mark the number that follows as something else: an
// order, a case, an invoice, a customer (Swedish and English), looked for
// in the words just before it.
var idContextWords = []string{"order", "ordernummer", "ordernr", "beställning", "beställningsnummer", "ärende", "ärendenummer", "diarienummer", "dnr", "referens", "ref", "faktura", "fakturanummer", "ocr", "kundnummer", "kundnr", "tel", "telefon", "mobil", "ring", "invoice", "phone", "case"}

// idNumber is a valid personnummer or samordningsnummer found in a text.
type idNumber struct {
	start, end int    // byte offsets in the text
	masked     string // the date as written, the last four digits as ****
	coord      bool   // a samordningsnummer (day + 60)
}

// findIDNumbers returns the valid personnummer and samordningsnummer in s,
// as of the audit date (which decides the century of a ten-digit number):
// the date must exist (day − 60 for a samordningsnummer) and the last
// digit must be the Luhn check digit of the nine before it.
func findIDNumbers(s string, asOf time.Time) []idNumber {
	// Most posts hold fewer than ten digits: skip the pattern for them,
	// as a scan reads a hundred thousand posts.
	digits := 0
	for i := 0; i < len(s) && digits < 10; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	if digits < 10 {
		return nil
	}
	var out []idNumber
	for _, loc := range idCandidates(s) {
		start, end := loc[0], loc[1]
		if glued(s, start, end) || afterContextWord(s[:start]) {
			continue
		}
		if n, ok := parseIDNumber(s[start:end], asOf); ok {
			n.start, n.end = start, end
			out = append(out, n)
		}
	}
	return out
}

// glued reports a candidate that is part of a longer token: digits,
// letters, a URL path, a decimal number or a date around it.
func glued(s string, start, end int) bool {
	if start > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:start])
		if isWordRune(prev) || strings.ContainsRune("-+/_=#&%@.,:", prev) {
			return true
		}
	}
	if end < len(s) {
		next, w := utf8.DecodeRuneInString(s[end:])
		if isWordRune(next) || strings.ContainsRune("-+/_=#&%@", next) {
			return true
		}
		if (next == '.' || next == ',') && end+w < len(s) {
			if nn, _ := utf8.DecodeRuneInString(s[end+w:]); nn >= '0' && nn <= '9' {
				return true
			}
		}
	}
	return false
}

// afterContextWord reports whether the words just before a number name it
// as an order, a case, a phone number or the like.
func afterContextWord(before string) bool {
	words := strings.FieldsFunc(strings.ToLower(before), func(r rune) bool { return !isWordRune(r) })
	for i := len(words) - 1; i >= 0 && i >= len(words)-2; i-- {
		for _, w := range idContextWords {
			if words[i] == w {
				return true
			}
		}
	}
	return false
}

// parseIDNumber checks one candidate: YYMMDD[-+]NNNN or YYYYMMDD[-]NNNN.
// A ten-digit number without a separator that starts with 0 is read as a
// phone number (0701234567), never as a person born in 200x: such
// numbers are written with their '-'.
func parseIDNumber(raw string, asOf time.Time) (idNumber, bool) {
	sep := ""
	digits := raw
	if i := strings.IndexAny(raw, "-+"); i >= 0 {
		sep, digits = raw[i:i+1], raw[:i]+raw[i+1:]
		if i != 6 && i != 8 {
			return idNumber{}, false
		}
	}
	var century int
	switch len(digits) {
	case 10:
		if sep == "" && digits[0] == '0' {
			return idNumber{}, false
		}
		yy, _ := strconv.Atoi(digits[:2])
		now := asOf.In(Stockholm).Year()
		y := now/100*100 + yy
		if y > now {
			y -= 100
		}
		if sep == "+" {
			y -= 100 // a person of a hundred years or more
		}
		century = y / 100
	case 12:
		if sep == "+" {
			return idNumber{}, false
		}
		century, _ = strconv.Atoi(digits[:2])
		if century < 18 || century > 20 {
			return idNumber{}, false
		}
		digits = digits[2:]
	default:
		return idNumber{}, false
	}
	year := century*100 + atoi2(digits[0:2])
	month, day := atoi2(digits[2:4]), atoi2(digits[4:6])
	coord := day > 60
	if coord {
		day -= 60
	}
	if month < 1 || month > 12 || day < 1 {
		return idNumber{}, false
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Month() != time.Month(month) || d.Day() != day || d.After(asOf) {
		return idNumber{}, false
	}
	if luhnCheck(digits[:9]) != int(digits[9]-'0') {
		return idNumber{}, false
	}
	return idNumber{masked: raw[:len(raw)-4] + "****", coord: coord}, true
}

// atoi2 reads two ASCII digits.
func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// luhnCheck is the check digit of a personnummer's first nine digits:
// every other digit from the first doubled, the digits of the products
// summed.
func luhnCheck(nine string) int {
	sum := 0
	for i := 0; i < len(nine); i++ {
		v := int(nine[i] - '0')
		if i%2 == 0 {
			v *= 2
		}
		sum += v/10 + v%10
	}
	return (10 - sum%10) % 10
}

// maskIDNumbers replaces every number of ns in s (found in s) by its
// masked form, so no report, message or results.json holds the digits.
func maskIDNumbers(s string, ns []idNumber) string {
	for i := len(ns) - 1; i >= 0; i-- {
		s = s[:ns[i].start] + ns[i].masked + s[ns[i].end:]
	}
	return s
}
