package crawl

import (
	"net/http"
	"testing"
	"time"
)

var testNow = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

func TestParseRetryAfter(t *testing.T) {
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Sat, 14 Mar 2026 09:31:30 GMT", 90 * time.Second, true},
		{"Saturday, 14-Mar-26 09:30:10 GMT", 10 * time.Second, true},
		{"Sat, 14 Mar 2026 09:00:00 GMT", 0, true}, // in the past
		{"99999999999999999999", 0, false},
		{"9223372036854775807", time.Duration(1<<63 - 1), true},
		{"-5", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseRetryAfter(tt.in, testNow)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("parseRetryAfter(%q) = %s, %v; want %s, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestRateLimitReset(t *testing.T) {
	tests := []struct {
		name, remaining, reset string
		want                   time.Time
		wantOK                 bool
	}{
		{"mastodon exhausted", "0", "2026-03-14T09:35:00.000Z", testNow.Add(5 * time.Minute), true},
		{"offset time", "0", "2026-03-14T10:31:00+01:00", testNow.Add(time.Minute), true},
		{"unix time", "0", "1773480660", testNow.Add(time.Minute), true},
		{"seconds from now", "0", "30", testNow.Add(30 * time.Second), true},
		{"requests left", "12", "2026-03-14T09:35:00.000Z", time.Time{}, false},
		{"no remaining header", "", "2026-03-14T09:35:00.000Z", time.Time{}, false},
		{"no reset", "0", "", time.Time{}, false},
		{"garbage reset", "0", "next tuesday", time.Time{}, false},
		{"garbage remaining", "none", "30", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.remaining != "" {
				h.Set("X-RateLimit-Remaining", tt.remaining)
			}
			if tt.reset != "" {
				h.Set("X-RateLimit-Reset", tt.reset)
			}
			got, ok := rateLimitReset(h, testNow)
			if !got.Equal(tt.want) || ok != tt.wantOK {
				t.Errorf("rateLimitReset = %s, %v; want %s, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "0", "Sat, 14 Mar 2026 09:31:30 GMT", "-1", "1e9", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseRetryAfter(s, testNow)
		if d < 0 || (!ok && d != 0) {
			t.Errorf("parseRetryAfter(%q) = %s, %v", s, d, ok)
		}
	})
}

func FuzzRateLimitReset(f *testing.F) {
	for _, s := range [][2]string{{"0", "2026-03-14T09:35:00.000Z"}, {"0", "30"}, {"1", "1773480660"}, {"-0", "x"}, {"NaN", "5"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, remaining, reset string) {
		h := http.Header{}
		h.Set("X-RateLimit-Remaining", remaining)
		h.Set("X-RateLimit-Reset", reset)
		got, ok := rateLimitReset(h, testNow)
		if !ok && !got.IsZero() {
			t.Errorf("rateLimitReset(%q, %q) = %s without ok", remaining, reset, got)
		}
	})
}

func TestRateLimitResetOtherPlatformsHeaders(t *testing.T) {
	tests := []struct {
		name, remainingKey, resetKey string
	}{
		{"bluesky", "RateLimit-Remaining", "RateLimit-Reset"},
		{"x", "x-rate-limit-remaining", "x-rate-limit-reset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			h.Set(tt.remainingKey, "0")
			h.Set(tt.resetKey, "1773480660")
			got, ok := rateLimitReset(h, testNow)
			if !ok || !got.Equal(testNow.Add(time.Minute)) {
				t.Errorf("rateLimitReset = %s, %v; want %s", got, ok, testNow.Add(time.Minute))
			}
		})
	}
}
