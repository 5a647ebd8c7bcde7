// Package bluesky fetches the public profile and posts of a Bluesky
// account through the public AppView's XRPC API, which answers without a
// login or token.
package bluesky

import (
	"context"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// DefaultAppView is Bluesky's public, unauthenticated AppView.
const DefaultAppView = "https://public.api.bsky.app"

// DefaultMaxPages is how many feed pages Fetch reads at most; with 100
// items a page that is 1,000 posts and reposts.
const DefaultMaxPages = 10

// Config configures the adapter.
type Config struct {
	// AppView is the base URL of the XRPC server answering
	// app.bsky.* queries.
	AppView string `yaml:"appview"`
	// MaxPages caps how many feed pages are read per account; zero or
	// less means DefaultMaxPages.
	MaxPages int `yaml:"max-pages"`
	// MaxThreads caps how many of an account's own posts with replies
	// have their thread read, the newest first, one request each; zero
	// or less means scanner.DefaultMaxThreads. Not a key of the config
	// file: audit sets it from response-time.max-threads, the one
	// setting of the cap for every platform.
	MaxThreads int `yaml:"-"`
}

// DefaultConfig returns the public AppView, DefaultMaxPages and
// scanner.DefaultMaxThreads.
func DefaultConfig() Config {
	return Config{AppView: DefaultAppView, MaxPages: DefaultMaxPages, MaxThreads: scanner.DefaultMaxThreads}
}

// Adapter fetches Bluesky accounts. It implements scanner.Adapter.
type Adapter struct {
	fetcher    scanner.Fetcher
	appView    string
	maxPages   int
	maxThreads int
}

// New returns an Adapter that does all HTTP through f. Empty or
// non-positive settings of cfg take their defaults.
func New(f scanner.Fetcher, cfg Config) *Adapter {
	a := &Adapter{fetcher: f, appView: strings.TrimRight(strings.TrimSpace(cfg.AppView), "/"), maxPages: cfg.MaxPages, maxThreads: cfg.MaxThreads}
	if a.appView == "" {
		a.appView = DefaultAppView
	}
	if a.maxPages < 1 {
		a.maxPages = DefaultMaxPages
	}
	if a.maxThreads < 1 {
		a.maxThreads = scanner.DefaultMaxThreads
	}
	return a
}

var _ scanner.Adapter = (*Adapter)(nil)

// Fetch reads the account's profile and pages through its feed, newest
// first, until the oldest item of a page is older than since and at least
// one own post has been seen, or the feed ends, or the page cap is
// reached. When a later page fails or repeats one already read, the
// profile and the posts read so far are kept and PostsCut says why paging
// stopped. An account that asks not to be shown to logged-out visitors is
// not read further: it fails with ErrBlocked and a Detail that says so.
// Then it reads the threads of the newest own posts of the window that
// have replies (see Config.MaxThreads) into Dialogue; a thread that cannot
// be read is marked cut, never failing the account.
func (a *Adapter) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	actor, err := ParseAccountURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	pu := profileURL(a.appView, actor)
	body, err := a.get(ctx, pu)
	if err != nil {
		return scanner.Fetched{}, err
	}
	pv, err := decodeProfile(pu, body)
	if err != nil {
		return scanner.Fetched{}, err
	}
	if pv.optedOut() {
		return scanner.Fetched{}, &scanner.FetchError{
			Kind:   scanner.ErrBlocked,
			URL:    pu,
			Detail: "the account asks not to be shown to logged-out visitors (" + noUnauthenticated + ")",
		}
	}
	first := feedURL(a.appView, pv.DID, "")
	replies := map[string]int{}
	posts, complete, cut, err := a.feed(ctx, pv.DID, since, replies)
	if err != nil {
		return scanner.Fetched{}, err
	}
	dialogue, err := a.dialogue(ctx, pv.DID, posts, replies, since)
	if err != nil {
		return scanner.Fetched{}, err
	}
	return scanner.Fetched{
		Profile:       profileOf(pv),
		Posts:         posts,
		CompleteSince: complete,
		PostsCut:      cut,
		Sources:       []string{pu, first},
		Page:          profilePage(pv.Handle, pv.DID),
		Proofs:        pv.proofs(),
		Dialogue:      dialogue,
	}, nil
}

// decodeProfile reads a getProfile answer fetched from u.
func decodeProfile(u string, body []byte) (profileView, error) {
	var pv profileView
	if err := decode(u, body, &pv); err != nil {
		return profileView{}, err
	}
	if !didRe.MatchString(pv.DID) {
		return profileView{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the profile has no valid did"}
	}
	return pv, nil
}

// feed pages through the author feed of did by cursor. complete is zero
// when the feed ended, else the time of the oldest item fetched. The first
// page must be read; after that a page that fails, a cursor already used
// and a page without an item not seen before end the paging with what was
// read, and cut says why: an AppView handing out an old cursor again would
// otherwise count the same posts twice. Only a cancelled scan fails the
// whole feed. The replyCount of each own post with replies goes into
// replies.
func (a *Adapter) feed(ctx context.Context, did string, since time.Time, replies map[string]int) (posts []scanner.Post, complete time.Time, cut *scanner.FetchError, err error) {
	var pg scanner.Pages
	cursor := ""
	pg.Use(cursor)
	for page := 1; ; page++ {
		u := feedURL(a.appView, did, cursor)
		ps, next, err := a.feedPage(ctx, u, did, replies)
		if err != nil {
			if cut = scanner.LaterPageCut(ctx, page, err); cut == nil {
				return nil, time.Time{}, nil, err
			}
			return pg.Posts(), pg.Oldest(), cut, nil
		}
		fresh := pg.AddFrom(u, ps...)
		switch {
		case next == "" || len(ps) == 0:
			return pg.Posts(), time.Time{}, nil, nil
		case fresh == 0:
			return pg.Posts(), pg.Oldest(), scanner.RepeatedPage(u, "posts"), nil
		case pg.Oldest().Before(since) && pg.SawOwn(), page >= a.maxPages:
			return pg.Posts(), pg.Oldest(), nil, nil
		case pg.Use(next):
			return pg.Posts(), pg.Oldest(), scanner.ReusedCursor(u, "cursor", next), nil
		}
		cursor = next
	}
}

// feedPage fetches and decodes one page of the author feed.
func (a *Adapter) feedPage(ctx context.Context, u, did string, replies map[string]int) ([]scanner.Post, string, error) {
	body, err := a.get(ctx, u)
	if err != nil {
		return nil, "", err
	}
	return feedPage(u, body, did, replies)
}
