package meta

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// graphTimeLayout is how Graph writes times: 2026-09-28T10:15:00+0000, an
// offset without a colon, which RFC 3339 does not allow.
const graphTimeLayout = "2006-01-02T15:04:05-0700"

// graphErrorBody is the envelope of every Graph API error.
type graphErrorBody struct {
	Error *graphError `json:"error"`
}

// graphError is Graph's description of a refused request.
type graphError struct {
	Message   string `json:"message"`
	Type      string `json:"type"`
	Code      int    `json:"code"`
	Subcode   int    `json:"error_subcode"`
	FBTraceID string `json:"fbtrace_id"`
}

// paging is the paging object of a Graph edge.
type paging struct {
	Cursors struct {
		Before string `json:"before"`
		After  string `json:"after"`
	} `json:"cursors"`
	Next string `json:"next"`
}

// get fetches u with the token in the Authorization header and decodes the
// JSON body into v. The crawl layer paces the call by Graph's usage
// headers and retries throttling; what reaches here is the final answer. Graph errors, whatever the HTTP status they come with,
// become *scanner.FetchError with a plain-words Detail.
func (g graph) get(ctx context.Context, u string, v any) error {
	resp, err := g.fetcher.Fetch(ctx, scanner.Request{
		URL:    u,
		Accept: "application/json",
		Header: http.Header{"Authorization": {"Bearer " + g.token}},
		// Graph announces its limits in usage headers and error codes;
		// the crawl layer paces by them and waits out throttling.
		Limits: scanner.LimitsMetaGraph,
	})
	if err != nil {
		return g.statusError(u, resp, err)
	}
	if err := g.errorInAnswer(u, resp); err != nil {
		return err
	}
	if err := json.Unmarshal(resp.Body, v); err != nil {
		return &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    u,
			Detail: "the answer is not Graph API JSON: " + g.redact(err.Error()),
		}
	}
	return nil
}

// errorMember is the top-level "error" member of an answer, in whatever
// shape it comes.
type errorMember struct {
	Error json.RawMessage `json:"error"`
}

// maxErrorQuote bounds how much of an error member that is not Graph's
// envelope the Detail quotes.
const maxErrorQuote = 200

// errorInAnswer reports the error an answer with a 2xx status carries
// instead of data. Graph sends a plain GET's errors with 4xx and 5xx
// statuses, but a JSONP answer carries its error with 200 and a batch
// answers 200 around its items' errors, and Meta's own SDK
// (facebook-python-business-sdk, FacebookResponse.is_success) fails any
// answer whose JSON object has an "error" member, whatever the status and
// whatever the member's shape. So does this: read as data, an error would
// decode into an empty page of posts, and an account could fail for posts
// it was never shown. The crawl layer has already waited out and retried
// a throttling code in such an answer (crawl's throttledOK); Graph's
// envelope is explained as for any status, and any other "error" member
// is quoted.
func (g graph) errorInAnswer(u string, resp *scanner.Response) error {
	var em errorMember
	if json.Unmarshal(resp.Body, &em) != nil || em.Error == nil {
		return nil
	}
	var ge graphError
	if json.Unmarshal(em.Error, &ge) == nil && (ge.Code != 0 || ge.Message != "") {
		return g.graphFailure(u, resp, &ge, nil)
	}
	quote := string(em.Error)
	if len(quote) > maxErrorQuote {
		quote = strings.ToValidUTF8(quote[:maxErrorQuote], "") + "…"
	}
	return &scanner.FetchError{
		Kind:       scanner.ErrHTTPStatus,
		URL:        u,
		StatusCode: resp.StatusCode,
		Detail:     g.redact(fmt.Sprintf("the Graph API answered HTTP %d with an error instead of data: %s", resp.StatusCode, quote)),
	}
}

// statusError turns a fetcher error into the adapter's: a Graph error body
// decides the kind and the words; anything else passes on with its URL.
func (g graph) statusError(u string, resp *scanner.Response, err error) error {
	fe := scanner.AsFetchError(err)
	if (fe.Kind == scanner.ErrHTTPStatus || fe.Kind == scanner.ErrRateLimited) && resp != nil {
		var eb graphErrorBody
		if json.Unmarshal(resp.Body, &eb) == nil && eb.Error != nil {
			return g.graphFailure(u, resp, eb.Error, fe)
		}
	}
	c := *fe
	c.URL = u
	c.Detail = g.redact(c.Detail)
	return &c
}

// graphFailure maps a Graph error to a kind and a Detail a communicator
// can read, with Graph's own words after it.
func (g graph) graphFailure(u string, resp *scanner.Response, ge *graphError, cause error) error {
	out := &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: u, StatusCode: resp.StatusCode, Err: cause}
	msg := strings.ToLower(ge.Message)
	switch {
	case ge.Code == 190:
		out.Detail = "the Meta token was refused (expired or invalid)"
	case ge.Code == 10 || (ge.Code >= 200 && ge.Code <= 299):
		out.Detail = "the Meta token lacks permission for this page"
	case ge.Code == 803, ge.Code == 110, ge.Subcode == 2207013,
		ge.Code == 100 && (strings.Contains(msg, "does not exist") || strings.Contains(msg, "unsupported get request")):
		out.Kind = scanner.ErrNotFound
		out.Detail = "the page/account does not exist or is not public"
	case rateLimited(ge.Code):
		out.Detail = "Meta API rate limit reached" + usage(resp.Header)
	default:
		out.Detail = "the Graph API refused the request"
	}
	out.Detail += fmt.Sprintf(" (Graph error %d", ge.Code)
	if ge.Subcode != 0 {
		out.Detail += fmt.Sprintf("/%d", ge.Subcode)
	}
	if m := strings.TrimSpace(ge.Message); m != "" {
		out.Detail += ": " + m
	}
	out.Detail = g.redact(out.Detail + ")")
	// The crawl layer gave up because the limit would not reset before
	// the scan's deadline: say that first, then Graph's own words.
	var late *scanner.FetchError
	if errors.As(cause, &late) && late.Kind == scanner.ErrRateLimited {
		out.Kind = scanner.ErrRateLimited
		out.Detail = g.redact(late.Detail) + "; " + out.Detail
	}
	return out
}

// rateLimited reports whether a Graph error code is a rate limit: the
// application's (4), a user's (17), a page's (32), a call type's (613) or
// a business use case's (80001 and up).
func rateLimited(code int) bool {
	switch code {
	case 4, 17, 32, 613:
		return true
	}
	return code >= 80001 && code <= 80014
}

// usage quotes the usage headers Graph sends with a rate limit, so the
// report says how far over the limit the token is and, for business use
// cases, when access returns.
func usage(h http.Header) string {
	var parts []string
	for _, name := range []string{"X-App-Usage", "X-Page-Usage", "X-Business-Use-Case-Usage"} {
		if v := strings.TrimSpace(h.Get(name)); v != "" {
			parts = append(parts, name+": "+v)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, "; ")
}

// accessTokenRe finds a token written into text as a query parameter.
var accessTokenRe = regexp.MustCompile(`(?i)(access_token=)[^&\s"'<>]+`)

// redact removes the token from s: both the token itself, wherever Graph
// may quote it, and any access_token=... parameter.
func (g graph) redact(s string) string {
	if g.token != "" {
		s = strings.ReplaceAll(s, g.token, "[token]")
	}
	return accessTokenRe.ReplaceAllString(s, "${1}[token]")
}

// stripToken removes every access_token parameter from the query of u,
// leaving the other parameters as Graph wrote them.
func stripToken(u string) string {
	base, query, ok := strings.Cut(u, "?")
	if !ok {
		return u
	}
	query, frag, hasFrag := strings.Cut(query, "#")
	var keep []string
	for _, part := range strings.Split(query, "&") {
		key, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		if strings.EqualFold(key, "access_token") {
			continue
		}
		keep = append(keep, part)
	}
	out := base
	if len(keep) > 0 {
		out += "?" + strings.Join(keep, "&")
	}
	if hasFrag {
		out += "#" + frag
	}
	return out
}

// follow checks a paging.next link from the page at from and returns it
// without its token. The link must stay on the Graph host, or the
// Authorization header would go to someone else.
func (g graph) follow(from, next string) (string, error) {
	clean := stripToken(next)
	u, err := url.Parse(clean)
	b, berr := url.Parse(g.base)
	if err != nil || berr != nil || u.Scheme != b.Scheme || !strings.EqualFold(u.Host, b.Host) {
		return "", &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    from,
			Detail: g.redact("the paging.next link " + clean + " leaves the Graph API at " + g.base),
		}
	}
	return clean, nil
}

// parseTime reads a Graph time. RFC 3339 is accepted too, for callers that
// ask Graph for date_format=c.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(graphTimeLayout, s)
	if err != nil {
		var err2 error
		if t, err2 = time.Parse(time.RFC3339, s); err2 != nil {
			return time.Time{}, err
		}
	}
	return t.UTC(), nil
}

// timeError reports an item whose time cannot be read.
func timeError(pageURL, item, field, value string, err error) error {
	return &scanner.FetchError{
		Kind:   scanner.ErrUnparseable,
		URL:    pageURL,
		Detail: fmt.Sprintf("%s: %s %q is not a Graph time like 2026-09-28T10:15:00+0000", item, field, value),
		Err:    err,
	}
}
