package discover

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"
)

// A few platforms let account names hold letters beyond ASCII: YouTube
// handles ("letters or numbers from one of 75 supported languages", since
// 2024) and legacy custom URLs (/c/), LinkedIn page addresses made from a
// company's name, and the name part of a Facebook page address without a
// user name (/p/Name-ID). A city page links them percent-encoded
// (youtube.com/@%C3%85rsta) or as written (youtube.com/@Årsta); both
// reach the parser as the letters themselves. The others (Instagram, X,
// TikTok, Threads, Mastodon user names, Facebook user names, Bluesky
// handles) are ASCII by the platform's own rule, and their recognisers
// keep refusing anything else.

// validLetters reports whether s is valid UTF-8 of 1 to max characters,
// each a letter, a combining mark (the vowel signs some scripts need), a
// digit, or one of the characters in punct.
func validLetters(s, punct string, max int) bool {
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > max {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && !strings.ContainsRune(punct, r) {
			return false
		}
	}
	return true
}

// composed returns s in Unicode composed form (NFC): "å" typed on one
// keyboard and "a" plus a combining ring on another are the same name.
func composed(s string) string {
	return norm.NFC.String(s)
}

// escapedName writes a name with letters beyond ASCII percent-encoded, as
// platforms themselves write such addresses, so a canonical URL is plain
// ASCII; an ASCII name is unchanged.
func escapedName(s string) string {
	return url.PathEscape(s)
}

// asciiHost returns host in the ASCII form DNS uses: an internationalised
// name (sällskap.social) becomes its punycode (xn--sllskap-5wa.social), so
// both spellings of one server give one key. "" when host is no valid
// domain name.
func asciiHost(host string) string {
	for i := 0; i < len(host); i++ {
		if host[i] >= utf8.RuneSelf {
			a, err := idna.Lookup.ToASCII(host)
			if err != nil {
				return ""
			}
			return a
		}
	}
	return host
}
