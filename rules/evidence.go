package rules

import (
	"strconv"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ValueIn returns the evidence's value as a report in lang shows it:
// ValueText when set, else Value.
func (e Evidence) ValueIn(lang string) string {
	if v := e.ValueText.In(lang); v != "" {
		return v
	}
	return e.Value
}

// profilePage is the account's page a person opens to see what a profile
// rule judged, and the address the facts were fetched from when that is
// another (an API endpoint): evidence links the first and keeps the second
// as its Source.
func profilePage(res *scanner.Result) (page, source string) {
	source = sourceURL(res)
	page = res.Fetched.Page
	if page == "" && isWebURL(res.Account.URL) {
		page = res.Account.URL
	}
	if page == "" {
		return source, ""
	}
	if source == page {
		source = ""
	}
	return page, source
}

// postsPage is profilePage for evidence about posts: its Source is the
// address the posts were read from (the feed, the timeline), which
// adapters list last among the sources.
func postsPage(res *scanner.Result) (page, source string) {
	page, source = profilePage(res)
	if s := res.Fetched.Sources; len(s) > 1 && s[len(s)-1] != page {
		source = s[len(s)-1]
	}
	return page, source
}

// profileURL is the account's page (see profilePage).
func profileURL(res *scanner.Result) string { p, _ := profilePage(res); return p }

// profileSource is the address the profile was read from when it is not
// the account's page (see profilePage).
func profileSource(res *scanner.Result) string { _, s := profilePage(res); return s }

// atProfile returns e linked to the account's page, with the fetched
// address as its Source.
func atProfile(res *scanner.Result, e Evidence) Evidence {
	e.URL, e.Source = profilePage(res)
	return e
}

// isWebURL reports whether u is an http(s) address a browser opens; a
// registry may give an account as @name@server.
func isWebURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

// decimal writes x with prec decimals in both report languages: a decimal
// comma in Swedish, a point in English; prec -1 uses as few digits as
// needed.
func decimal(x float64, prec int) Text {
	en := strconv.FormatFloat(x, 'f', prec, 64)
	return Text{SV: strings.Replace(en, ".", ",", 1), EN: en}
}

// count writes n with its noun in both languages, singular for one:
// "1 dag", "2 dagar"; "1 day", "2 days". Swedish groups thousands with a
// space ("1 234").
func count(n int, one, many Text) Text {
	w := many
	if n == 1 || n == -1 {
		w = one
	}
	return Text{SV: groupSV(n) + " " + w.SV, EN: strconv.Itoa(n) + " " + w.EN}
}

// groupSV writes n with a space between groups of three digits, as
// Swedish does from four digits on ("1 234", but "999").
func groupSV(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) >= 4 {
		var b strings.Builder
		for i, r := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Nouns counted in findings.
var (
	dayNoun     = [2]Text{{SV: "dag", EN: "day"}, {SV: "dagar", EN: "days"}}
	ownPostNoun = [2]Text{{SV: "eget inlägg", EN: "own post"}, {SV: "egna inlägg", EN: "own posts"}}
)

// days writes n days: "1 dag", "91 dagar".
func days(n int) Text { return count(n, dayNoun[0], dayNoun[1]) }
