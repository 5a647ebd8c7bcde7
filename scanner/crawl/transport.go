package crawl

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// newTransport builds the shared transport: keep-alive with enough idle
// connections per host for concurrent scans, the proxy of the config or
// the environment, and the private-network guard unless private networks
// are allowed. The guard runs at dial time, after DNS, so it judges the
// address actually connected to; a proxy is dialled without it (the person
// running the scan named it) and the target is judged before the request
// is handed over instead (see proxyChooser).
func newTransport(cfg Config, hooks netHooks) *http.Transport {
	guarded := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivateNetworks {
		guarded.Control = guardControl
	}
	plain := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	proxies := newProxyChooser(cfg, hooks.lookup)
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if proxies.isProxy(addr) {
			return plain.DialContext(ctx, network, addr)
		}
		return guarded.DialContext(ctx, network, addr)
	}
	idle := max(cfg.PerHostConcurrency, 64)
	t := &http.Transport{
		Proxy:                 proxies.proxy,
		DialContext:           dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          4 * idle,
		MaxIdleConnsPerHost:   idle,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	if hooks.rootCAs != nil {
		t.TLSClientConfig = &tls.Config{RootCAs: hooks.rootCAs}
	}
	return t
}

// dialTimeout bounds one TCP connect. A host that drops SYNs then costs
// 10s per attempt rather than the whole request timeout.
const dialTimeout = 10 * time.Second
