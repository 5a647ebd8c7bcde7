// Package terms follows the one link from an account's profile to its
// terms (the comment rules, the terms of taking part) and keeps the
// page's main text, so that moderation-info can judge what the profile
// and its terms say together. Which link is the terms link is the rules'
// business (their configured link words); the scanner imports no rules,
// so the front end hands the choice in as a function.
package terms

import (
	"context"
	"mime"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/htmlpage"
)

// Chooser picks a profile's terms link, if it has one.
type Chooser func(scanner.Profile) (scanner.Link, bool)

// Reader reads the terms page each account's profile links to, through
// the scan's fetcher: robots.txt, politeness, retries, the body limit,
// the private-network guard and the evidence record hold for it as for
// every other page.
type Reader struct {
	fetcher scanner.Fetcher
	choose  Chooser

	mu    sync.Mutex
	texts map[string]string // distinct page texts, shared by the accounts that link to one page
}

// maxShared bounds how many distinct texts a Reader shares; past it each
// account keeps its own copy, as if none were shared.
const maxShared = 256

// New returns a Reader fetching through f that follows the link choose
// picks.
func New(f scanner.Fetcher, choose Chooser) *Reader {
	return &Reader{fetcher: f, choose: choose, texts: map[string]string{}}
}

// Wrap returns an adapter that fetches with inner and then reads the
// terms page the profile links to into Fetched.Terms. A terms page that
// cannot be read is said in Terms.Err; the account's fetch is not failed
// for it, unless the scan was interrupted while it was read.
func (r *Reader) Wrap(inner scanner.Adapter) scanner.Adapter {
	return scanner.AdapterFunc(func(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
		f, err := inner.Fetch(ctx, acc, since)
		if err != nil {
			return f, err
		}
		l, ok := r.choose(f.Profile)
		if !ok || !web(l.URL) {
			return f, nil
		}
		f.Terms = r.Read(ctx, l.URL)
		if err := ctx.Err(); err != nil {
			// The scan was interrupted while the page was read: the
			// account is given up on, as when its threads are cut off,
			// not judged with the interruption as the page's reason.
			return f, err
		}
		return f, nil
	})
}

// Read fetches link as a page a person opens and returns its main text,
// or why it could not be read.
func (r *Reader) Read(ctx context.Context, link string) *scanner.TermsPage {
	page := &scanner.TermsPage{URL: link}
	resp, err := r.fetcher.Fetch(ctx, scanner.Request{URL: link, Accept: "text/html", Page: true})
	if err != nil {
		page.Err = scanner.AsFetchError(err)
		if page.Err.URL == "" {
			page.Err.URL = link
		}
		return page
	}
	ct := resp.Header.Get("Content-Type")
	if !isHTML(ct) {
		page.Err = &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: resp.URL, Detail: "not an HTML page: " + ct}
		return page
	}
	base, _ := url.Parse(resp.URL)
	hp, err := htmlpage.Parse(htmlpage.Decode(resp.Body, ct), base)
	if err != nil {
		page.Err = &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: resp.URL, Detail: err.Error(), Err: err}
		return page
	}
	text := scanner.CleanText(hp.MainText())
	page.Cut = len(text) > scanner.MaxTermsText
	page.Text = r.shared(cut(text, scanner.MaxTermsText))
	return page
}

// shared returns the Reader's copy of text, so that the many accounts
// linking to one city page hold its text once.
func (r *Reader) shared(text string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.texts[text]; ok {
		return t
	}
	if len(r.texts) < maxShared {
		r.texts[text] = text
	}
	return text
}

// isHTML reports whether a Content-Type names an HTML page; a server that
// names none is given the benefit of the doubt, as browsers give it.
func isHTML(contentType string) bool {
	if strings.TrimSpace(contentType) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// web reports whether link is an http(s) address.
func web(link string) bool {
	u, err := url.Parse(strings.TrimSpace(link))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// cut returns s cut to at most n bytes at a rune boundary, in memory of
// its own (the page's parsed tree is let go).
func cut(s string, n int) string {
	if len(s) <= n {
		return strings.Clone(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.Clone(s[:n])
}
