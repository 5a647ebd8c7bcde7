package xapi

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// usernameRe matches an X user name: 1 to 15 letters, digits or
// underscores, the pattern X's API itself enforces.
var usernameRe = regexp.MustCompile(`^[A-Za-z0-9_]{1,15}$`)

// hosts are the web addresses under which X shows a profile.
var hosts = map[string]bool{
	"x.com": true, "www.x.com": true, "mobile.x.com": true,
	"twitter.com": true, "www.twitter.com": true, "mobile.twitter.com": true,
}

// reserved are first path segments that are X's own pages, not profiles,
// although they look like user names.
var reserved = map[string]bool{
	"home": true, "i": true, "search": true, "explore": true, "notifications": true,
	"messages": true, "settings": true, "intent": true, "share": true, "hashtag": true,
	"login": true, "logout": true, "signup": true, "tos": true, "privacy": true,
	"compose": true, "account": true, "download": true, "jobs": true,
}

const accountURLForms = "want https://x.com/name, https://twitter.com/name or @name"

// ParseAccountURL returns the user name of a registry link to an X
// profile: https://x.com/name, https://twitter.com/name (also www. and
// mobile.), with or without a trailing slash or a further path such as
// /name/status/ID, the old https://twitter.com/#!/name, and the handle
// @name. X's own pages (/home, /i/..., /search) and any other shape are a
// *scanner.FetchError of kind ErrInvalidInput.
func ParseAccountURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	invalid := func(why string) (string, error) {
		return "", &scanner.FetchError{
			Kind:   scanner.ErrInvalidInput,
			URL:    raw,
			Detail: "not an X profile link (" + why + "): " + accountURLForms,
		}
	}
	if strings.HasPrefix(s, "@") {
		switch {
		case !usernameRe.MatchString(s[1:]):
			return invalid("a handle is @ and 1 to 15 letters, digits or underscores")
		case reserved[strings.ToLower(s[1:])]:
			return invalid("@" + s[1:] + " names a page of X, not an account")
		}
		return s[1:], nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return invalid("the link cannot be read as a URL")
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return invalid("not an http(s) link")
	}
	if !hosts[strings.ToLower(u.Host)] {
		return invalid("the host is not x.com or twitter.com")
	}
	p := u.Path
	if strings.Trim(p, "/") == "" && strings.HasPrefix(u.Fragment, "!/") {
		p = u.Fragment[1:] // https://twitter.com/#!/name, from before 2012
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	switch {
	case first == "":
		return invalid("the link names no account")
	case reserved[strings.ToLower(first)]:
		return invalid("/" + first + " is a page of X, not a profile")
	case !usernameRe.MatchString(first):
		return invalid("no valid user name")
	}
	return first, nil
}
