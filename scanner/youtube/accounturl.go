package youtube

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Channel is a registry link read as a YouTube channel: the path of its
// channel page and, for /channel/ links, its id.
type Channel struct {
	// Path is "/@handle", "/channel/UC…", "/c/Name" or "/user/Name", with
	// the name path-escaped.
	Path string
	// ID is the channel id ("UC" and 22 more characters) when the link
	// names it; empty for handles and custom names, which only the channel
	// page resolves.
	ID string
}

// PageURL is the channel's page on site, such as https://www.youtube.com.
func (c Channel) PageURL(site string) string {
	return strings.TrimSuffix(site, "/") + c.Path
}

// channelIDRe matches a channel id: UC and 22 base64url characters.
var channelIDRe = regexp.MustCompile(`^UC[A-Za-z0-9_-]{22}$`)

// nameRe matches a handle or a legacy custom or user name: letters and
// digits of any script, with underscores, dashes, dots and middle dots.
var nameRe = regexp.MustCompile(`^[\p{L}\p{M}\p{N}_.·-]{1,100}$`)

const accountURLForms = "want https://www.youtube.com/@handle, /channel/UC…, /c/Name or /user/Name"

// ParseAccountURL reads a registry link to a YouTube channel. It accepts
// https://www.youtube.com/@handle, /channel/UC…, /c/Name and /user/Name on
// youtube.com, www.youtube.com or m.youtube.com, with or without the
// scheme, a trailing slash, a sub-page (/@x/videos, /featured) or a query;
// and a bare @handle. Any other shape is a *scanner.FetchError of kind
// ErrInvalidInput.
func ParseAccountURL(raw string) (Channel, error) {
	invalid := func(why string) (Channel, error) {
		return Channel{}, &scanner.FetchError{
			Kind:   scanner.ErrInvalidInput,
			URL:    raw,
			Detail: "not a YouTube channel link (" + why + "): " + accountURLForms,
		}
	}
	s := strings.TrimSpace(raw)
	if strings.HasPrefix(s, "@") {
		return named("/@", s[1:], invalid)
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return invalid("the link cannot be read as a URL")
	}
	switch strings.ToLower(u.Hostname()) {
	case "youtube.com", "www.youtube.com", "m.youtube.com":
	default:
		return invalid("the host is not youtube.com")
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	first := segs[0]
	switch {
	case strings.HasPrefix(first, "@"):
		return named("/@", first[1:], invalid)
	case first == "channel" && len(segs) > 1:
		if !channelIDRe.MatchString(segs[1]) {
			return invalid("no valid channel id after /channel/")
		}
		return Channel{Path: "/channel/" + segs[1], ID: segs[1]}, nil
	case first == "c" && len(segs) > 1:
		return named("/c/", segs[1], invalid)
	case first == "user" && len(segs) > 1:
		return named("/user/", segs[1], invalid)
	}
	return invalid("the path is none of /@handle, /channel/UC…, /c/Name, /user/Name")
}

// named builds the Channel of a handle or legacy name after prefix.
func named(prefix, name string, invalid func(string) (Channel, error)) (Channel, error) {
	if !nameRe.MatchString(name) {
		return invalid("no valid channel name")
	}
	return Channel{Path: prefix + url.PathEscape(name)}, nil
}
