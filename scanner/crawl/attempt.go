package crawl

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gocolly/colly/v2"

	"github.com/stockholm-stad/smaudit/scanner"
)

// newCollector builds the base collector every request clones: synchronous,
// revisits allowed (the Client is a fetcher, not a spider, and must not keep
// a set of every URL seen), error bodies kept, robots.txt handled by the
// Client itself, and one shared transport so connections are reused.
func newCollector(cfg Config, transport http.RoundTripper) *colly.Collector {
	c := colly.NewCollector(
		colly.UserAgent(cfg.UserAgent),
		colly.AllowURLRevisit(),
		colly.ParseHTTPErrorResponse(),
		colly.IgnoreRobotsTxt(),
		// One byte more than allowed, so a body at the limit is told
		// apart from one colly cut short.
		colly.MaxBodySize(int(cfg.MaxBodyBytes)+1),
	)
	c.WithTransport(transport)
	// Every request is an anonymous visitor's: what one page sets must not
	// change what the next answers, or scans would depend on their order.
	c.DisableCookies()
	// The per-attempt context carries the timeout; a client-wide timer
	// would only add work per request.
	c.SetRequestTimeout(0)
	maxRedirects := cfg.MaxRedirects
	c.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		// A Location with an impossible port is the server's mistake,
		// not a network failure worth retrying.
		if ferr := checkPort(req.URL); ferr != nil {
			return ferr
		}
		if len(via) > maxRedirects {
			return http.ErrUseLastResponse
		}
		return nil
	})
	return c
}

// attempt performs one GET through a clone of the base collector. It
// returns the complete response, plus a *scanner.FetchError of kind
// ErrHTTPStatus when the status is outside 2xx; or only an error when no
// usable response arrived.
func (c *Client) attempt(ctx context.Context, req scanner.Request) (*scanner.Response, *scanner.FetchError) {
	rawURL := req.URL
	actx, cancel := context.WithTimeout(ctx, c.cfg.RequestTimeout)
	defer cancel()

	col := c.base.Clone()
	col.Context = actx

	var (
		out         *scanner.Response
		contentType []string
		tooLarge    bool
	)
	col.OnResponseHeaders(func(r *colly.Response) {
		if n, err := strconv.ParseInt(r.Headers.Get("Content-Length"), 10, 64); err == nil && n > c.cfg.MaxBodyBytes {
			tooLarge = true
			r.Request.Abort()
			return
		}
		// colly converts bodies declaring a non-UTF-8 charset to UTF-8,
		// which would leave the bytes disagreeing with the header and
		// with an XML declaration. Hiding the header until the body is
		// read keeps the server's bytes as sent.
		contentType = r.Headers.Values("Content-Type")
		r.Headers.Del("Content-Type")
	})
	col.OnResponse(func(r *colly.Response) {
		h := http.Header{}
		if r.Headers != nil {
			h = *r.Headers
		}
		if contentType != nil {
			h["Content-Type"] = contentType
		}
		if int64(len(r.Body)) > c.cfg.MaxBodyBytes {
			tooLarge = true
			return
		}
		out = &scanner.Response{
			URL:        r.Request.URL.String(),
			StatusCode: r.StatusCode,
			Header:     h,
			Body:       r.Body,
		}
	})

	hdr := req.Header.Clone()
	if hdr == nil {
		hdr = http.Header{}
	}
	hdr.Set("User-Agent", c.cfg.UserAgent)
	if req.Accept != "" {
		hdr.Set("Accept", req.Accept)
	}
	err := col.Request(http.MethodGet, rawURL, nil, nil, hdr)

	switch {
	case tooLarge:
		return nil, &scanner.FetchError{
			Kind:   scanner.ErrTooLarge,
			URL:    rawURL,
			Detail: fmt.Sprintf("body larger than the limit of %d bytes", c.cfg.MaxBodyBytes),
		}
	case err != nil:
		return nil, classify(ctx, actx, rawURL, err)
	case out == nil:
		return nil, &scanner.FetchError{Kind: scanner.ErrNetwork, URL: rawURL, Detail: "no response received"}
	case out.StatusCode < 200 || out.StatusCode > 299:
		return out, statusError(out, c.cfg.MaxRedirects)
	}
	return out, nil
}

// statusBotWall is LinkedIn's answer to any visitor it takes for a robot.
const statusBotWall = 999

// statusError describes a final status outside 2xx.
func statusError(r *scanner.Response, maxRedirects int) *scanner.FetchError {
	detail := http.StatusText(r.StatusCode)
	if r.StatusCode == statusBotWall {
		detail = "the site refuses automated visitors"
	}
	if isRedirect(r.StatusCode) && r.Header.Get("Location") != "" {
		detail = fmt.Sprintf("redirect limit of %d reached", maxRedirects)
	}
	return &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: r.URL, StatusCode: r.StatusCode, Detail: detail}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}
