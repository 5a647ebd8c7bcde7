package fixtureserver

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// recorded answers like a fixture: with the usage headers of the day it
// was recorded, which the limiter's own must replace.
var recorded = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-App-Usage", `{"call_count":2,"total_cputime":1,"total_time":1}`)
	w.Header().Set("x-rate-limit-remaining", "899")
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"ok":true}`))
})

func TestLimiterCountsRefusesAndResets(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 12, 3, 12, 0, 0, 300e6, time.UTC)}
	l := NewLimiter(recorded, clock.now,
		Limit{Name: "graph", Host: "graph.facebook.com", Max: 2, Window: time.Minute, Style: Graph},
		Limit{Name: "x user timelines", Host: "api.x.com", Path: regexp.MustCompile(`^/2/users/\d+/tweets$`), Max: 2, Window: 15 * time.Second, Style: X},
		Limit{Name: "x user lookup", Host: "api.x.com", Path: regexp.MustCompile(`^/2/users/by/username/`), Max: 5, Window: 15 * time.Second, Style: X},
		Limit{Name: "mastodon", Host: "mastodon.example", Max: 1, Window: 5 * time.Second, Style: Mastodon},
		Limit{Name: "bluesky", Host: "public.api.bsky.app", Max: 1, Window: 5 * time.Second, Style: Bluesky},
	)
	type want struct {
		status  int
		headers map[string]string
		body    string // empty: the recorded answer
	}
	code4 := `{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"AVNf_Xdut9LrmmDAOXPDGv9a"}}`
	x429 := `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`
	steps := []struct {
		name    string
		advance time.Duration
		url     string
		want    want
	}{
		{"graph first call", 0, "https://graph.facebook.com/v21.0/sida", want{200, map[string]string{"X-App-Usage": `{"call_count":50,"total_cputime":50,"total_time":50}`}, ""}},
		{"graph second call", 10 * time.Second, "https://graph.facebook.com/v21.0/1/posts", want{200, map[string]string{"X-App-Usage": `{"call_count":100,"total_cputime":100,"total_time":100}`}, ""}},
		{"graph over the limit: code 4", time.Second, "https://graph.facebook.com/v21.0/sida", want{400, map[string]string{"X-App-Usage": `{"call_count":100,"total_cputime":100,"total_time":100}`}, code4}},
		{"instagram over the limit: 403", 0, "https://graph.facebook.com/v21.0/178?fields=business_discovery.username(x)", want{403, nil, code4}},
		{"x timeline 1", 0, "https://api.x.com/2/users/12/tweets", want{200, map[string]string{"x-rate-limit-limit": "2", "x-rate-limit-remaining": "1", "x-rate-limit-reset": "1796299226"}, ""}},
		{"x timeline 2", time.Second, "https://api.x.com/2/users/13/tweets", want{200, map[string]string{"x-rate-limit-remaining": "0"}, ""}},
		{"x timeline over the limit", 0, "https://api.x.com/2/users/14/tweets", want{429, map[string]string{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1796299226"}, x429}},
		{"x lookup has its own window", 0, "https://api.x.com/2/users/by/username/svoa", want{200, map[string]string{"x-rate-limit-limit": "5", "x-rate-limit-remaining": "4"}, ""}},
		{"mastodon first", 0, "https://mastodon.example/api/v1/accounts/lookup?acct=a", want{200, map[string]string{"X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-12-03T12:00:17.000000Z"}, ""}},
		{"mastodon over the limit", 0, "https://mastodon.example/api/v1/accounts/lookup?acct=b", want{429, nil, `{"error":"Too many requests"}`}},
		{"bluesky first", 0, "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=a", want{200, map[string]string{"RateLimit-Limit": "1", "RateLimit-Remaining": "0", "RateLimit-Policy": "1;w=5"}, ""}},
		{"bluesky over the limit", 0, "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=b", want{429, nil, `{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}`}},
		{"unlimited host passes", 0, "https://blog.example/", want{200, nil, ""}},
		{"x window resets", 15 * time.Second, "https://api.x.com/2/users/14/tweets", want{200, map[string]string{"x-rate-limit-remaining": "1", "x-rate-limit-reset": "1796299242"}, ""}},
		{"graph still full inside the rolling hour", 20 * time.Second, "https://graph.facebook.com/v21.0/sida", want{400, nil, code4}},
		{"graph first call rolled out", 15 * time.Second, "https://graph.facebook.com/v21.0/sida", want{200, map[string]string{"X-App-Usage": `{"call_count":100,"total_cputime":100,"total_time":100}`}, ""}},
	}
	for _, s := range steps {
		clock.t = clock.t.Add(s.advance)
		rec := httptest.NewRecorder()
		l.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, s.url, nil))
		if rec.Code != s.want.status {
			t.Errorf("%s: status %d, want %d", s.name, rec.Code, s.want.status)
		}
		for k, v := range s.want.headers {
			if got := rec.Header().Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", s.name, k, got, v)
			}
		}
		body := s.want.body
		if body == "" {
			body = `{"ok":true}`
		}
		if rec.Body.String() != body {
			t.Errorf("%s: body %s, want %s", s.name, rec.Body, body)
		}
		if rec.Code != 200 && !json.Valid(rec.Body.Bytes()) {
			t.Errorf("%s: refusal is not JSON: %s", s.name, rec.Body)
		}
	}

	got := map[string][2]int{}
	for _, c := range l.Counts() {
		got[c.Name] = [2]int{c.Admitted, c.Refused}
	}
	wantCounts := map[string][2]int{"graph": {3, 3}, "x user timelines": {3, 1}, "x user lookup": {1, 0}, "mastodon": {1, 1}, "bluesky": {1, 1}}
	if d := cmp.Diff(wantCounts, got); d != "" {
		t.Errorf("counts (-want +got):\n%s", d)
	}
	wantHosts := map[string]int{"graph.facebook.com": 3, "api.x.com": 4, "mastodon.example": 1, "public.api.bsky.app": 1, "blog.example": 1}
	if d := cmp.Diff(wantHosts, l.HostCounts()); d != "" {
		t.Errorf("host counts (-want +got):\n%s", d)
	}
}

func TestLimiterBounds(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)}
	l := NewLimiter(recorded, clock.now,
		Limit{Name: "graph", Host: "graph.example", Max: 2, Window: time.Minute, Style: Graph},
		Limit{Name: "x", Host: "x.example", Max: 10, Window: 15 * time.Second, Style: X},
	)
	get := func(url string, n int) {
		for i := 0; i < n; i++ {
			l.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, url, nil))
			clock.t = clock.t.Add(time.Minute) // every call lands in a fresh window
		}
	}
	get("https://graph.example/a", 5) // floor((5-1)/2) = 2 windows
	get("https://x.example/a", 10)    // 10 fit in one window: no wait
	get("https://blog.example/", 200) // 200 × 100 ms
	want := []Bound{
		{Name: "graph", Requests: 5, Floor: 2 * time.Minute},
		{Name: "host blog.example", Requests: 200, Floor: 20 * time.Second},
		{Name: "host x.example", Requests: 10, Floor: time.Second},
		{Name: "host graph.example", Requests: 5, Floor: 500 * time.Millisecond},
		{Name: "x", Requests: 10, Floor: 0},
	}
	if d := cmp.Diff(want, l.Bounds(100*time.Millisecond)); d != "" {
		t.Errorf("bounds (-want +got):\n%s", d)
	}
}
