// Package crawl is the one HTTP layer of smaudit. It implements
// scanner.Fetcher on top of a colly collector and adds what every adapter
// needs alike: per-host politeness, robots.txt for pages, rate-limit
// handling (429 Retry-After, Mastodon's X-RateLimit-* headers, X's limits per
// endpoint, Meta Graph's usage headers and throttling codes, all waited for
// within the scan's deadline), retries with exponential backoff, a
// body-size limit that fails loudly, a redirect limit, bounded
// decompression, per-request timeouts, a memory of hosts
// that did not answer, proxies from the environment or the config, and a
// guard against private network addresses (checked at dial time, and
// before a request is handed to a proxy).
package crawl

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// DefaultContact is the contact URL put in the User-Agent when the
// configuration names none.
const DefaultContact = "https://github.com/stockholm-stad/smaudit"

// Config configures a Client. Start from DefaultConfig and override fields;
// a YAML config file can be decoded straight into it. Durations in YAML are
// Go duration strings such as "500ms", "20s" or "2m" ("0s" for zero; a bare
// number is rejected by the YAML decoder).
type Config struct {
	// UserAgent is sent with every request, robots.txt included. Empty
	// means UserAgent("dev", Contact).
	UserAgent string `yaml:"user-agent"`
	// Contact is a URL (or mailto:) where site owners can reach the people
	// running the scan; it goes into the default User-Agent.
	Contact string `yaml:"contact"`
	// PerHostConcurrency is the maximum number of requests in flight to one
	// host (host:port). Zero or less means the default, 2.
	PerHostConcurrency int `yaml:"per-host-concurrency"`
	// PerHostDelay is the minimum gap between the starts of two requests to
	// one host. Zero turns the delay off.
	PerHostDelay time.Duration `yaml:"per-host-delay"`
	// RequestTimeout bounds one attempt, body included. Zero or less means
	// the default, 20s.
	RequestTimeout time.Duration `yaml:"request-timeout"`
	// MaxBodyBytes is the largest body accepted; a larger one fails with
	// scanner.ErrTooLarge rather than being cut. Zero or less means the
	// default, 10 MiB.
	MaxBodyBytes int64 `yaml:"max-body-bytes"`
	// MaxRedirects is how many redirects one request may follow.
	MaxRedirects int `yaml:"max-redirects"`
	// MaxRetries is how many times a request is repeated after a 5xx. A
	// timeout or a connection failure is repeated at most once (and never
	// more than MaxRetries): see networkRetries. Rate limits (a 429, Graph
	// throttling) do not count against it: they are waited out within
	// Deadline, at most maxLimitedRetries times per request.
	MaxRetries int `yaml:"max-retries"`
	// RetryBackoff is the first backoff wait; it doubles with each retry
	// (no jitter, so runs are repeatable).
	RetryBackoff time.Duration `yaml:"retry-backoff"`
	// MaxWait caps our own backoff between retries. Waits a server
	// demands (Retry-After, a rate-limit reset, Graph throttling) are not
	// capped by it: they are waited for however long, as long as they end
	// before Deadline.
	MaxWait time.Duration `yaml:"max-wait"`
	// Deadline is the scan's time budget, counted from New. A rate limit
	// whose reset lies beyond it fails the request at once with
	// scanner.ErrRateLimited instead of sleeping towards a wait that
	// cannot help. Zero or less means the default, 12h: a quarterly audit
	// of the city's 800 accounts needs two to three hours under the
	// platforms' published limits (Meta's Graph API allows 200 calls an
	// hour), so 12h lets a slow day finish while a scan stuck on a limit
	// still ends the same day.
	Deadline time.Duration `yaml:"deadline"`
	// GraphWindow is the rolling window in which Meta's Graph API counts
	// an app's and a user's calls (one hour). The Client paces Graph
	// calls by its own calls within it; a benchmark on a compressed clock
	// shortens it. Zero or less means the default, 1h.
	GraphWindow time.Duration `yaml:"graph-window"`
	// AllowPrivateNetworks turns off the guard refusing loopback, private,
	// link-local, CGNAT, multicast and unspecified addresses.
	AllowPrivateNetworks bool `yaml:"allow-private-networks"`
	// Proxy is the URL of an HTTP(S) proxy for every request, such as
	// "http://proxy.stad.example:8080". Empty means the environment's
	// HTTPS_PROXY, HTTP_PROXY and NO_PROXY (as curl and Go read them). A
	// configured proxy wins over the environment's; NO_PROXY still names
	// the hosts reached directly.
	Proxy string `yaml:"proxy"`

	// Transport, when set, replaces the guarded default transport (the
	// private-network guard then does not apply). The in-process demo
	// server and tests use it.
	Transport http.RoundTripper `yaml:"-"`
	// OnWait, when set, is called before every wait for a rate limit,
	// Retry-After or retry backoff, so a person sees why the scan pauses.
	// It may be called from many goroutines at once.
	OnWait func(host string, d time.Duration, reason string) `yaml:"-"`
	// OnRobots, when set, is told for every page request (scanner.Request
	// Page) which robots.txt answer decided it and whether that answer
	// allowed the page, so that the evidence bundle keeps what the scan
	// obeyed. answer is nil when robots.txt could not be fetched at all
	// (a network failure, an interruption); its Body must only be read.
	// The Client keeps each origin's answer only when OnRobots is set. It
	// may be called from many goroutines at once, with the page request's
	// context.
	OnRobots func(ctx context.Context, page string, allowed bool, answer *scanner.Response) `yaml:"-"`
	// Logger receives debug and warning records; nil means no logging.
	Logger *slog.Logger `yaml:"-"`
}

// netHooks replace parts of the network for tests; the zero value is the
// real network. They live outside Config so Config stays plain data that
// YAML decodes and tests compare.
type netHooks struct {
	// lookup, when set, replaces DNS for the check made before a request
	// goes to a proxy, so public-looking names can lead to a local server.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	// rootCAs, when set, replaces the system's trusted certificates, to
	// reach an httptest TLS server through a proxy.
	rootCAs *x509.CertPool
}

// DefaultConfig returns the configuration smaudit uses unless told
// otherwise: polite (2 requests in flight and 500ms between starts per
// host), 20s per request, 10 MiB bodies, 5 redirects, 3 retries starting at
// 1s backoff of at most 2 minutes, rate limits waited for within a 12-hour
// deadline, and Graph's one-hour window.
func DefaultConfig() Config {
	return Config{
		UserAgent:          UserAgent("dev", DefaultContact),
		Contact:            DefaultContact,
		PerHostConcurrency: 2,
		PerHostDelay:       500 * time.Millisecond,
		RequestTimeout:     20 * time.Second,
		MaxBodyBytes:       10 << 20,
		MaxRedirects:       5,
		MaxRetries:         3,
		RetryBackoff:       time.Second,
		MaxWait:            2 * time.Minute,
		Deadline:           12 * time.Hour,
		GraphWindow:        time.Hour,
	}
}

// UserAgent builds smaudit's User-Agent string, "smaudit/VERSION (+CONTACT)",
// so site owners can see who is crawling and how to reach them.
func UserAgent(version, contact string) string {
	if version == "" {
		version = "dev"
	}
	if contact == "" {
		return "smaudit/" + version
	}
	return "smaudit/" + version + " (+" + contact + ")"
}

// normalized returns cfg with zero values that have no useful meaning
// replaced by defaults, or an error naming the first invalid field.
func (cfg Config) normalized() (Config, error) {
	def := DefaultConfig()
	if cfg.UserAgent == "" {
		cfg.UserAgent = UserAgent("dev", cfg.Contact)
	}
	if cfg.PerHostConcurrency <= 0 {
		cfg.PerHostConcurrency = def.PerHostConcurrency
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = def.RequestTimeout
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = def.MaxBodyBytes
	}
	if cfg.Deadline <= 0 {
		cfg.Deadline = def.Deadline
	}
	if cfg.GraphWindow <= 0 {
		cfg.GraphWindow = def.GraphWindow
	}
	var errs []error
	for _, f := range []struct {
		name string
		neg  bool
	}{
		{"per-host-delay", cfg.PerHostDelay < 0},
		{"max-redirects", cfg.MaxRedirects < 0},
		{"max-retries", cfg.MaxRetries < 0},
		{"retry-backoff", cfg.RetryBackoff < 0},
		{"max-wait", cfg.MaxWait < 0},
	} {
		if f.neg {
			errs = append(errs, fmt.Errorf("crawl config: %s must not be negative", f.name))
		}
	}
	if cfg.Proxy != "" {
		if _, err := parseProxyURL(cfg.Proxy); err != nil {
			errs = append(errs, fmt.Errorf("crawl config: proxy: %w", err))
		}
	}
	// colly keeps the body limit in an int and we ask it for one byte more.
	if cfg.MaxBodyBytes >= int64(^uint(0)>>1) {
		errs = append(errs, fmt.Errorf("crawl config: max-body-bytes %d is too large", cfg.MaxBodyBytes))
	}
	return cfg, errors.Join(errs...)
}
