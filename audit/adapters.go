package audit

import (
	"log/slog"
	"os"
	"strings"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/affiliation"
	"github.com/stockholm-stad/smaudit/scanner/bluesky"
	"github.com/stockholm-stad/smaudit/scanner/mastodon"
	"github.com/stockholm-stad/smaudit/scanner/meta"
	"github.com/stockholm-stad/smaudit/scanner/terms"
	"github.com/stockholm-stad/smaudit/scanner/web"
	"github.com/stockholm-stad/smaudit/scanner/xapi"
	"github.com/stockholm-stad/smaudit/scanner/youtube"
)

// PlatformsConfig holds each platform adapter's settings: base URLs and
// the credentials that make Facebook, Instagram, X and the YouTube Data API
// automatic. Tokens may also come from the environment (see tokenEnv).
type PlatformsConfig struct {
	Bluesky bluesky.Config `yaml:"bluesky"`
	YouTube youtube.Config `yaml:"youtube"`
	Meta    meta.Config    `yaml:"meta"`
	X       xapi.Config    `yaml:"x"`
}

// DefaultPlatforms is every platform's default settings: the public API
// addresses and no credentials.
func DefaultPlatforms() PlatformsConfig {
	return PlatformsConfig{
		Bluesky: bluesky.DefaultConfig(),
		YouTube: youtube.DefaultConfig(),
		Meta:    meta.DefaultConfig(),
		X:       xapi.DefaultConfig(),
	}
}

// Environment variables that supply credentials, so they need not be
// written into a config file. A set variable wins over the file.
const (
	// EnvMetaToken is the Graph API token for Facebook and Instagram.
	EnvMetaToken = "SMAUDIT_META_TOKEN"
	// EnvXBearerToken is the X API's app bearer token.
	EnvXBearerToken = "SMAUDIT_X_BEARER_TOKEN"
	// EnvYouTubeAPIKey is the YouTube Data API key.
	EnvYouTubeAPIKey = "SMAUDIT_YOUTUBE_API_KEY"
)

// WithEnvCredentials returns p with credentials from getenv filled in.
func WithEnvCredentials(p PlatformsConfig, getenv func(string) string) PlatformsConfig {
	if v := strings.TrimSpace(getenv(EnvMetaToken)); v != "" {
		p.Meta.Token = scanner.Secret(v)
	}
	if v := strings.TrimSpace(getenv(EnvXBearerToken)); v != "" {
		p.X.BearerToken = scanner.Secret(v)
	}
	if v := strings.TrimSpace(getenv(EnvYouTubeAPIKey)); v != "" {
		p.YouTube.APIKey = scanner.Secret(v)
	}
	return p
}

// adaptersFor builds every platform's adapter over one fetcher, so
// politeness and the private-network guard hold across platforms. Accounts
// on platforms that need a missing token, or that show nothing without a
// login, are reported as needing a person. Every adapter but the web one
// also looks for proofs of affiliation on the city pages a profile links to,
// and every one reads the terms page the profile links to.
func adaptersFor(cfg Config, f scanner.Fetcher, log *slog.Logger) map[scanner.Platform]scanner.Adapter {
	p := withMaxThreads(cfg.Platforms, cfg.Rules.Response.MaxThreads)
	prover := affiliation.New(f, func(acc scanner.Account) []string {
		return rules.AccountDomains(cfg.Rules, acc.Website)
	}, affiliation.DefaultMaxPages)
	adapters := map[scanner.Platform]scanner.Adapter{
		scanner.Mastodon: prover.Wrap(mastodon.New(f, mastodon.WithMaxThreads(cfg.Rules.Response.MaxThreads))),
		scanner.Bluesky:  prover.Wrap(bluesky.New(f, p.Bluesky)),
		scanner.YouTube:  prover.Wrap(youtube.New(f, p.YouTube)),
		scanner.Web:      web.New(f, web.WithLogger(log)),
		scanner.LinkedIn: scanner.Unavailable(scanner.NoPublicSurface),
	}
	if p.Meta.Token == "" {
		adapters[scanner.Facebook] = scanner.Unavailable(scanner.NeedsMetaToken)
		adapters[scanner.Instagram] = scanner.Unavailable(scanner.NeedsMetaToken)
	} else {
		adapters[scanner.Facebook] = prover.Wrap(meta.NewFacebook(f, p.Meta))
		adapters[scanner.Instagram] = prover.Wrap(meta.NewInstagram(f, p.Meta))
	}
	if p.X.BearerToken == "" {
		adapters[scanner.X] = scanner.Unavailable(scanner.NeedsXToken)
	} else {
		adapters[scanner.X] = prover.Wrap(xapi.New(f, p.X))
	}
	return withTerms(adapters, terms.New(f, rules.TermsLink(cfg.Rules)))
}

// withTerms has every adapter that fetches also read the terms page its
// profile links to (moderation-info judges the profile and its terms
// together): one page more per account that links to terms.
func withTerms(adapters map[scanner.Platform]scanner.Adapter, r *terms.Reader) map[scanner.Platform]scanner.Adapter {
	for p, a := range adapters {
		if _, ok := a.(scanner.Unavailable); !ok {
			adapters[p] = r.Wrap(a)
		}
	}
	return adapters
}

// withMaxThreads gives every adapter that reads replies the cap of
// response-time's max-threads, the one setting of it (the platforms'
// configs take no max-threads key), so it bounds the requests the rule
// adds to a scan and `smaudit rules` states the cap the scan kept; 0
// leaves the adapters' default.
func withMaxThreads(p PlatformsConfig, n int) PlatformsConfig {
	if n > 0 {
		p.Bluesky.MaxThreads, p.YouTube.MaxThreads, p.Meta.MaxThreads = n, n, n
	}
	return p
}

// osGetenv is os.Getenv, named so tests can see what reads the environment.
var osGetenv = os.Getenv
