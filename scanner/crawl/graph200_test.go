package crawl

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestGraphThrottlingIn200Retried: Graph's code 4 in an answer with HTTP
// 200 (as a JSONP or batch answer carries it) is the same throttling as
// with 400: waited out and retried for a Graph request, and the page that
// follows is the answer. A request that does not say it speaks Graph gets
// the 200 as it came, and a Graph error that is not throttling is left to
// the adapter, which reads every answer's body for it.
func TestGraphThrottlingIn200Retried(t *testing.T) {
	limit, page := fixture(t, "graph-app-limit.json"), fixture(t, "graph-page.json")
	unknown := []byte(`{"error":{"message":"An unknown error has occurred.","type":"OAuthException","code":1,"fbtrace_id":"A3kPq8mZ1vN_tW0xYbE2cRd"}}`)
	for _, tc := range []struct {
		name     string
		limits   scanner.LimitDialect
		first    []byte
		wantHits int
		wantBody string
	}{
		{"graph, throttled", scanner.LimitsMetaGraph, limit, 2, "Stockholms stad"},
		{"not marked graph", scanner.LimitsCommon, limit, 1, "Application request limit reached"},
		{"graph, another error", scanner.LimitsMetaGraph, unknown, 1, "An unknown error has occurred."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits := &counter{}
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if hits.inc() == 1 {
					graphAnswer(w, 200, tc.first, map[string]string{"X-App-Usage": `{"call_count":100,"total_cputime":31,"total_time":44}`})
					return
				}
				graphAnswer(w, 200, page, map[string]string{"X-App-Usage": `{"call_count":3,"total_cputime":1,"total_time":2}`})
			})
			waits := &waitRecorder{}
			c := newTestClient(t, func(cfg *Config) { cfg.OnWait = waits.onWait; cfg.GraphWindow = time.Hour })
			sleeper := useFakeSleep(c)
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/v21.0/stockholmsstad", Limits: tc.limits})
			if err != nil || !strings.Contains(string(resp.Body), tc.wantBody) {
				t.Fatalf("Fetch = %v; want the answer with %q", err, tc.wantBody)
			}
			if hits.get() != tc.wantHits {
				t.Errorf("%d requests, want %d", hits.get(), tc.wantHits)
			}
			slept := sleeper.recorded()
			if tc.wantHits == 1 {
				if len(slept) != 0 {
					t.Errorf("waited %v, want no wait", slept)
				}
				return
			}
			if want := time.Hour + time.Hour/720; len(slept) != 1 || !near(slept[0], want) {
				t.Errorf("waits = %v, want one of about %s (the call ages out of the window)", slept, want)
			}
			if calls := waits.recorded(); len(calls) != 1 || !strings.Contains(calls[0].reason, "Graph error 4") {
				t.Errorf("OnWait calls = %+v, want one naming Graph error 4", calls)
			}
		})
	}
}

// TestGraphThrottlingIn200PastDeadline: when the wait would pass the
// scan's deadline the answer is a rate-limit failure with the 200 answer
// beside it, so the adapter can quote Graph's words.
func TestGraphThrottlingIn200PastDeadline(t *testing.T) {
	limit := fixture(t, "graph-app-limit.json")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		graphAnswer(w, 200, limit, map[string]string{"X-App-Usage": `{"call_count":100,"total_cputime":31,"total_time":44}`})
	})
	c := newTestClient(t, func(cfg *Config) { cfg.GraphWindow = time.Hour; cfg.Deadline = time.Minute })
	useFakeSleep(c)
	resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/v21.0/stockholmsstad", Limits: scanner.LimitsMetaGraph})
	wantKind(t, err, scanner.ErrRateLimited)
	if resp == nil || resp.StatusCode != 200 || !strings.Contains(string(resp.Body), `"code": 4`) {
		t.Errorf("response = %+v, want the 200 answer with Graph's error", resp)
	}
}

func TestErrorEnvelope(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{`{"error":{"code":4}}`, true},
		{" \n{ \"error\": {\"code\": 4}}", true},
		{`{"data":[],"error":{"code":4}}`, false},
		{`{"errors":[]}`, false},
		{`[{"error":1}]`, false},
		{``, false},
	} {
		if got := errorEnvelope([]byte(tc.body)); got != tc.want {
			t.Errorf("errorEnvelope(%q) = %v, want %v", tc.body, got, tc.want)
		}
	}
}
