package mastodon

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// usernameRe matches a Mastodon username: letters, digits and underscores,
// with dots and dashes allowed inside (other servers' accounts use them).
var usernameRe = regexp.MustCompile(`^[A-Za-z0-9_]+([A-Za-z0-9_.-]*[A-Za-z0-9_])?$`)

// hostRe matches a DNS host name with an optional port.
var hostRe = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]+)?$`)

const accountURLForms = "want https://HOST/@name, https://HOST/users/name or @name@HOST"

// ParseAccountURL splits a registry link into the account's home server,
// as scheme://host, and user name. It accepts https://HOST/@name,
// https://HOST/users/name (with or without a trailing slash) and the
// handle form @name@HOST. The link's scheme is kept, so an instance served
// over plain HTTP (a test or internal one) is asked over HTTP; a handle,
// and a profile seen through another server, https://HOST/@name@HOME,
// whose home server HOME's scheme nobody wrote, are https. Any other shape
// is a *scanner.FetchError of kind ErrInvalidInput.
func ParseAccountURL(raw string) (server, name string, err error) {
	s := strings.TrimSpace(raw)
	invalid := func(why string) (string, string, error) {
		return "", "", &scanner.FetchError{
			Kind:   scanner.ErrInvalidInput,
			URL:    raw,
			Detail: "not a Mastodon profile link (" + why + "): " + accountURLForms,
		}
	}
	if strings.HasPrefix(s, "@") {
		name, host, ok := strings.Cut(s[1:], "@")
		if !ok {
			return invalid("a handle needs the server: @name@HOST")
		}
		return checked("https", strings.ToLower(host), name, invalid)
	}
	u, perr := url.Parse(s)
	if perr != nil {
		return invalid("the link cannot be read as a URL")
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return invalid("not an http(s) link")
	}
	scheme, host := u.Scheme, strings.ToLower(u.Host)
	p := strings.TrimSuffix(u.Path, "/")
	switch {
	case strings.HasPrefix(p, "/@"):
		name = p[2:]
		if n, home, ok := strings.Cut(name, "@"); ok {
			scheme, name, host = "https", n, strings.ToLower(home)
		}
	case strings.HasPrefix(p, "/users/"):
		name = p[len("/users/"):]
	default:
		return invalid("the path is neither /@name nor /users/name")
	}
	return checked(scheme, host, name, invalid)
}

func checked(scheme, host, name string, invalid func(string) (string, string, error)) (string, string, error) {
	if !hostRe.MatchString(host) {
		return invalid("no valid server name")
	}
	if !usernameRe.MatchString(name) {
		return invalid("no valid user name")
	}
	return scheme + "://" + host, name, nil
}
