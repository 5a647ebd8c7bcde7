// Package fixtureserver imitates the platforms on loopback for the demo,
// the tests and the benchmark. It serves recorded responses from a file
// tree, one folder per host name, so that registry links keep their real
// host names and the scan's output does not depend on a random port.
//
// Layout of the tree:
//
//	<host>/routes.json   the routes of that host, in order
//	<host>/<file>        bodies the routes name
//
// A request is matched by host (the Host header, port removed), path and
// the query parameters a route lists. A route's responses are served in
// turn, the last one repeating, so a route can answer 429 once and then
// 200.
package fixtureserver

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"sort"
	"strings"
	"sync"
	"time"
)

// Route is one recorded endpoint of a host.
type Route struct {
	Path      string            `json:"path"`
	Query     map[string]string `json:"query,omitempty"` // parameters that must match
	Responses []Response        `json:"responses"`
}

// Response is one recorded answer.
type Response struct {
	Status  int               `json:"status,omitempty"` // 200 when zero
	Headers map[string]string `json:"headers,omitempty"`
	File    string            `json:"file,omitempty"` // body file, relative to the host folder
	Body    string            `json:"body,omitempty"` // inline body, when File is empty
}

type route struct {
	Route
	mu   sync.Mutex
	next int
}

// Handler serves a fixture tree.
type Handler struct {
	fsys   fs.FS
	routes map[string][]*route // by host
	// latency is how long every answer is held back, imitating the round
	// trip to a real server; zero for tests and the demo.
	latency time.Duration
}

// Option changes how a Handler answers.
type Option func(*Handler)

// WithLatency holds every answer back by d, as a distant server would.
func WithLatency(d time.Duration) Option {
	return func(h *Handler) { h.latency = d }
}

// NewHandler reads every <host>/routes.json in fsys.
func NewHandler(fsys fs.FS, opts ...Option) (*Handler, error) {
	h := &Handler{fsys: fsys, routes: map[string][]*route{}}
	for _, o := range opts {
		o(h)
	}
	files, err := fs.Glob(fsys, "*/routes.json")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("fixtureserver: no */routes.json in the fixture tree")
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var rs []Route
		if err := json.Unmarshal(data, &rs); err != nil {
			return nil, fmt.Errorf("fixtureserver: %s: %w", f, err)
		}
		host := path.Dir(f)
		for i := range rs {
			if len(rs[i].Responses) == 0 {
				return nil, fmt.Errorf("fixtureserver: %s: route %q has no responses", f, rs[i].Path)
			}
			for _, resp := range rs[i].Responses {
				if resp.File == "" {
					continue
				}
				if _, err := fs.Stat(fsys, path.Join(host, resp.File)); err != nil {
					return nil, fmt.Errorf("fixtureserver: %s: route %q: %w", f, rs[i].Path, err)
				}
			}
			h.routes[host] = append(h.routes[host], &route{Route: rs[i]})
		}
	}
	return h, nil
}

// Hosts lists the host names the tree serves, sorted.
func (h *Handler) Hosts() []string {
	hosts := make([]string, 0, len(h.routes))
	for host := range h.routes {
		hosts = append(hosts, host)
	}
	sort.Strings(hosts)
	return hosts
}

// ServeHTTP answers from the fixture tree; an unknown route is a 404.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := strings.ToLower(r.Host)
	if hp, _, err := net.SplitHostPort(host); err == nil {
		host = hp
	}
	if h.latency > 0 {
		select {
		case <-time.After(h.latency):
		case <-r.Context().Done():
			return
		}
	}
	rt := h.match(host, r)
	if rt == nil {
		http.NotFound(w, r)
		return
	}
	resp := rt.take()
	body := []byte(resp.Body)
	if resp.File != "" {
		var err error
		body, err = fs.ReadFile(h.fsys, path.Join(host, resp.File))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	keys := make([]string, 0, len(resp.Headers))
	for k := range resp.Headers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.Header().Set(k, resp.Headers[k])
	}
	status := resp.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (h *Handler) match(host string, r *http.Request) *route {
	q := r.URL.Query()
	for _, rt := range h.routes[host] {
		if rt.Path != r.URL.Path {
			continue
		}
		ok := true
		for k, v := range rt.Query {
			if q.Get(k) != v {
				ok = false
				break
			}
		}
		if ok {
			return rt
		}
	}
	return nil
}

// take returns the route's next response; the last one repeats.
func (rt *route) take() Response {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	resp := rt.Responses[rt.next]
	if rt.next < len(rt.Responses)-1 {
		rt.next++
	}
	return resp
}

// Server is a running fixture server on loopback.
type Server struct {
	*httptest.Server
	Handler *Handler
}

// Start serves fsys on a loopback port until Close.
func Start(fsys fs.FS, opts ...Option) (*Server, error) {
	h, err := NewHandler(fsys, opts...)
	if err != nil {
		return nil, err
	}
	return &Server{Server: httptest.NewServer(h), Handler: h}, nil
}

// Transport returns a RoundTripper that sends every request, whatever its
// host and scheme, to the fixture server, keeping the original host in
// the Host header. Responses carry the original request, so redirects and
// relative links resolve against the registry's real URLs.
func (s *Server) Transport() http.RoundTripper {
	return &rewrite{addr: s.Listener.Addr().String(), base: s.Client().Transport}
}

type rewrite struct {
	addr string
	base http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	c := r.Clone(r.Context())
	c.URL.Scheme = "http"
	c.URL.Host = t.addr
	c.Host = r.URL.Host
	resp, err := t.base.RoundTrip(c)
	if resp != nil {
		resp.Request = r
	}
	return resp, err
}
