// Package xapi fetches the profile and posts of an X (formerly Twitter)
// account through X's API v2, which needs a paid bearer token: X shows
// logged-out visitors nothing usable. Without a token every account is
// reported as unsupported (scanner.NeedsXToken).
//
// The token goes only into the Authorization header. It never appears in
// a URL, an error, the Sources or anything else the adapter returns, and
// Config and Adapter print it redacted.
package xapi

import (
	"context"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Defaults of Config.
const (
	DefaultAPIBase  = "https://api.x.com/2"
	DefaultMaxPages = 5
)

// Config configures the adapter.
type Config struct {
	// BearerToken is the app's API v2 bearer token. It is a secret.
	BearerToken scanner.Secret `yaml:"bearer-token"`
	// APIBase is the API's address up to and including the version.
	APIBase string `yaml:"api-base"`
	// MaxPages caps the pages of 100 tweets read per account: X bills
	// every read.
	MaxPages int `yaml:"max-pages"`
}

// DefaultConfig returns the configuration for X's public API, without a
// token.
func DefaultConfig() Config {
	return Config{APIBase: DefaultAPIBase, MaxPages: DefaultMaxPages}
}

// Adapter fetches X accounts. It implements scanner.Adapter.
type Adapter struct {
	fetcher  scanner.Fetcher
	token    string
	base     string
	maxPages int
}

var _ scanner.Adapter = (*Adapter)(nil)

// New returns an Adapter that does all HTTP through f. An empty APIBase
// or a MaxPages below 1 take the defaults.
func New(f scanner.Fetcher, cfg Config) *Adapter {
	a := &Adapter{
		fetcher:  f,
		token:    strings.TrimSpace(cfg.BearerToken.Reveal()),
		base:     strings.TrimRight(strings.TrimSpace(cfg.APIBase), "/"),
		maxPages: cfg.MaxPages,
	}
	if a.base == "" {
		a.base = DefaultAPIBase
	}
	if a.maxPages < 1 {
		a.maxPages = DefaultMaxPages
	}
	return a
}

// String describes the adapter with the token redacted.
func (a *Adapter) String() string {
	return "xapi.Adapter{token: " + redacted(a.token) + ", base: " + a.base + "}"
}

// GoString is String, so %#v redacts the token too.
func (a *Adapter) GoString() string { return a.String() }

// Fetch looks the user up by name, normalises the profile and pages
// through the user's tweets, newest first, until the oldest tweet of a
// page is older than since and an own post has been seen, or the history
// ends, or the page cap is reached. When a later page fails or repeats
// one already read, the profile and the tweets read so far are kept and
// PostsCut says why. A protected account's tweets are not asked for: X
// does not show them to the token.
func (a *Adapter) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	if a.token == "" {
		return scanner.Fetched{}, &scanner.Unsupported{Reason: scanner.NeedsXToken}
	}
	name, err := ParseAccountURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	uu := a.userURL(name)
	resp, err := a.get(ctx, uu, endpointUserLookup)
	if err != nil {
		return scanner.Fetched{}, err
	}
	r, err := parseUser(resp.Body)
	if err != nil {
		return scanner.Fetched{}, unparseable(uu, err)
	}
	if r.Data == nil {
		return scanner.Fetched{}, problemError(uu, r.Errors)
	}
	u := *r.Data
	if u.ID == "" {
		return scanner.Fetched{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: uu, Detail: "the user has no id"}
	}
	if !usernameRe.MatchString(u.Username) {
		u.Username = name
	}
	out := scanner.Fetched{
		Profile: profileOf(u),
		Sources: []string{uu, "https://x.com/" + u.Username},
		Page:    "https://x.com/" + u.Username,
	}
	if u.Protected {
		// A protected account shows its profile but not its tweets.
		out.NoDatedPosts = true
		return out, nil
	}
	first := a.tweetsURL(u.ID, "")
	out.Posts, out.CompleteSince, out.NoDatedPosts, out.PostsCut, err = a.tweets(ctx, u.ID, u.Username, since)
	if err != nil {
		return scanner.Fetched{}, err
	}
	out.Sources = append(out.Sources, first)
	return out, nil
}

// redacted says whether a secret is set without showing it.
func redacted(secret string) string {
	if secret == "" {
		return `""`
	}
	return "[redacted]"
}
