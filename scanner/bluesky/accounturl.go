package bluesky

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// handleRe matches an atproto handle: two or more DNS labels of letters,
// digits and inner hyphens, the last one not starting with a digit.
var handleRe = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)

// didRe matches a DID as atproto allows them (did:plc:... and did:web:...
// in practice).
var didRe = regexp.MustCompile(`^did:[a-z]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._-]$`)

// profileHost is the host of Bluesky's web app, where registry links point.
const profileHost = "bsky.app"

const accountURLForms = "want https://bsky.app/profile/HANDLE, https://bsky.app/profile/did:plc:... or @HANDLE"

// ParseAccountURL returns the actor a registry link names: a handle such
// as kultur.stockholm.se (lower-cased) or a DID such as did:plc:....
// It accepts https://bsky.app/profile/ACTOR with or without a trailing
// slash and the handle form @HANDLE. Any other shape is a
// *scanner.FetchError of kind ErrInvalidInput.
func ParseAccountURL(raw string) (actor string, err error) {
	s := strings.TrimSpace(raw)
	invalid := func(why string) (string, error) {
		return "", &scanner.FetchError{
			Kind:   scanner.ErrInvalidInput,
			URL:    raw,
			Detail: "not a Bluesky profile link (" + why + "): " + accountURLForms,
		}
	}
	if strings.HasPrefix(s, "@") {
		h := strings.ToLower(s[1:])
		if !validHandle(h) {
			return invalid("no valid handle after @")
		}
		return h, nil
	}
	u, perr := url.Parse(s)
	if perr != nil {
		return invalid("the link cannot be read as a URL")
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return invalid("not an http(s) link")
	}
	if h := strings.ToLower(u.Hostname()); h != profileHost && h != "www."+profileHost {
		return invalid("the host is not " + profileHost)
	}
	a, ok := strings.CutPrefix(strings.TrimSuffix(u.Path, "/"), "/profile/")
	if !ok || a == "" || strings.Contains(a, "/") {
		return invalid("the path is not /profile/HANDLE")
	}
	if strings.HasPrefix(a, "did:") {
		if !didRe.MatchString(a) {
			return invalid("no valid DID")
		}
		return a, nil
	}
	a = strings.ToLower(strings.TrimPrefix(a, "@"))
	if !validHandle(a) {
		return invalid("no valid handle")
	}
	return a, nil
}

// validHandle reports whether h (lower case) is a syntactically valid
// handle.
func validHandle(h string) bool {
	return len(h) <= 253 && handleRe.MatchString(h)
}
