// Package youtube fetches a YouTube channel's description, links and
// videos: the description and links from the ytInitialData JSON of the
// channel's about page, the videos from the channel's Atom feed (the 15
// newest, only where robots.txt allows it) or, with a Data API key, from
// its uploads playlist. When the page shows only the first of the
// channel's links, the profile says so (LinksHidden) instead of passing
// the rest off as missing.
package youtube

import (
	"context"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Config configures the adapter.
type Config struct {
	// Site is where channel pages and feeds live.
	Site string `yaml:"site"`
	// APIKey is a YouTube Data API v3 key. Optional: without it only the
	// feed's 15 newest videos are known, and none where robots.txt forbids
	// the feed, as YouTube's has since 2025. It is a secret: it is sent in the
	// X-Goog-Api-Key header and never put in a URL.
	APIKey scanner.Secret `yaml:"api-key"`
	// APIBase is the Data API's base URL.
	APIBase string `yaml:"api-base"`
	// MaxPages caps how many pages of 50 videos the API path reads.
	MaxPages int `yaml:"max-pages"`
	// MaxThreads caps how many videos' comments the API path reads, the
	// newest first, one request each; 0 means scanner.DefaultMaxThreads.
	// Without an API key no comment is read. Not a key of the config
	// file: audit sets it from response-time.max-threads.
	MaxThreads int `yaml:"-"`
}

// DefaultConfig returns the configuration for the real YouTube, without
// an API key.
func DefaultConfig() Config {
	return Config{
		Site:     "https://www.youtube.com",
		APIBase:  "https://www.googleapis.com/youtube/v3",
		MaxPages: 10,
	}
}

// Adapter fetches YouTube channels. It implements scanner.Adapter.
type Adapter struct {
	fetcher scanner.Fetcher
	cfg     Config
}

// New returns an Adapter that does all HTTP through f. Empty fields of cfg
// take their defaults; a MaxPages below 1 is taken as the default.
func New(f scanner.Fetcher, cfg Config) *Adapter {
	def := DefaultConfig()
	if cfg.Site == "" {
		cfg.Site = def.Site
	}
	if cfg.APIBase == "" {
		cfg.APIBase = def.APIBase
	}
	if cfg.MaxPages < 1 {
		cfg.MaxPages = def.MaxPages
	}
	cfg.Site = strings.TrimSuffix(cfg.Site, "/")
	cfg.APIBase = strings.TrimSuffix(cfg.APIBase, "/")
	return &Adapter{fetcher: f, cfg: cfg}
}

var _ scanner.Adapter = (*Adapter)(nil)

// Fetch reads the channel's about page for its id, title, description and
// links, then its videos: from the Data API's uploads playlist when an
// API key is configured (paging back past since), else from the Atom feed
// when robots.txt allows it. With a key it also reads the comments under
// the newest videos since since (see Config.MaxThreads); without one the
// Dialogue says they are hidden. Every request to the YouTube site asks
// robots.txt first; the Data API is an API, not the site.
func (a *Adapter) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	ch, err := ParseAccountURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	page, pageURL, err := a.fetchChannelPage(ctx, ch)
	if err != nil {
		return scanner.Fetched{}, err
	}
	out := scanner.Fetched{Profile: page.profile(), Sources: []string{pageURL}, Page: pageURL}
	var v videos
	if a.cfg.APIKey != "" {
		v, err = a.apiVideos(ctx, page.ChannelID, since)
	} else {
		v, err = a.feedVideos(ctx, page.ChannelID)
	}
	if err != nil {
		return scanner.Fetched{}, err
	}
	out.Posts = v.posts
	out.CompleteSince = v.completeSince
	out.NoDatedPosts = v.undated
	out.PostsCut = v.cut
	out.PostsHidden = v.hidden
	out.Sources = append(out.Sources, v.sources...)
	if a.cfg.APIKey == "" {
		out.Dialogue = &scanner.Dialogue{MaxThreads: a.maxThreads(), Hidden: hiddenWithoutKey}
		return out, nil
	}
	if out.Dialogue, err = a.dialogue(ctx, page.ChannelID, v.posts, since); err != nil {
		return scanner.Fetched{}, err
	}
	return out, nil
}

// videos is what the feed or the API says about a channel's uploads.
type videos struct {
	posts         []scanner.Post // newest first
	completeSince time.Time
	// undated says no video could be dated: no period is known in full,
	// so the post rules hand the channel to a person.
	undated bool
	sources []string
	// cut says why paging stopped before it meant to; nil when it did not.
	cut *scanner.FetchError
	// hidden says why no video could be read at all; empty when they could.
	hidden string
}
