package evidence

import (
	"bytes"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Redacted replaces every credential in the bundle. A person reading a
// record sees that something was there, never what.
const Redacted = "REDACTED"

// secretHeaders carry credentials in requests: their values never enter
// a record. Compared in canonical form.
var secretHeaders = map[string]bool{
	"Authorization":       true,
	"Proxy-Authorization": true,
	"Cookie":              true,
	"X-Goog-Api-Key":      true,
	"X-Api-Key":           true,
}

// secretParams are query parameters that carry credentials on the
// platforms smaudit reads (Graph's access_token, which it echoes in its
// paging links; Google's key) and in common API conventions. Compared in
// lower case.
var secretParams = map[string]bool{
	"access_token":    true,
	"bearer":          true,
	"bearer_token":    true,
	"token":           true,
	"oauth_token":     true,
	"key":             true,
	"api_key":         true,
	"apikey":          true,
	"client_secret":   true,
	"appsecret_proof": true,
}

// echoedToken finds an access_token parameter in any text: Meta Graph
// writes the caller's token into the paging links of its answers, so a
// response body carries it even though smaudit sent it only in a header.
// Its value ends where a URL or a JSON string does.
var echoedToken = regexp.MustCompile(`(?i)(access_token(?:=|%3D))[^&\s"'<>\\]+`)

// redactor removes credentials from what is recorded: the header and
// parameter names above, Graph's echoed token, and every occurrence of a
// secret the scan was configured with, wherever it appears.
type redactor struct {
	secrets [][]byte
}

// newRedactor returns a redactor for the given secrets; empty ones and
// ones too short to be a credential (which would blank out ordinary
// text) are left out.
func newRedactor(secrets []string) redactor {
	var r redactor
	for _, s := range secrets {
		if s = strings.TrimSpace(s); len(s) >= 8 {
			r.secrets = append(r.secrets, []byte(s))
		}
	}
	return r
}

// url returns raw with every credential parameter's value replaced. A
// URL that does not parse is still cleared of known secrets.
func (r redactor) url(raw string) string {
	u, err := url.Parse(raw)
	if err == nil && u.RawQuery != "" {
		parts := strings.Split(u.RawQuery, "&")
		changed := false
		for i, p := range parts {
			name, _, hasValue := strings.Cut(p, "=")
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if hasValue && secretParams[strings.ToLower(name)] {
				parts[i] = p[:strings.IndexByte(p, '=')+1] + Redacted
				changed = true
			}
		}
		if changed {
			u.RawQuery = strings.Join(parts, "&")
			raw = u.String()
		}
	}
	return string(r.bytes([]byte(raw)))
}

// header returns a copy of h with credential headers' values replaced,
// and every value cleared of secrets and echoed tokens.
func (r redactor) header(h http.Header) http.Header {
	out := make(http.Header, len(h))
	for k, vs := range h {
		ck := http.CanonicalHeaderKey(k)
		for _, v := range vs {
			if secretHeaders[ck] {
				v = Redacted
			} else {
				v = string(r.bytes([]byte(v)))
			}
			out[ck] = append(out[ck], v)
		}
	}
	return out
}

// bytes returns b with echoed tokens and known secrets replaced. When
// there is nothing to replace it returns b itself, so a body is copied
// only when it must change.
func (r redactor) bytes(b []byte) []byte {
	if mentionsAccessToken(b) && echoedToken.Match(b) {
		b = echoedToken.ReplaceAll(b, []byte("${1}"+Redacted))
	}
	for _, s := range r.secrets {
		if bytes.Contains(b, s) {
			b = bytes.ReplaceAll(b, s, []byte(Redacted))
		}
	}
	return b
}

// mentionsAccessToken says whether b contains "access_token" in any case:
// the test before the regular expression, which would otherwise cost more
// than everything else a record takes (the expression is case-blind, so
// it cannot skip ahead by a literal prefix).
func mentionsAccessToken(b []byte) bool {
	const word = "access_token"
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '_')
		if j < 0 {
			return false
		}
		at := i + j - len("access")
		if at >= 0 && at+len(word) <= len(b) && bytes.EqualFold(b[at:at+len(word)], []byte(word)) {
			return true
		}
		i += j + 1
	}
}
