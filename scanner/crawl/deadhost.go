package crawl

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// errHostDown is what a wait for a host's politeness slot ends with when
// the host is declared dead meanwhile.
var errHostDown = errors.New("host did not answer earlier in this scan")

// DeadHost is a host that failed hard during the scan (no DNS answer,
// connection refused, timeouts after the retries) and every later request
// to which was skipped.
type DeadHost struct {
	// Host is the host (and port, if the URL named one), lower case.
	Host string
	// Kind is the kind of the failure that declared the host dead, and
	// of every skipped request's error.
	Kind scanner.ErrorKind
	// Reason is that failure's detail, e.g. "no complete answer in time".
	Reason string
	// Skipped counts the requests not sent because of it. An adapter
	// gives up an account at its first failed request, so this is about
	// the number of accounts on the host after the first; the accounts
	// themselves carry scanner.FetchError.Skipped.
	Skipped int
}

// hostDown reports whether fe says the host, not just this request, is
// unreachable: no DNS answer, a refused or reset connection, a TLS
// failure, or timeouts after every retry. A server that answers, even
// with 503, is alive; so is one whose answer was too large or corrupt.
// Once a host has cost request-timeout × attempts, asking it again for
// each of its accounts would turn one dead server into an hour's wait
// (5,000 rows on one unresolvable host took 42 minutes).
func hostDown(fe *scanner.FetchError) bool {
	return fe.Kind == scanner.ErrTimeout || fe.Kind == scanner.ErrNetwork
}

// failedHost is the host that failed: the one of the redirect hop named
// in the error when a redirect led elsewhere, else host, the request's.
func failedHost(fe *scanner.FetchError, host string) string {
	var ue *url.Error
	if errors.As(fe.Err, &ue) {
		if u, err := url.Parse(ue.URL); err == nil && u.Host != "" && !strings.EqualFold(u.Hostname(), hostname(host)) {
			return hostKey(u)
		}
	}
	return host
}

// noteFailure declares the failing host dead if fe is a hard failure.
func (c *Client) noteFailure(host string, fe *scanner.FetchError) {
	if !hostDown(fe) {
		return
	}
	host = failedHost(fe, host)
	c.limits.markDead(host, fe)
	c.log.Debug("host did not answer; skipping its remaining requests in this scan", "host", host, "error", fe.Error())
}

// skipDead returns the error for a request to a dead host, counting the
// skip, or nil if the host is alive.
func (c *Client) skipDead(host, rawURL string) *scanner.FetchError {
	first := c.limits.skip(host)
	if first == nil {
		return nil
	}
	return &scanner.FetchError{
		Kind:    first.Kind,
		URL:     rawURL,
		Detail:  fmt.Sprintf("the server did not answer earlier in this scan (%s); request skipped", first.Detail),
		Err:     first.Err,
		Skipped: true,
	}
}

// DeadHosts lists the hosts declared dead during the scan, sorted by
// host, so the command can say once per host what happened and how many
// requests it spared.
func (c *Client) DeadHosts() []DeadHost {
	var out []DeadHost
	c.limits.mu.Lock()
	states := make(map[string]*hostState, len(c.limits.hosts))
	for k, h := range c.limits.hosts {
		states[k] = h
	}
	c.limits.mu.Unlock()
	for host, h := range states {
		h.mu.Lock()
		if h.deadErr != nil {
			out = append(out, DeadHost{Host: host, Kind: h.deadErr.Kind, Reason: h.deadErr.Detail, Skipped: h.skipped})
		}
		h.mu.Unlock()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Host < out[j].Host })
	return out
}

// hostname is host without its port.
func hostname(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return strings.Trim(host, "[]")
}
