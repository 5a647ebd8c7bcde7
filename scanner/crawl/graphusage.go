package crawl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// graphUsage is what one Graph answer says about the token's use of its
// rate limits.
type graphUsage struct {
	// pct is the highest of the percentages Graph reports (calls, CPU
	// time, total time; app, page or business use case): whichever
	// reaches 100 first throttles.
	pct float64
	// regain is the longest estimated_time_to_regain_access, zero when
	// access is not withheld.
	regain time.Duration
	// seen says at least one usage header could be read.
	seen bool
}

// appUsage is the value of X-App-Usage (and X-Page-Usage, which has the
// same shape): percentages of the app's, or the page's, hourly limits,
// e.g. {"call_count":28,"total_time":25,"total_cputime":25}.
type appUsage struct {
	CallCount    float64 `json:"call_count"`
	TotalTime    float64 `json:"total_time"`
	TotalCPUTime float64 `json:"total_cputime"`
	// Regain is in minutes; X-Page-Usage may carry it.
	Regain float64 `json:"estimated_time_to_regain_access"`
}

// bucUsage is one entry of X-Business-Use-Case-Usage, whose value maps a
// business object's id to a list of these, e.g.
// {"1234":[{"type":"pages","call_count":28,"total_cputime":25,
// "total_time":25,"estimated_time_to_regain_access":0}]}.
type bucUsage struct {
	Type string `json:"type"`
	appUsage
}

// parseGraphUsage reads Graph's usage headers. A header that is not the
// JSON Graph documents is ignored, as if it were absent: pacing is a
// courtesy, and a throttling answer still stops us.
func parseGraphUsage(h http.Header) graphUsage {
	var u graphUsage
	note := func(a appUsage) {
		u.seen = true
		for _, v := range []float64{a.CallCount, a.TotalTime, a.TotalCPUTime} {
			if !math.IsNaN(v) && v > u.pct {
				u.pct = v
			}
		}
		if a.Regain > 0 && !math.IsInf(a.Regain, 0) {
			// Minutes, capped at a day so a wild value cannot overflow.
			d := time.Duration(min(a.Regain, 24*60) * float64(time.Minute))
			u.regain = max(u.regain, d)
		}
	}
	for _, name := range []string{"X-App-Usage", "X-Page-Usage"} {
		if v := strings.TrimSpace(h.Get(name)); v != "" {
			var a appUsage
			if json.Unmarshal([]byte(v), &a) == nil {
				note(a)
			}
		}
	}
	if v := strings.TrimSpace(h.Get("X-Business-Use-Case-Usage")); v != "" {
		var m map[string][]bucUsage
		if json.Unmarshal([]byte(v), &m) == nil {
			for _, list := range m {
				for _, b := range list {
					note(b.appUsage)
				}
			}
		}
	}
	return u
}

// graphThrottleCode returns the Graph error code of a throttling answer:
// {"error":{"code":4,...}} for the app's limit, 17 a user's, 32 a page's,
// 613 a call type's, 80001-80014 a business use case's. Graph sends these
// with HTTP 400, 403 or 429 (or, see throttledOK, in a 2xx answer), and
// they are the only sign of the limit.
func graphThrottleCode(body []byte) (int, bool) {
	var eb struct {
		Error *struct {
			Code int `json:"code"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &eb) != nil || eb.Error == nil {
		return 0, false
	}
	switch c := eb.Error.Code; {
	case c == 4, c == 17, c == 32, c == 613, c >= 80001 && c <= 80014:
		return c, true
	}
	return 0, false
}

// throttledOK turns a Graph answer with a 2xx status whose body is a
// throttling error into the failure it is, so that it is waited out and
// retried like one sent with 400 or 403. Graph answers a plain GET's
// throttling with those statuses, but a JSONP or batch answer carries its
// error with 200, and Meta's SDKs judge by the body, not the status. Only
// a body that begins as Graph's error envelope is decoded, so a page of
// data costs nothing more.
func throttledOK(req scanner.Request, resp *scanner.Response, fe *scanner.FetchError) *scanner.FetchError {
	if fe != nil || resp == nil || req.Limits != scanner.LimitsMetaGraph || !errorEnvelope(resp.Body) {
		return fe
	}
	code, ok := graphThrottleCode(resp.Body)
	if !ok {
		return nil
	}
	return &scanner.FetchError{
		Kind:       scanner.ErrHTTPStatus,
		URL:        resp.URL,
		StatusCode: resp.StatusCode,
		Detail:     fmt.Sprintf("Graph throttling (error %d) in an HTTP %d answer", code, resp.StatusCode),
	}
}

// errorEnvelope reports whether body begins as {"error": ...}, JSON white
// space allowed.
func errorEnvelope(body []byte) bool {
	rest, ok := bytes.CutPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("{"))
	return ok && bytes.HasPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte(`"error"`))
}
