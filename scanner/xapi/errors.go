package xapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// X's names of the endpoints the adapter calls. X counts rate limits per
// endpoint (15-minute windows), so the crawl layer keeps a window for
// each: a timeline at its limit must not hold the user lookups.
const (
	endpointUserLookup = "GET /2/users/by/username/:username"
	endpointTimeline   = "GET /2/users/:id/tweets"
)

// get fetches u, a request to X's endpoint, with the bearer token in the
// Authorization header, the only place the token ever goes. Errors are
// *scanner.FetchError naming u.
func (a *Adapter) get(ctx context.Context, u, endpoint string) (*scanner.Response, error) {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+a.token)
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{URL: u, Accept: "application/json", Header: h, Endpoint: endpoint})
	if err != nil {
		return nil, statusError(u, resp, err)
	}
	return resp, nil
}

// statusError turns a fetcher error into the adapter's error, saying in
// plain words what X's refusals mean for the person running the scan.
func statusError(u string, resp *scanner.Response, err error) error {
	fe := scanner.AsFetchError(err)
	if fe.Kind != scanner.ErrHTTPStatus || resp == nil {
		c := *fe
		c.URL = u
		return &c
	}
	var p apiError
	_ = json.Unmarshal(resp.Body, &p)
	detail := problemText(p)
	if detail == "" {
		detail = fe.Detail
	}
	switch resp.StatusCode {
	case http.StatusUnauthorized:
		detail = "the X token was refused (expired, revoked or mistyped)"
	case http.StatusPaymentRequired:
		detail = "the X developer account behind the token has no API credits left"
	case http.StatusForbidden:
		if p.Reason == "client-not-enrolled" {
			detail = "the X token's plan does not allow this endpoint"
		} else {
			detail = "X refused access: " + detail
		}
	case http.StatusTooManyRequests:
		detail = "X API rate limit reached" + resetText(resp.Header)
	}
	return &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: u, StatusCode: resp.StatusCode, Detail: detail, Err: fe}
}

// resetText says when X's rate-limit window resets, from its
// x-rate-limit-reset header (Unix seconds), or "" when it does not say.
func resetText(h http.Header) string {
	n, err := strconv.ParseInt(strings.TrimSpace(h.Get("X-Rate-Limit-Reset")), 10, 64)
	if err != nil || n <= 0 || n > 1<<40 {
		return ""
	}
	return " (the window resets at " + time.Unix(n, 0).UTC().Format("2006-01-02 15:04 UTC") + ")"
}

// problemError explains an answer that carries only "errors": an unknown
// or suspended account is ErrNotFound, anything else cannot be used.
func problemError(u string, errs []apiError) error {
	for _, e := range errs {
		if strings.Contains(strings.ToLower(e.Detail), "suspended") {
			return &scanner.FetchError{Kind: scanner.ErrNotFound, URL: u, Detail: "the account is suspended (X: " + problemText(e) + ")"}
		}
	}
	for _, e := range errs {
		if e.Type == problemNotFound {
			return &scanner.FetchError{Kind: scanner.ErrNotFound, URL: u, Detail: "the account does not exist (X: " + problemText(e) + ")"}
		}
	}
	var texts []string
	for _, e := range errs {
		if t := problemText(e); t != "" {
			texts = append(texts, t)
		}
	}
	detail := "X answered with neither data nor errors"
	if len(texts) > 0 {
		detail = "X answered with an error: " + strings.Join(texts, "; ")
	}
	return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: detail}
}

// maxProblemText caps how much of X's own wording goes into a report.
const maxProblemText = 200

// problemText is X's own wording of a problem: "title: detail", or
// whichever of the two it gave.
func problemText(p apiError) string {
	title, detail := strings.TrimSpace(p.Title), strings.TrimSpace(p.Detail)
	t := title
	switch {
	case title == "" || strings.EqualFold(title, detail):
		t = detail
	case detail != "":
		t = title + ": " + detail
	}
	if r := []rune(t); len(r) > maxProblemText {
		t = string(r[:maxProblemText]) + "…"
	}
	return t
}

// unparseable reports an answer that is not the JSON X documents.
func unparseable(u string, err error) error {
	return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the answer is not X API JSON: " + err.Error(), Err: err}
}
