package crawl

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/net/http/httpproxy"
)

// proxyChooser picks the proxy for each request and, unless private
// networks are allowed, checks the target before the request is handed to
// the proxy. Without a proxy the dial-time guard sees the target's
// address; through a proxy the dialer only ever sees the proxy's, so the
// target's name has to be resolved and judged here instead.
type proxyChooser struct {
	choose       func(*url.URL) (*url.URL, error)
	allowPrivate bool
	lookup       func(ctx context.Context, host string) ([]netip.Addr, error)

	// trusted holds the dial addresses (host:port) of the proxies handed
	// out. The proxy is configured by the person running the scan, so the
	// dialer lets it through even on loopback or in the city's network.
	trusted sync.Map
}

// newProxyChooser reads the proxy settings once, when the Client is made:
// cfg.Proxy for both schemes if set, else HTTPS_PROXY, HTTP_PROXY and
// NO_PROXY (upper or lower case) with the semantics of Go's
// http.ProxyFromEnvironment. That function caches the environment for the
// life of the process; reading it per Client keeps tests and long-running
// callers honest.
func newProxyChooser(cfg Config, lookup func(ctx context.Context, host string) ([]netip.Addr, error)) *proxyChooser {
	pc := httpproxy.FromEnvironment()
	if cfg.Proxy != "" {
		pc.HTTPProxy, pc.HTTPSProxy = cfg.Proxy, cfg.Proxy
	}
	if lookup == nil {
		lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	return &proxyChooser{choose: pc.ProxyFunc(), allowPrivate: cfg.AllowPrivateNetworks, lookup: lookup}
}

// proxy is the http.Transport Proxy hook. It runs for every request,
// redirects included, before any connection is made.
func (p *proxyChooser) proxy(req *http.Request) (*url.URL, error) {
	pu, err := p.choose(req.URL)
	if err != nil || pu == nil {
		return pu, err
	}
	if !p.allowPrivate {
		if err := p.checkTarget(req.Context(), req.URL.Hostname()); err != nil {
			return nil, err
		}
	}
	p.trusted.Store(proxyDialAddr(pu), struct{}{})
	return pu, nil
}

// isProxy reports whether addr is the dial address of a proxy in use.
func (p *proxyChooser) isProxy(addr string) bool {
	_, ok := p.trusted.Load(addr)
	return ok
}

// checkTarget resolves host and refuses it if any of its addresses is in a
// blocked range: the proxy will resolve the name again and may pick any of
// them. A name that does not resolve here is refused too (failing closed),
// since it cannot be judged; on a network whose own DNS knows no public
// names, --allow-private-networks turns the check off.
func (p *proxyChooser) checkTarget(ctx context.Context, host string) error {
	if addr, err := netip.ParseAddr(host); err == nil {
		return checkAddress(addr)
	}
	addrs, err := p.lookup(ctx, host)
	if err != nil {
		return fmt.Errorf("private-network guard: cannot resolve %s to check it before using the proxy: %w", host, err)
	}
	if len(addrs) == 0 {
		return &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	for _, a := range addrs {
		if err := checkAddress(a); err != nil {
			var refused *refusedAddressError
			if errors.As(err, &refused) {
				refused.host = host
			}
			return err
		}
	}
	return nil
}

// proxyDialAddr is the host:port http.Transport dials for proxy u, with
// the scheme's default port when u names none.
func proxyDialAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch strings.ToLower(u.Scheme) {
		case "https":
			port = "443"
		case "socks5", "socks5h":
			port = "1080"
		default:
			port = "80"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// parseProxyURL checks a configured proxy URL. A bare "host:port" is read
// as http://host:port, as curl and the environment variables allow.
func parseProxyURL(raw string) (*url.URL, error) {
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		return nil, fmt.Errorf("%q: scheme must be http, https or socks5", raw)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%q has no host", raw)
	}
	return u, nil
}
