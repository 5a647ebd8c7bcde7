package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// X's endpoints as the xapi adapter names them.
const (
	xLookup   = "GET /2/users/by/username/:username"
	xTimeline = "GET /2/users/:id/tweets"
)

// fixture reads a body from testdata/ratelimit.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "ratelimit", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// xLimited writes X's 429 for a window of 900 that resets at reset.
func xLimited(w http.ResponseWriter, body []byte, reset time.Time) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("x-rate-limit-limit", "900")
	w.Header().Set("x-rate-limit-remaining", "0")
	w.Header().Set("x-rate-limit-reset", strconv.FormatInt(reset.Unix(), 10))
	w.WriteHeader(http.StatusTooManyRequests)
	w.Write(body)
}

// xOK writes an X answer with requests left in the window.
func xOK(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("x-rate-limit-limit", "900")
	w.Header().Set("x-rate-limit-remaining", "899")
	w.Header().Set("x-rate-limit-reset", strconv.FormatInt(time.Now().Add(15*time.Minute).Unix(), 10))
	w.Write(body)
}

// gatedSleeper is a fakeSleeper whose waits of a second or more block
// until open is closed, so a test can act while a request waits.
type gatedSleeper struct {
	*fakeSleeper
	open    chan struct{}
	waiting chan time.Duration // receives each gated wait as it begins
}

func useGatedSleep(c *Client) *gatedSleeper {
	g := &gatedSleeper{fakeSleeper: useFakeSleep(c), open: make(chan struct{}), waiting: make(chan time.Duration, 8)}
	clk := clock{now: g.now, sleep: g.sleep}
	c.clock, c.limits.clock = clk, clk
	return g
}

func (g *gatedSleeper) sleep(ctx context.Context, d time.Duration) error {
	if d >= time.Second {
		g.waiting <- d
		select {
		case <-g.open:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return g.fakeSleeper.sleep(ctx, d)
}

// TestXTimelineLimitDoesNotHoldLookups: X counts user timelines and user
// lookups apart, so while a timeline request waits 15 minutes for its
// reset, a lookup to the same host goes at once, even with one slot per
// host; then the timeline request gets its answer.
func TestXTimelineLimitDoesNotHoldLookups(t *testing.T) {
	tooMany, user, tweets := fixture(t, "x-too-many.json"), fixture(t, "x-user.json"), fixture(t, "x-tweets.json")
	timelineHits := &counter{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/2/users/by/username/"):
			xOK(w, user)
		case timelineHits.inc() == 1:
			xLimited(w, tooMany, time.Now().Add(15*time.Minute))
		default:
			xOK(w, tweets)
		}
	})
	waits := &waitRecorder{}
	c := newTestClient(t, func(cfg *Config) { cfg.PerHostConcurrency = 1; cfg.OnWait = waits.onWait })
	sleeper := useGatedSleep(c)
	type outcome struct {
		resp *scanner.Response
		err  error
	}
	done := make(chan outcome, 1)
	go func() {
		resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/2/users/1043872211098734592/tweets", Endpoint: xTimeline})
		done <- outcome{resp, err}
	}()
	var d time.Duration
	select {
	case d = <-sleeper.waiting:
	case <-time.After(10 * time.Second):
		t.Fatal("the timeline request never began to wait for its reset")
	}
	if !near(d, 15*time.Minute) {
		t.Errorf("timeline waits %s, want about 15m (its reset)", d)
	}
	lookup := make(chan error, 1)
	go func() {
		_, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/2/users/by/username/sthlm_trafik", Endpoint: xLookup})
		lookup <- err
	}()
	select {
	case err := <-lookup:
		if err != nil {
			t.Fatalf("lookup: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the lookup waited for the timeline's rate limit")
	}
	close(sleeper.open)
	got := <-done
	if got.err != nil || !strings.Contains(string(got.resp.Body), "2104839846100086784") {
		t.Fatalf("timeline after the reset = %v; want its answer", got.err)
	}
	if timelineHits.get() != 2 {
		t.Errorf("timeline requested %d times, want 2", timelineHits.get())
	}
	calls := waits.recorded()
	if len(calls) != 1 || !strings.Contains(calls[0].reason, "rate limit reset") || !strings.Contains(calls[0].reason, xTimeline) {
		t.Errorf("OnWait calls = %+v, want one naming the rate limit reset of %s", calls, xTimeline)
	}
}

// TestRateLimitBeyondDeadlineFailsAtOnce: a reset after the deadline is
// not slept towards; the request fails with ErrRateLimited saying where
// and until when, whether the limit came as a 429 or was announced by
// X-RateLimit-Remaining: 0 on an earlier answer.
func TestRateLimitBeyondDeadlineFailsAtOnce(t *testing.T) {
	tooMany, tweets := fixture(t, "x-too-many.json"), fixture(t, "x-tweets.json")
	for _, tc := range []struct {
		name     string
		announce bool // the first answer is a 200 with none left
		wantHits int
	}{
		{"429", false, 1},
		{"none left on an earlier answer", true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits := &counter{}
			reset := time.Now().Add(15 * time.Minute)
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				hits.inc()
				if tc.announce {
					w.Header().Set("x-rate-limit-remaining", "0")
					w.Header().Set("x-rate-limit-reset", strconv.FormatInt(reset.Unix(), 10))
					w.Write(tweets)
					return
				}
				xLimited(w, tooMany, reset)
			})
			c := newTestClient(t, func(cfg *Config) { cfg.Deadline = 10 * time.Minute })
			sleeper := useFakeSleep(c)
			req := scanner.Request{URL: srv.URL + "/2/users/1/tweets", Endpoint: xTimeline}
			if tc.announce {
				if _, err := c.Fetch(context.Background(), req); err != nil {
					t.Fatalf("first request: %v", err)
				}
			}
			_, err := c.Fetch(context.Background(), req)
			fe := wantKind(t, err, scanner.ErrRateLimited)
			u, _ := url.Parse(srv.URL)
			for _, want := range []string{"rate limit, not reached before the deadline", u.Host + " " + xTimeline, reset.UTC().Format("2006-01-02 15:04:05 UTC")} {
				if !strings.Contains(fe.Detail, want) {
					t.Errorf("detail %q lacks %q", fe.Detail, want)
				}
			}
			if !strings.HasPrefix(fe.Detail, "rate limit, not reached before the deadline") {
				t.Errorf("detail %q does not start with the reason", fe.Detail)
			}
			if hits.get() != tc.wantHits || len(sleeper.recorded()) != 0 {
				t.Errorf("hits = %d, waits = %v; want %d and no wait", hits.get(), sleeper.recorded(), tc.wantHits)
			}
		})
	}
}

// TestRateLimitForeverEndsAfterCap: rate-limit retries do not use up
// max-retries, but a server answering 429 for good is given up after
// maxLimitedRetries waits.
func TestRateLimitForeverEndsAfterCap(t *testing.T) {
	tooMany := fixture(t, "x-too-many.json")
	hits := &counter{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		w.Header().Set("Retry-After", "60")
		xLimited(w, tooMany, time.Now().Add(time.Minute))
	})
	c := newTestClient(t, func(cfg *Config) { cfg.MaxRetries = 3 })
	sleeper := useFakeSleep(c)
	_, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/2/users/1/tweets", Endpoint: xTimeline})
	fe := wantKind(t, err, scanner.ErrHTTPStatus)
	if fe.StatusCode != 429 || !strings.Contains(fe.Detail, "still rate-limited") {
		t.Errorf("error = %v, want HTTP 429 saying it stayed rate-limited", fe)
	}
	if got := hits.get(); got != maxLimitedRetries+1 {
		t.Errorf("%d requests, want %d (one plus the cap)", got, maxLimitedRetries+1)
	}
	if got := len(sleeper.recorded()); got != maxLimitedRetries {
		t.Errorf("%d waits, want %d", got, maxLimitedRetries)
	}
}

// graphAnswer writes a Graph answer with the usage headers given.
func graphAnswer(w http.ResponseWriter, status int, body []byte, usage map[string]string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.Header().Set("facebook-api-version", "v21.0")
	for k, v := range usage {
		w.Header().Set(k, v)
	}
	w.WriteHeader(status)
	w.Write(body)
}

// TestGraphThrottlingRetriedAfterWindow: Graph's code 4 comes in the body
// of an HTTP 400. For a Graph request it is waited out (until the own
// call ages out of the window) and retried; for a request that does not
// say it speaks Graph, the same answer is a plain HTTP 400: the crawl
// layer never guesses the platform from the host.
func TestGraphThrottlingRetriedAfterWindow(t *testing.T) {
	limit, page := fixture(t, "graph-app-limit.json"), fixture(t, "graph-page.json")
	for _, tc := range []struct {
		name     string
		limits   scanner.LimitDialect
		wantHits int
	}{
		{"graph", scanner.LimitsMetaGraph, 2},
		{"not marked graph", scanner.LimitsCommon, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits := &counter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if hits.inc() == 1 {
					graphAnswer(w, 400, limit, map[string]string{"X-App-Usage": `{"call_count":100,"total_cputime":31,"total_time":44}`})
					return
				}
				graphAnswer(w, 200, page, map[string]string{"X-App-Usage": `{"call_count":3,"total_cputime":1,"total_time":2}`})
			})
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) { cfg.OnWait = waits.onWait; cfg.GraphWindow = time.Hour })
			sleeper := useFakeSleep(c)
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/v21.0/stockholmsstad", Limits: tc.limits})
			if hits.get() != tc.wantHits {
				t.Errorf("%d requests, want %d", hits.get(), tc.wantHits)
			}
			if tc.limits != scanner.LimitsMetaGraph {
				if fe := wantKind(t, err, scanner.ErrHTTPStatus); fe.StatusCode != 400 {
					t.Errorf("status = %d, want 400", fe.StatusCode)
				}
				return
			}
			if err != nil || !strings.Contains(string(resp.Body), "Stockholms stad") {
				t.Fatalf("Fetch = %v; want the page after the wait", err)
			}
			slept := sleeper.recorded()
			want := time.Hour + time.Hour/720
			if len(slept) != 1 || !near(slept[0], want) {
				t.Errorf("waits = %v, want one of about %s (the call ages out of the window)", slept, want)
			}
			calls := waits.recorded()
			if len(calls) != 1 || !strings.Contains(calls[0].reason, "Meta Graph usage 100 %") || !strings.Contains(calls[0].reason, "Graph error 4") {
				t.Errorf("OnWait calls = %+v, want one naming Graph's usage and error 4", calls)
			}
		})
	}
}

// TestGraphUsagePacesBeforeThrottling: after ten calls Graph reports 96 %
// of a business use case's limit. The eleventh would pass 95 %, so it
// waits until two calls leave the window, with no throttling answer ever
// sent; estimated_time_to_regain_access holds calls for its minutes even
// when the percentages leave room.
func TestGraphUsagePacesBeforeThrottling(t *testing.T) {
	page := fixture(t, "graph-page.json")
	for _, tc := range []struct {
		name     string
		buc      string
		wantWait time.Duration
		reason   string
	}{
		{"usage 96 %", `{"104392817650777":[{"type":"pages","call_count":96,"total_cputime":40,"total_time":52,"estimated_time_to_regain_access":0}]}`,
			time.Hour + time.Hour/720, "Meta Graph usage 96 %: pacing"},
		{"regain in 17 minutes", `{"104392817650777":[{"type":"pages","call_count":50,"total_cputime":40,"total_time":52,"estimated_time_to_regain_access":17}]}`,
			17 * time.Minute, "estimated_time_to_regain_access"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits := &counter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				usage := map[string]string{"X-App-Usage": fmt.Sprintf(`{"call_count":%d,"total_cputime":1,"total_time":2}`, 3*hits.inc())}
				if hits.get() == 10 {
					usage["X-Business-Use-Case-Usage"] = tc.buc
				}
				graphAnswer(w, 200, page, usage)
			})
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) { cfg.OnWait = waits.onWait; cfg.GraphWindow = time.Hour })
			sleeper := useFakeSleep(c)
			for i := range 11 {
				if _, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/v21.0/stockholmsstad", Limits: scanner.LimitsMetaGraph}); err != nil {
					t.Fatalf("call %d: %v", i+1, err)
				}
				if i == 9 && len(sleeper.recorded()) != 0 {
					t.Fatalf("waited %v before the usage called for it", sleeper.recorded())
				}
			}
			slept := sleeper.recorded()
			if len(slept) != 1 || !near(slept[0], tc.wantWait) {
				t.Errorf("waits = %v, want one of about %s before the 11th call", slept, tc.wantWait)
			}
			calls := waits.recorded()
			if len(calls) != 1 || !strings.Contains(calls[0].reason, tc.reason) {
				t.Errorf("OnWait calls = %+v, want one saying %q", calls, tc.reason)
			}
		})
	}
}

func TestParseGraphUsage(t *testing.T) {
	for _, tc := range []struct {
		name       string
		header     http.Header
		wantPct    float64
		wantRegain time.Duration
		wantSeen   bool
	}{
		{"app usage", http.Header{"X-App-Usage": {`{"call_count":28,"total_time":25,"total_cputime":31}`}}, 31, 0, true},
		{"business use case, highest wins", http.Header{
			"X-App-Usage":               {`{"call_count":2,"total_cputime":1,"total_time":1}`},
			"X-Business-Use-Case-Usage": {`{"104392817650777":[{"type":"pages","call_count":100,"total_cputime":12,"total_time":20,"estimated_time_to_regain_access":17}]}`},
		}, 100, 17 * time.Minute, true},
		{"not JSON", http.Header{"X-App-Usage": {"call_count=99"}}, 0, 0, false},
		{"absent", http.Header{}, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := parseGraphUsage(tc.header)
			if u.pct != tc.wantPct || u.regain != tc.wantRegain || u.seen != tc.wantSeen {
				t.Errorf("parseGraphUsage = %+v, want pct %v, regain %s, seen %v", u, tc.wantPct, tc.wantRegain, tc.wantSeen)
			}
		})
	}
}
