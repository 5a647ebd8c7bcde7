// Package mastodon fetches the public profile and posts of a Mastodon
// account through its home server's REST API, which answers logged-out
// visitors (the profile page itself is a JavaScript app shell).
package mastodon

import (
	"context"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// DefaultMaxPages is how many pages of statuses Fetch reads at most; with
// 40 statuses a page that is 400 statuses.
const DefaultMaxPages = 10

// Adapter fetches Mastodon accounts. It implements scanner.Adapter.
type Adapter struct {
	fetcher    scanner.Fetcher
	maxPages   int
	maxThreads int
}

// Option configures an Adapter.
type Option func(*Adapter)

// WithMaxPages caps how many pages of statuses Fetch reads per account.
// Values below 1 are taken as 1.
func WithMaxPages(n int) Option {
	return func(a *Adapter) { a.maxPages = max(n, 1) }
}

// WithMaxThreads caps how many of the account's own posts with replies
// Fetch reads the replies of, the newest first, one request each. Values
// below 1 take scanner.DefaultMaxThreads.
func WithMaxThreads(n int) Option {
	return func(a *Adapter) {
		a.maxThreads = n
		if n < 1 {
			a.maxThreads = scanner.DefaultMaxThreads
		}
	}
}

// New returns an Adapter that does all HTTP through f.
func New(f scanner.Fetcher, opts ...Option) *Adapter {
	a := &Adapter{fetcher: f, maxPages: DefaultMaxPages, maxThreads: scanner.DefaultMaxThreads}
	for _, o := range opts {
		o(a)
	}
	return a
}

var _ scanner.Adapter = (*Adapter)(nil)

// Fetch looks the account up on its home server, normalises its profile
// and pages through its statuses, newest first, until the oldest status
// of a page is older than since and at least one own post has been seen,
// or the history ends, or the page cap is reached. When a later page
// fails, repeats one already read or would lead off the server or down
// to plain HTTP, the profile and the posts read so far are kept and
// PostsCut says why paging stopped; a failing lookup or first page fails
// the account. Then it reads the public replies under the newest own posts
// of the window that have any (see WithMaxThreads) into Dialogue; a thread
// that cannot be read is marked cut, never failing the account.
func (a *Adapter) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	server, name, err := ParseAccountURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	lu := lookupURL(server, name)
	var ac account
	if _, err := a.getJSON(ctx, lu, true, &ac); err != nil {
		return scanner.Fetched{}, err
	}
	if ac.ID == "" {
		return scanner.Fetched{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: lu, Detail: "the account has no id"}
	}
	profile, err := profileOf(ac)
	if err != nil {
		return scanner.Fetched{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: lu, Detail: err.Error(), Err: err}
	}
	first := statusesURL(server, ac.ID)
	tl, err := a.statuses(ctx, first, ac.ID, since)
	if err != nil {
		return scanner.Fetched{}, err
	}
	dialogue, err := a.dialogue(ctx, server, ac.ID, tl, since)
	if err != nil {
		return scanner.Fetched{}, err
	}
	sources := []string{lu}
	if ac.URL != "" {
		sources = append(sources, ac.URL)
	}
	profileURL := ac.URL
	if profileURL == "" {
		profileURL = acc.URL
	}
	page := ac.URL
	if page == "" {
		// The server named no page: its web interface shows the
		// account at /@name, whatever form the registry wrote.
		page = server + "/@" + name
	}
	return scanner.Fetched{
		Profile:       profile,
		Posts:         tl.posts,
		CompleteSince: tl.complete,
		PostsCut:      tl.cut,
		Sources:       append(sources, first),
		Page:          page,
		Proofs:        verifiedLinks(profile, profileURL),
		Dialogue:      dialogue,
	}, nil
}

// verifiedLinks are the profile fields whose link the server verified: the
// linked page links back with rel="me", so account and page belong together.
func verifiedLinks(p scanner.Profile, profileURL string) []scanner.Proof {
	var proofs []scanner.Proof
	for _, f := range p.Fields {
		if f.VerifiedAt.IsZero() {
			continue
		}
		for _, l := range p.Links {
			if l.Text == f.Name {
				proofs = append(proofs, scanner.Proof{Kind: scanner.ProofVerifiedField, From: profileURL, To: l.URL})
				break
			}
		}
	}
	return proofs
}
