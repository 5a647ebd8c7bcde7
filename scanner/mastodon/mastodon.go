// Package mastodon fetches the public profile and posts of a Mastodon
// account through its home server's REST API, which answers logged-out
// visitors (the profile page itself is a JavaScript app shell).
package mastodon

import (
	"context"
	"net/url"
	"sort"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// DefaultMaxPages is how many pages of statuses Fetch reads at most; with
// 40 statuses a page that is 400 statuses.
const DefaultMaxPages = 10

// Adapter fetches Mastodon accounts. It implements scanner.Adapter.
type Adapter struct {
	fetcher  scanner.Fetcher
	maxPages int
}

// Option configures an Adapter.
type Option func(*Adapter)

// WithMaxPages caps how many pages of statuses Fetch reads per account.
// Values below 1 are taken as 1.
func WithMaxPages(n int) Option {
	return func(a *Adapter) { a.maxPages = max(n, 1) }
}

// New returns an Adapter that does all HTTP through f.
func New(f scanner.Fetcher, opts ...Option) *Adapter {
	a := &Adapter{fetcher: f, maxPages: DefaultMaxPages}
	for _, o := range opts {
		o(a)
	}
	return a
}

var _ scanner.Adapter = (*Adapter)(nil)

// Fetch looks the account up on its home server, normalises its profile
// and pages through its statuses, newest first, until the oldest status
// of a page is older than since and at least one own post has been seen,
// or the history ends, or the page cap is reached.
func (a *Adapter) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	host, name, err := ParseAccountURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	lu := lookupURL(host, name)
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
	first := statusesURL(host, ac.ID)
	posts, complete, err := a.statuses(ctx, first, ac.ID, since)
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
	return scanner.Fetched{
		Profile:       profile,
		Posts:         posts,
		CompleteSince: complete,
		Sources:       append(sources, first),
		Proofs:        verifiedLinks(profile, profileURL),
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

// statuses pages from first along the Link headers. complete is zero when
// the history ended, else the time of the oldest status fetched.
func (a *Adapter) statuses(ctx context.Context, first, self string, since time.Time) (posts []scanner.Post, complete time.Time, err error) {
	next := first
	sawOwn := false
	for page := 1; ; page++ {
		var ss []status
		resp, err := a.getJSON(ctx, next, false, &ss)
		if err != nil {
			return nil, time.Time{}, err
		}
		if len(ss) == 0 {
			return sorted(posts), time.Time{}, nil
		}
		var oldest time.Time
		for i, s := range ss {
			p, err := s.post(next, self)
			if err != nil {
				return nil, time.Time{}, err
			}
			if i == 0 || p.Published.Before(oldest) {
				oldest = p.Published
			}
			sawOwn = sawOwn || p.Own()
			posts = append(posts, p)
		}
		if !complete.IsZero() && complete.Before(oldest) {
			oldest = complete
		}
		complete = oldest
		base, err := url.Parse(resp.URL)
		if err != nil || resp.URL == "" {
			base, _ = url.Parse(next)
		}
		link := nextLink(resp.Header, base)
		switch {
		case link == "":
			return sorted(posts), time.Time{}, nil
		case oldest.Before(since) && sawOwn, page >= a.maxPages:
			return sorted(posts), complete, nil
		}
		if err := sameHost(link, base); err != nil {
			return nil, time.Time{}, err
		}
		next = link
	}
}

// sameHost refuses a next-page link that leaves the server: an account's
// statuses live on its home server.
func sameHost(link string, base *url.URL) error {
	u, err := url.Parse(link)
	if err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host == base.Host {
		return nil
	}
	return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: base.String(), Detail: "the next-page link " + link + " leaves the server"}
}

// sorted orders posts newest first; equal times keep the server's order.
func sorted(posts []scanner.Post) []scanner.Post {
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].Published.After(posts[j].Published) })
	return posts
}
