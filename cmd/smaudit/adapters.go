package main

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
	"github.com/stockholm-stad/smaudit/scanner/web"
	"github.com/stockholm-stad/smaudit/scanner/xapi"
	"github.com/stockholm-stad/smaudit/scanner/youtube"
)

// platformsConfig holds each platform adapter's settings: base URLs and
// the credentials that make Facebook, Instagram, X and the YouTube Data API
// automatic. Tokens may also come from the environment (see tokenEnv).
type platformsConfig struct {
	Bluesky bluesky.Config `yaml:"bluesky"`
	YouTube youtube.Config `yaml:"youtube"`
	Meta    meta.Config    `yaml:"meta"`
	X       xapi.Config    `yaml:"x"`
}

func defaultPlatforms() platformsConfig {
	return platformsConfig{
		Bluesky: bluesky.DefaultConfig(),
		YouTube: youtube.DefaultConfig(),
		Meta:    meta.DefaultConfig(),
		X:       xapi.DefaultConfig(),
	}
}

// Environment variables that supply credentials, so they need not be
// written into a config file. A set variable wins over the file.
const (
	envMetaToken     = "SMAUDIT_META_TOKEN"
	envXBearerToken  = "SMAUDIT_X_BEARER_TOKEN"
	envYouTubeAPIKey = "SMAUDIT_YOUTUBE_API_KEY"
)

// withEnvCredentials returns p with credentials from getenv filled in.
func withEnvCredentials(p platformsConfig, getenv func(string) string) platformsConfig {
	if v := strings.TrimSpace(getenv(envMetaToken)); v != "" {
		p.Meta.Token = scanner.Secret(v)
	}
	if v := strings.TrimSpace(getenv(envXBearerToken)); v != "" {
		p.X.BearerToken = scanner.Secret(v)
	}
	if v := strings.TrimSpace(getenv(envYouTubeAPIKey)); v != "" {
		p.YouTube.APIKey = scanner.Secret(v)
	}
	return p
}

// adaptersFor builds every platform's adapter over one fetcher, so
// politeness and the private-network guard hold across platforms. Accounts
// on platforms that need a missing token, or that show nothing without a
// login, are reported as needing a person. Every adapter but the web one
// also looks for proofs of affiliation on the city pages a profile links to.
func adaptersFor(cfg config, f scanner.Fetcher, log *slog.Logger) map[scanner.Platform]scanner.Adapter {
	p := cfg.Platforms
	prover := affiliation.New(f, func(acc scanner.Account) []string {
		return rules.AccountDomains(cfg.Rules, acc.Website)
	}, affiliation.DefaultMaxPages)
	adapters := map[scanner.Platform]scanner.Adapter{
		scanner.Mastodon: prover.Wrap(mastodon.New(f)),
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
	return adapters
}

// osGetenv is os.Getenv, named so tests can see what reads the environment.
var osGetenv = os.Getenv
