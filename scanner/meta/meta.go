// Package meta fetches Facebook pages and Instagram professional accounts
// through Meta's Graph API. Neither platform shows anything useful to a
// logged-out visitor, so both adapters need a Graph API token; without one
// every account is reported as unsupported (scanner.NeedsMetaToken).
//
// The token travels only in the Authorization header. Graph echoes it in
// its paging.next links as access_token=...; that parameter is removed
// before a link is fetched or recorded, and a next link is followed only
// on the configured Graph host.
package meta

import (
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// DefaultGraphBase is the Graph API version the adapters were written
// against.
const DefaultGraphBase = "https://graph.facebook.com/v21.0"

// DefaultMaxPages is how many pages of posts or media Fetch reads at most
// per account; with 100 items a page that is 1000 items.
const DefaultMaxPages = 10

// pageLimit is how many posts or media one Graph request asks for.
const pageLimit = "100"

// Config configures the Facebook and Instagram adapters.
type Config struct {
	// Token is a Graph API access token (a page or system-user token).
	// It is a secret: it is sent in a request header and never written
	// anywhere.
	Token scanner.Secret `yaml:"token"`
	// GraphBase is the Graph API root with its version, without a
	// trailing slash.
	GraphBase string `yaml:"graph-base"`
	// InstagramUserID is the city's own Instagram professional account
	// id; business_discovery looks other accounts up through it.
	InstagramUserID string `yaml:"instagram-user-id"`
	// MaxPages caps the pages of posts or media read per account. Values
	// below 1 mean DefaultMaxPages.
	MaxPages int `yaml:"max-pages"`
	// MaxThreads caps how many own posts' comments are read per account,
	// the newest with comments first, one request each (two where the
	// comments run over a page); values below 1 mean
	// scanner.DefaultMaxThreads. Not a key of the config file: audit
	// sets it from response-time.max-threads.
	MaxThreads int `yaml:"-"`
}

// DefaultConfig returns the configuration without a token: the current
// Graph API version and DefaultMaxPages.
func DefaultConfig() Config {
	return Config{GraphBase: DefaultGraphBase, MaxPages: DefaultMaxPages}
}

// graph is the Graph API client both adapters share.
type graph struct {
	fetcher  scanner.Fetcher
	base     string // GraphBase without a trailing slash
	token    string
	maxPages int
	// maxThreads caps the posts whose comments are read per account.
	maxThreads int
}

func newGraph(f scanner.Fetcher, cfg Config) graph {
	base := strings.TrimRight(strings.TrimSpace(cfg.GraphBase), "/")
	if base == "" {
		base = DefaultGraphBase
	}
	maxPages := cfg.MaxPages
	if maxPages < 1 {
		maxPages = DefaultMaxPages
	}
	maxThreads := cfg.MaxThreads
	if maxThreads < 1 {
		maxThreads = scanner.DefaultMaxThreads
	}
	return graph{fetcher: f, base: base, token: strings.TrimSpace(cfg.Token.Reveal()), maxPages: maxPages, maxThreads: maxThreads}
}
