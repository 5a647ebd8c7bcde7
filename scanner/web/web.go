// Package web fetches blogs and websites: the registry's page, read with
// goquery for its title, description, visible text and links, and the
// page's RSS or Atom feed, read with gofeed for its dated posts. Only the
// registry's page is read; sub-pages are not crawled.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/htmlpage"
)

// pageAccept asks for HTML.
const pageAccept = "text/html, application/xhtml+xml;q=0.9"

// Adapter fetches websites and blogs. It implements scanner.Adapter.
type Adapter struct {
	fetcher scanner.Fetcher
	log     *slog.Logger
}

// Option configures an Adapter.
type Option func(*Adapter)

// WithLogger sets where the adapter notes what it skipped (feed items
// without a parseable date). Without it nothing is logged.
func WithLogger(l *slog.Logger) Option {
	return func(a *Adapter) { a.log = l }
}

// New returns an Adapter that does all HTTP through f.
func New(f scanner.Fetcher, opts ...Option) *Adapter {
	a := &Adapter{fetcher: f, log: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		o(a)
	}
	return a
}

var _ scanner.Adapter = (*Adapter)(nil)

// Fetch reads the account's page and its feed. The feed is the first
// <link rel="alternate"> of type RSS or Atom; a page without one whose
// generator is WordPress is tried at the site's /feed/. CompleteSince is
// the date of the feed's oldest item (a feed holds only the newest items).
// Without a usable feed (none announced or guessed, or one without dated
// items) NoDatedPosts is set: the posts are unknown, and the post rules
// hand the account to a person. A feed that is announced but cannot be fetched or read fails
// the whole fetch, naming the feed's URL. since is not used: the page
// and its feed are read whole whatever the audit window.
func (a *Adapter) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	pageURL, err := parseURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{URL: pageURL.String(), Accept: pageAccept, Page: true})
	if err != nil {
		return scanner.Fetched{}, pageError(pageURL.String(), resp, err)
	}
	final := pageURL
	if u, err := url.Parse(resp.URL); err == nil && resp.URL != "" {
		final = u
	}
	p, err := parsePage(htmlpage.Decode(resp.Body, resp.Header.Get("Content-Type")), final)
	if err != nil {
		return scanner.Fetched{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: final.String(), Detail: "the page is not readable HTML", Err: err}
	}
	out := scanner.Fetched{
		Profile: scanner.Profile{
			DisplayName: p.Title,
			Description: p.Description,
			Text:        scanner.JoinText(p.Title, p.Description, p.Text),
			Links:       p.Links,
		},
		NoDatedPosts: true,
		Sources:      []string{final.String()},
		Page:         final.String(),
	}
	feedURL, guessed := "", false
	switch {
	case len(p.Feeds) > 0:
		feedURL = p.Feeds[0]
	case p.WordPress:
		feedURL, guessed = final.ResolveReference(&url.URL{Path: "/feed/"}).String(), true
	}
	if feedURL == "" {
		return out, nil
	}
	fp, err := a.fetchFeed(ctx, feedURL, guessed)
	if errors.Is(err, errNoFeed) {
		return out, nil
	}
	if err != nil {
		return scanner.Fetched{}, err
	}
	if fp.Undated > 0 {
		a.log.Warn("feed items without a parseable date skipped", "account", acc.Name, "url", feedURL, "skipped", fp.Undated)
	}
	out.Sources = append(out.Sources, feedURL)
	out.Posts = scanner.ReadFrom(feedURL, fp.Posts)
	if !fp.Oldest.IsZero() {
		out.CompleteSince, out.NoDatedPosts = fp.Oldest, false
	}
	return out, nil
}

// parseURL accepts an absolute http(s) link.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &scanner.FetchError{Kind: scanner.ErrInvalidInput, URL: raw, Detail: "not an http(s) web address", Err: err}
	}
	return u, nil
}

// pageError reports a missing page (404, 410) as ErrNotFound and passes
// every other fetch error on.
func pageError(u string, resp *scanner.Response, err error) error {
	fe := scanner.AsFetchError(err)
	if fe.Kind == scanner.ErrHTTPStatus && resp != nil && (resp.StatusCode == 404 || resp.StatusCode == 410) {
		return &scanner.FetchError{Kind: scanner.ErrNotFound, URL: u, StatusCode: resp.StatusCode, Detail: fe.Detail, Err: fe}
	}
	return fe
}
