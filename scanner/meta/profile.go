package meta

import (
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// knownTLDs are the top-level domains a bare domain in prose must end in
// to be taken for a web address. Without a scheme or "www.", a word with a
// dot is usually not one: "t.ex.", "Kulturhuset.Stadsteatern", "v.3".
var knownTLDs = map[string]bool{
	"se": true, "stockholm": true, "nu": true, "com": true, "org": true, "net": true,
	"eu": true, "info": true, "io": true, "app": true, "fi": true, "no": true, "dk": true,
	"de": true, "uk": true, "fr": true, "gov": true, "edu": true, "int": true, "me": true,
}

// wordTrim is the punctuation around a word in prose that is not part of
// an address written in it.
const wordTrim = `.,;:!?()[]{}"'«»“”‘’<>`

// textLinks returns every web address written in prose, in order: with a
// scheme, starting "www.", or a bare domain under a known top-level
// domain ("stockholm.se/kultur"). The link text is the address as written.
func textLinks(text string) []scanner.Link {
	var out []scanner.Link
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, wordTrim)
		if u := proseURL(w); u != "" {
			out = append(out, scanner.Link{URL: u, Text: w})
		}
	}
	return out
}

// proseURL returns w as an absolute http(s) URL when it is a web address,
// else "".
func proseURL(w string) string {
	u := bareURL(w)
	lower := strings.ToLower(w)
	if u == "" || strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www.") {
		return u
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	labels := strings.Split(strings.ToLower(p.Hostname()), ".")
	if !knownTLDs[labels[len(labels)-1]] {
		return ""
	}
	return u
}

// bareURL returns v as an absolute URL when it is one web address, with
// or without a scheme ("https://start.stockholm/x", "stockholm.se/kultur"),
// else "".
func bareURL(v string) string {
	v = strings.TrimSpace(v)
	if v == "" || strings.ContainsAny(v, " \t\r\n@\\") {
		return ""
	}
	lower := strings.ToLower(v)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		if strings.Contains(v, "://") {
			return ""
		}
		v = "https://" + v
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" || u.User != nil {
		return ""
	}
	labels := strings.Split(strings.ToLower(u.Hostname()), ".")
	tld := labels[len(labels)-1]
	if len(labels) < 2 || len(tld) < 2 || strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") != "" {
		return ""
	}
	for _, l := range labels {
		if l == "" || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-åäöéü") != "" {
			return ""
		}
	}
	return u.String()
}

// telURL turns a written phone number into a tel: URL: "+" and digits
// only. It returns "" when fewer than five digits remain.
func telURL(phone string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(phone) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	if len(strings.TrimPrefix(b.String(), "+")) < 5 {
		return ""
	}
	return "tel:" + b.String()
}

// mailtoURL turns an e-mail address into a mailto: URL, or "" when it is
// not one.
func mailtoURL(email string) string {
	email = strings.TrimSpace(email)
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || !strings.Contains(domain, ".") || strings.ContainsAny(email, " \t\r\n<>\"?#%/") {
		return ""
	}
	return "mailto:" + email
}

// value is a Graph field as written, trimmed, or "" when Graph wrote a
// placeholder instead of a value: <<not-applicable>> stands in the phone,
// emails and website of pages that have none, and must never be read as
// a phone number, an address or prose.
func value(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<<") && strings.HasSuffix(s, ">>") {
		return ""
	}
	return s
}

// distinctText joins texts line by line, leaving out a text that another
// one already holds: a Page's about is often the first sentence of its
// description, and a reader must not see it twice.
func distinctText(texts ...string) string {
	var keep []string
	for i, t := range texts {
		nt := squash(t)
		if nt == "" {
			continue
		}
		held := false
		for j, o := range texts {
			no := squash(o)
			if i != j && strings.Contains(no, nt) && (no != nt || j < i) {
				held = true
				break
			}
		}
		if !held {
			keep = append(keep, strings.TrimSpace(t))
		}
	}
	return scanner.JoinText(keep...)
}

// squash folds runs of white space to one space, so texts that differ
// only in line breaks compare equal.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// linkSet collects links once per URL, in the order found: the first text
// given for a URL wins.
type linkSet struct {
	list []scanner.Link
	seen map[string]bool
}

func (s *linkSet) add(l scanner.Link) {
	if l.URL == "" {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[l.URL] {
		s.seen[l.URL] = true
		s.list = append(s.list, l)
	}
}
