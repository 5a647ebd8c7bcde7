package crawl

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// epochThreshold separates the two forms of a numeric X-RateLimit-Reset:
// values below it are seconds from now, values above a Unix time. No
// rate-limit window lasts 30 years, and no reset lies before 2001.
const epochThreshold = 1_000_000_000

// maxSeconds is the largest number of seconds a time.Duration can hold.
const maxSeconds = math.MaxInt64 / int64(time.Second)

// parseRetryAfter reads a Retry-After header value: either delay-seconds
// or an HTTP-date (RFC 9110 section 10.2.3). A date in the past gives zero.
// ok is false when the value is empty or malformed.
func parseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		return secondsDuration(n), true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// rateLimitHeaders are the header pairs (remaining, reset) platforms use:
// Mastodon's X-RateLimit-*, Bluesky's RateLimit-* and X's x-rate-limit-*.
var rateLimitHeaders = [][2]string{
	{"X-RateLimit-Remaining", "X-RateLimit-Reset"},
	{"RateLimit-Remaining", "RateLimit-Reset"},
	{"X-Rate-Limit-Remaining", "X-Rate-Limit-Reset"},
}

// rateLimitReset reports when the host's rate-limit window resets if the
// response says none are left. Mastodon sends an ISO 8601 reset; numeric
// resets (Unix time, or seconds from now when small), as Bluesky and X
// send them, are accepted too.
func rateLimitReset(h http.Header, now time.Time) (time.Time, bool) {
	for _, names := range rateLimitHeaders {
		rem := strings.TrimSpace(h.Get(names[0]))
		if rem == "" {
			continue
		}
		n, err := strconv.ParseFloat(rem, 64)
		if err != nil || n > 0 || math.IsNaN(n) {
			return time.Time{}, false
		}
		return parseReset(h.Get(names[1]), now)
	}
	return time.Time{}, false
}

// anyReset reads the reset time of whichever platform's rate-limit headers
// a 429 answer carries.
func anyReset(h http.Header, now time.Time) (time.Time, bool) {
	for _, names := range rateLimitHeaders {
		if v := h.Get(names[1]); v != "" {
			return parseReset(v, now)
		}
	}
	return time.Time{}, false
}

// parseReset reads an X-RateLimit-Reset value.
func parseReset(v string, now time.Time) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, true
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false
	}
	if n < epochThreshold {
		return now.Add(secondsDuration(n)), true
	}
	return time.Unix(n, 0), true
}

// secondsDuration converts whole seconds to a Duration without overflow.
func secondsDuration(n int64) time.Duration {
	if n > maxSeconds {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(n) * time.Second
}
