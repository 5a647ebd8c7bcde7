package registry

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/stockholm-stad/smaudit/scanner"
)

// msgMissing is the problem of an empty required value.
const msgMissing = "value is missing"

// rowText is a row problem's wording in English (for logs and the
// command line) and Swedish (for the reports the administrations read).
type rowText struct{ en, sv string }

// missingText is msgMissing in both languages.
var missingText = rowText{msgMissing, "värde saknas"}

// notURLText says that v is not an http(s) address, with why.
func notURLText(v, whyEN, whySV string) rowText {
	t := rowText{fmt.Sprintf("%q is not an http(s) URL", v), fmt.Sprintf("%q är ingen http(s)-adress", v)}
	if whyEN != "" {
		t.en += " (" + whyEN + ")"
		t.sv += " (" + whySV + ")"
	}
	return t
}

// platformOf normalises a Plattform value. Values the scanner has no
// adapter for are kept, lower-cased, as known but unsupported platforms.
func platformOf(v string) scanner.Platform {
	switch p := strings.ToLower(strings.TrimSpace(v)); p {
	case "mastodon":
		return scanner.Mastodon
	case "blogg", "blog", "webb", "website", "web", "webbplats":
		return scanner.Web
	case "bluesky", "bsky":
		return scanner.Bluesky
	case "youtube":
		return scanner.YouTube
	case "facebook":
		return scanner.Facebook
	case "instagram":
		return scanner.Instagram
	case "x", "twitter", "x/twitter", "twitter/x":
		return scanner.X
	case "linkedin":
		return scanner.LinkedIn
	default:
		return scanner.Platform(p)
	}
}

// httpURLProblem returns why v is not an absolute http(s) URL with a host,
// or "" when it is one.
func httpURLProblem(v string) string { return urlText(v).en }

// urlText is httpURLProblem in both languages; empty when v is fine.
func urlText(v string) rowText {
	if v == "" {
		return missingText
	}
	if strings.IndexFunc(v, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return notURLText(v, "it contains white space", "den innehåller mellanslag")
	}
	u, err := url.Parse(v)
	if err != nil {
		return notURLText(v, "", "")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		if looksLikeHost(v) {
			return notURLText(v, "https:// is missing", "https:// saknas")
		}
		return notURLText(v, "", "")
	default:
		return notURLText(v, "", "")
	}
	if u.Hostname() == "" {
		return notURLText(v, "it has no host", "den saknar värdnamn")
	}
	return rowText{}
}

// looksLikeHost reports whether v starts like a host name ("www.x.se/..."),
// as links pasted without their scheme do.
func looksLikeHost(v string) bool {
	host, _, _ := strings.Cut(v, "/")
	return strings.Contains(host, ".") && !strings.ContainsAny(host, "@:")
}

// mastodonProblem returns why v is not a Mastodon account address, or ""
// when it is @name@host, https://HOST/@name or https://HOST/users/name.
func mastodonProblem(v string) string { return mastodonText(v).en }

// mastodonText is mastodonProblem in both languages.
func mastodonText(v string) rowText {
	if strings.HasPrefix(v, "@") {
		if _, _, ok := mastodonHandle(v); ok {
			return rowText{}
		}
		return rowText{fmt.Sprintf("%q is not a Mastodon handle (expected @name@host)", v),
			fmt.Sprintf("%q är inget Mastodon-namn (väntat: @namn@server)", v)}
	}
	if p := urlText(v); p.en != "" {
		return p
	}
	if _, _, ok := mastodonURL(v); ok {
		return rowText{}
	}
	return rowText{fmt.Sprintf("%q is not a Mastodon account address (expected https://HOST/@name, https://HOST/users/name or @name@host)", v),
		fmt.Sprintf("%q är ingen adress till ett Mastodon-konto (väntat: https://SERVER/@namn, https://SERVER/users/namn eller @namn@server)", v)}
}

// mastodonHandle splits "@name@host" into its parts.
func mastodonHandle(v string) (host, name string, ok bool) {
	name, host, found := strings.Cut(strings.TrimPrefix(v, "@"), "@")
	if !found || !strings.HasPrefix(v, "@") || !validUserName(name) {
		return "", "", false
	}
	u, err := url.Parse("https://" + host)
	if err != nil || u.Hostname() == "" || u.Host != host {
		return "", "", false
	}
	return host, name, true
}

// mastodonURL splits an http(s) URL of the form HOST/@name or
// HOST/users/name, with or without a trailing slash, into its parts.
func mastodonURL(v string) (host, name string, ok bool) {
	u, err := url.Parse(v)
	if err != nil || u.Hostname() == "" {
		return "", "", false
	}
	path := strings.TrimSuffix(u.Path, "/")
	switch {
	case strings.HasPrefix(path, "/@"):
		name = path[len("/@"):]
	case strings.HasPrefix(path, "/users/"):
		name = path[len("/users/"):]
	default:
		return "", "", false
	}
	if !validUserName(name) {
		return "", "", false
	}
	return u.Host, name, true
}

// validUserName reports whether s can be a Mastodon user name: letters,
// digits, "_", and the "." and "-" some other fediverse servers allow.
func validUserName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.' && r != '-' {
			return false
		}
	}
	return true
}
