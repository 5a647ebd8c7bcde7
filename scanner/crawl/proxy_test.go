package crawl

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// loopbackProxy is a forward proxy on loopback: plain HTTP requests with an
// absolute URI are forwarded, CONNECT is tunnelled. It sends every host
// name it is asked for to the local server its routes name, and records
// each request, so a test can see that everything went through it.
type loopbackProxy struct {
	routes map[string]string // host:port asked for -> local address

	mu   sync.Mutex
	seen []string
}

func (p *loopbackProxy) record(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen = append(p.seen, s)
}

func (p *loopbackProxy) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.seen)
}

func (p *loopbackProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodConnect {
		p.record("CONNECT " + r.Host)
		target, ok := p.routes[r.Host]
		if !ok {
			http.Error(w, "no route", http.StatusBadGateway)
			return
		}
		upstream, err := net.Dial("tcp", target)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		client, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			upstream.Close()
			return
		}
		fmt.Fprint(client, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() { io.Copy(upstream, client); upstream.Close() }()
		io.Copy(client, upstream)
		client.Close()
		return
	}
	p.record(r.Method + " " + r.URL.String())
	hostPort := r.URL.Host
	if r.URL.Port() == "" {
		hostPort += ":80"
	}
	target, ok := p.routes[hostPort]
	if !ok || !r.URL.IsAbs() {
		http.Error(w, "no route", http.StatusBadGateway)
		return
	}
	out := r.Clone(r.Context())
	out.RequestURI = ""
	out.URL.Host = target
	out.Host = r.URL.Host
	resp, err := http.DefaultTransport.RoundTrip(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// fixtureSite serves testdata/network as a municipal site would, and
// redirects /flyttat to a host inside the city's network.
func fixtureSite(t *testing.T, hits *counter) http.Handler {
	t.Helper()
	robots, err := os.ReadFile("testdata/network/robots.txt")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("testdata/network/nyheter.html")
	if err != nil {
		t.Fatal(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		switch r.URL.Path {
		case "/robots.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write(robots)
		case "/nyheter":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/flyttat":
			http.Redirect(w, r, "http://intranet.example.com/nyheter", http.StatusMovedPermanently)
		default:
			http.NotFound(w, r)
		}
	})
}

// fakeDNS answers like DNS would for the names the proxy tests use:
// www.example.com is public, intranet.example.com lies in the city's
// network, mixed.example.com has one of each, gone.example.com has no
// record.
func fakeDNS(_ context.Context, host string) ([]netip.Addr, error) {
	switch host {
	case "www.example.com":
		return []netip.Addr{netip.MustParseAddr("93.184.215.14")}, nil
	case "intranet.example.com":
		return []netip.Addr{netip.MustParseAddr("10.20.30.40")}, nil
	case "mixed.example.com":
		return []netip.Addr{netip.MustParseAddr("93.184.215.14"), netip.MustParseAddr("192.168.7.7")}, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// clearProxyEnv empties every proxy variable for the test, so the
// machine's own settings never leak in.
func clearProxyEnv(t *testing.T) {
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "REQUEST_METHOD"} {
		t.Setenv(k, "")
	}
}

func TestFetchThroughProxy(t *testing.T) {
	siteHits := &counter{}
	site := httptest.NewServer(fixtureSite(t, siteHits))
	defer site.Close()
	tlsSite := httptest.NewTLSServer(fixtureSite(t, siteHits))
	defer tlsSite.Close()
	routes := map[string]string{
		"www.example.com:80":       site.Listener.Addr().String(),
		"www.example.com:443":      tlsSite.Listener.Addr().String(),
		"intranet.example.com:80":  site.Listener.Addr().String(),
		"intranet.example.com:443": tlsSite.Listener.Addr().String(),
		"mixed.example.com:443":    tlsSite.Listener.Addr().String(),
	}
	roots := x509.NewCertPool()
	roots.AddCert(tlsSite.Certificate())

	tests := []struct {
		name       string
		env        bool // proxy from HTTPS_PROXY/HTTP_PROXY, else crawl.proxy (with a dead proxy in the environment)
		allowPriv  bool
		url        string
		wantKind   scanner.ErrorKind // empty: the page is read
		wantDetail string
		wantProxy  []string // what the proxy was asked, in order
	}{
		{"http via environment", true, false, "http://www.example.com/nyheter", "", "",
			[]string{"GET http://www.example.com/robots.txt", "GET http://www.example.com/nyheter"}},
		{"https via environment, CONNECT", true, false, "https://www.example.com/nyheter", "", "",
			[]string{"CONNECT www.example.com:443"}}, // one tunnel, kept alive for both requests
		{"config wins over environment", false, false, "https://www.example.com/nyheter", "", "",
			[]string{"CONNECT www.example.com:443"}},
		{"private name refused before the proxy", true, false, "https://intranet.example.com/nyheter",
			scanner.ErrRefusedAddress, "intranet.example.com resolves to 10.20.30.40", nil},
		{"one private address is enough", false, false, "https://mixed.example.com/nyheter",
			scanner.ErrRefusedAddress, "192.168.7.7", nil},
		{"private literal refused", true, false, "http://192.168.1.10/nyheter",
			scanner.ErrRefusedAddress, "192.168.1.10", nil},
		{"redirect to a private name refused", true, false, "http://www.example.com/flyttat",
			scanner.ErrRefusedAddress, "intranet.example.com resolves to 10.20.30.40",
			[]string{"GET http://www.example.com/robots.txt", "GET http://www.example.com/flyttat"}},
		{"unresolvable name fails closed", true, false, "https://gone.example.com/nyheter",
			scanner.ErrNetwork, "cannot resolve gone.example.com", nil},
		{"private allowed when asked", true, true, "http://intranet.example.com/nyheter", "", "",
			[]string{"GET http://intranet.example.com/robots.txt", "GET http://intranet.example.com/nyheter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			proxy := &loopbackProxy{routes: routes}
			psrv := httptest.NewServer(proxy)
			defer psrv.Close()
			clearProxyEnv(t)
			cfg := testConfig()
			cfg.AllowPrivateNetworks = tt.allowPriv
			cfg.MaxRetries = 0
			if tt.env {
				t.Setenv("HTTP_PROXY", psrv.URL)
				t.Setenv("HTTPS_PROXY", psrv.URL)
			} else {
				t.Setenv("HTTPS_PROXY", "http://127.0.0.1:1")
				cfg.Proxy = psrv.URL
			}
			c, err := newClient(cfg, netHooks{lookup: fakeDNS, rootCAs: roots})
			if err != nil {
				t.Fatal(err)
			}
			before := siteHits.get()
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: tt.url, Page: true})
			if tt.wantKind == "" {
				if err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				if !strings.Contains(string(resp.Body), "Biblioteket i Ekhagen") {
					t.Errorf("body %.80q is not the fixture page", resp.Body)
				}
				if got := siteHits.get() - before; got != 2 {
					t.Errorf("the site answered %d requests, want 2 (robots.txt and the page)", got)
				}
			} else {
				fe := wantKind(t, err, tt.wantKind)
				if !strings.Contains(fe.Error(), tt.wantDetail) {
					t.Errorf("error %q does not say %q", fe.Error(), tt.wantDetail)
				}
			}
			if got := proxy.requests(); !slices.Equal(got, tt.wantProxy) {
				t.Errorf("proxy was asked %q, want %q", got, tt.wantProxy)
			}
		})
	}
}

func TestProxyChoice(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		config string
		url    string
		want   string // empty: direct
	}{
		{"https proxy from the environment", map[string]string{"HTTPS_PROXY": "http://proxy.stad.example:3128"}, "", "https://mastodon.example/@x", "http://proxy.stad.example:3128"},
		{"lower-case variable", map[string]string{"https_proxy": "http://proxy.stad.example:3128"}, "", "https://mastodon.example/@x", "http://proxy.stad.example:3128"},
		{"http needs HTTP_PROXY", map[string]string{"HTTPS_PROXY": "http://proxy.stad.example:3128"}, "", "http://blogg.example/", ""},
		{"NO_PROXY domain", map[string]string{"HTTPS_PROXY": "http://proxy.stad.example:3128", "NO_PROXY": ".intra.stad.example"}, "", "https://wiki.intra.stad.example/", ""},
		{"NO_PROXY leaves others", map[string]string{"HTTPS_PROXY": "http://proxy.stad.example:3128", "NO_PROXY": ".intra.stad.example"}, "", "https://www.youtube.com/", "http://proxy.stad.example:3128"},
		{"config wins", map[string]string{"HTTPS_PROXY": "http://old.stad.example:3128"}, "http://proxy.stad.example:8080", "https://www.youtube.com/", "http://proxy.stad.example:8080"},
		{"config serves http too", nil, "proxy.stad.example:8080", "http://blogg.example/", "http://proxy.stad.example:8080"},
		{"NO_PROXY applies to config", map[string]string{"NO_PROXY": "blogg.example"}, "http://proxy.stad.example:8080", "http://blogg.example/", ""},
		{"none", nil, "", "https://www.youtube.com/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearProxyEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			cfg := DefaultConfig()
			cfg.Proxy = tt.config
			pc := newProxyChooser(cfg, fakeDNS)
			u, _ := url.Parse(tt.url)
			got, err := pc.choose(u)
			if err != nil {
				t.Fatal(err)
			}
			if gotS := urlString(got); gotS != tt.want {
				t.Errorf("proxy for %s = %q, want %q", tt.url, gotS, tt.want)
			}
		})
	}
}

func urlString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}

func TestConfigRejectsBadProxy(t *testing.T) {
	for _, p := range []string{"ftp://proxy.stad.example", "http://", "http://[::1"} {
		t.Run(p, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Proxy = p
			if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "proxy") {
				t.Errorf("New with proxy %q: %v, want an error naming the proxy", p, err)
			}
		})
	}
}
