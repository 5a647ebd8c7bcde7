package fixtureserver

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Style is how a platform tells a client about its rate limit: which
// headers every answer carries, how the window moves and what a refused
// request gets back. Each follows the platform's own documentation and
// recorded answers (see testdata/quarter/README.md).
type Style int

const (
	// Graph is the Graph API's app rate limit: a rolling window, usage
	// in X-App-Usage as percentages of the limit on every answer, and a
	// refusal that is an error code in the body (code 4), not a 429.
	Graph Style = iota
	// X is the X API v2: a fixed window per endpoint that starts with
	// the first request (whole seconds), x-rate-limit-limit, -remaining
	// and -reset (epoch seconds), and 429 Too Many Requests.
	X
	// Mastodon is Mastodon's per-IP limit: X-RateLimit-Limit,
	// -Remaining and -Reset (ISO 8601), and 429.
	Mastodon
	// Bluesky is the Bluesky AppView's per-IP limit: RateLimit-Limit,
	// -Remaining, -Reset (epoch seconds) and -Policy, and 429.
	Bluesky
)

// Limit is one published rate limit, with its window already compressed
// to the benchmark's clock.
type Limit struct {
	Name   string         // what the counts and floors call it, e.g. "x user timelines"
	Host   string         // the host it holds on
	Path   *regexp.Regexp // the paths it holds on; nil: every path of Host
	Max    int            // requests allowed per window
	Window time.Duration
	Style  Style
}

// Limiter enforces Limits in front of a handler and counts what it lets
// through, per limit and per host, so a benchmark can compute the
// shortest time the limits allow for the requests a scan really made.
// A request matches the first Limit whose host and path fit; requests no
// Limit covers pass and are only counted for their host.
type Limiter struct {
	next    http.Handler
	now     func() time.Time
	buckets []*bucket
	mu      sync.Mutex
	hosts   map[string]int // admitted requests per host
}

type bucket struct {
	Limit
	mu       sync.Mutex
	admitted int
	refused  int
	calls    []time.Time // Graph: admitted calls still inside the rolling window
	start    time.Time   // fixed windows: start of the current window
	used     int         // fixed windows: requests admitted in it
}

// NewLimiter puts limits in front of next. now is the clock (time.Now
// outside tests).
func NewLimiter(next http.Handler, now func() time.Time, limits ...Limit) *Limiter {
	l := &Limiter{next: next, now: now, hosts: map[string]int{}}
	for _, lim := range limits {
		l.buckets = append(l.buckets, &bucket{Limit: lim})
	}
	return l
}

// ServeHTTP admits the request or refuses it as its platform would.
func (l *Limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := strings.ToLower(r.Host)
	if hp, _, err := net.SplitHostPort(host); err == nil {
		host = hp
	}
	b := l.match(host, r.URL.Path)
	var headers http.Header
	if b != nil {
		var ok bool
		headers, ok = b.take(l.now())
		if !ok {
			b.refuse(w, r, headers)
			return
		}
	}
	l.mu.Lock()
	l.hosts[host]++
	l.mu.Unlock()
	if headers == nil {
		l.next.ServeHTTP(w, r)
		return
	}
	// The recorded answers carry the usage headers of the day they were
	// recorded: this answer's own must win, so they are set last.
	l.next.ServeHTTP(&lateHeaders{ResponseWriter: w, h: headers}, r)
}

func (l *Limiter) match(host, path string) *bucket {
	for _, b := range l.buckets {
		if b.Host == host && (b.Path == nil || b.Path.MatchString(path)) {
			return b
		}
	}
	return nil
}

// take admits one request at now if the window has room, and returns
// the headers the answer carries either way.
func (b *bucket) take(now time.Time) (http.Header, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.Style == Graph {
		return b.takeRolling(now)
	}
	if b.start.IsZero() || !now.Before(b.start.Add(b.Window)) {
		b.start, b.used = now.Truncate(time.Second), 0
	}
	ok := b.used < b.Max
	if ok {
		b.used++
		b.admitted++
	} else {
		b.refused++
	}
	reset := b.start.Add(b.Window)
	remaining := strconv.Itoa(b.Max - b.used)
	h := http.Header{}
	switch b.Style {
	case X:
		h.Set("x-rate-limit-limit", strconv.Itoa(b.Max))
		h.Set("x-rate-limit-remaining", remaining)
		h.Set("x-rate-limit-reset", strconv.FormatInt(reset.Unix(), 10))
	case Mastodon:
		h.Set("X-RateLimit-Limit", strconv.Itoa(b.Max))
		h.Set("X-RateLimit-Remaining", remaining)
		h.Set("X-RateLimit-Reset", reset.UTC().Format("2006-01-02T15:04:05.000000Z"))
	case Bluesky:
		h.Set("RateLimit-Limit", strconv.Itoa(b.Max))
		h.Set("RateLimit-Remaining", remaining)
		h.Set("RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
		h.Set("RateLimit-Policy", fmt.Sprintf("%d;w=%d", b.Max, int(b.Window.Seconds())))
	}
	return h, ok
}

// takeRolling is Graph's app limit: at most Max calls in any Window.
// Graph reports usage as percentages of the limit; cputime and time are
// not modelled and follow the call count, so a client pacing on the
// highest of the three paces on the calls.
func (b *bucket) takeRolling(now time.Time) (http.Header, bool) {
	keep := b.calls[:0]
	for _, t := range b.calls {
		if now.Sub(t) < b.Window {
			keep = append(keep, t)
		}
	}
	b.calls = keep
	ok := len(b.calls) < b.Max
	if ok {
		b.calls = append(b.calls, now)
		b.admitted++
	} else {
		b.refused++
	}
	pct := int(math.Ceil(100 * float64(len(b.calls)) / float64(b.Max)))
	h := http.Header{}
	h.Set("X-App-Usage", fmt.Sprintf(`{"call_count":%d,"total_cputime":%d,"total_time":%d}`, pct, pct, pct))
	return h, ok
}

// refuse answers as the platform does when its limit is reached.
func (b *bucket) refuse(w http.ResponseWriter, r *http.Request, headers http.Header) {
	for k, v := range headers {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	switch b.Style {
	case Graph:
		// Graph's throttling is an OAuthException with code 4 in the
		// body. The status is 400 for page and post reads, 403 for
		// Instagram's business_discovery, as recorded in
		// scanner/meta/testdata/errors.
		status := http.StatusBadRequest
		if strings.Contains(r.URL.RawQuery, "business_discovery") {
			status = http.StatusForbidden
		}
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		w.Header().Set("facebook-api-version", "v21.0")
		w.Header().Set("x-fb-trace-id", "Bq3vJk1mXh2")
		w.WriteHeader(status)
		fmt.Fprint(w, `{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"AVNf_Xdut9LrmmDAOXPDGv9a"}}`)
	case X:
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`)
	case Mastodon:
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"error":"Too many requests"}`)
	case Bluesky:
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}`)
	}
}

// lateHeaders sets h on the answer just before its status goes out.
type lateHeaders struct {
	http.ResponseWriter
	h    http.Header
	done bool
}

func (w *lateHeaders) WriteHeader(status int) {
	if !w.done {
		w.done = true
		for k, v := range w.h {
			w.ResponseWriter.Header()[k] = v
		}
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *lateHeaders) Write(p []byte) (int, error) {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// Count is what one Limit saw.
type Count struct {
	Limit
	Admitted, Refused int
}

// Counts returns every Limit's counts, in the order given.
func (l *Limiter) Counts() []Count {
	out := make([]Count, 0, len(l.buckets))
	for _, b := range l.buckets {
		b.mu.Lock()
		out = append(out, Count{Limit: b.Limit, Admitted: b.admitted, Refused: b.refused})
		b.mu.Unlock()
	}
	return out
}

// HostCounts returns the requests admitted per host.
func (l *Limiter) HostCounts() map[string]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string]int, len(l.hosts))
	for h, n := range l.hosts {
		out[h] = n
	}
	return out
}

// Bound is one lower bound on a scan's wall time.
type Bound struct {
	Name     string // a Limit's name, or "host " and a host name
	Requests int
	Floor    time.Duration
}

// Bounds returns the lower bounds the admitted requests impose, longest
// first: for a Limit that admitted n requests, floor((n-1)/Max) whole
// windows must pass before the last can start; for a host, each of its
// requests waits hostDelay after the one before (the scan's per-host
// delay). The longest is the floor of the whole scan.
func (l *Limiter) Bounds(hostDelay time.Duration) []Bound {
	var out []Bound
	for _, c := range l.Counts() {
		f := time.Duration(0)
		if c.Admitted > 0 {
			f = time.Duration((c.Admitted-1)/c.Max) * c.Window
		}
		out = append(out, Bound{Name: c.Name, Requests: c.Admitted, Floor: f})
	}
	for h, n := range l.HostCounts() {
		out = append(out, Bound{Name: "host " + h, Requests: n, Floor: time.Duration(n) * hostDelay})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Floor != out[j].Floor {
			return out[i].Floor > out[j].Floor
		}
		return out[i].Name < out[j].Name
	})
	return out
}
