package rules

import (
	"testing"
	"time"
)

func TestParseAsOf(t *testing.T) {
	got, err := ParseAsOf("2026-09-28")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 9, 28, 0, 0, 0, 0, Stockholm)
	if !got.Equal(want) || got.Location().String() != "Europe/Stockholm" {
		t.Errorf("ParseAsOf = %v, want %v", got, want)
	}
	if _, off := got.Zone(); off != 2*3600 {
		t.Errorf("offset %d, want CEST +7200", off)
	}
	for _, bad := range []string{"", "2026-9-28", "28/09/2026", "2026-02-30", "idag"} {
		t.Run(bad, func(t *testing.T) {
			if _, err := ParseAsOf(bad); err == nil {
				t.Errorf("ParseAsOf(%q) succeeded", bad)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	tests := []struct {
		name      string
		asOf      string
		days      int
		wantStart string // RFC 3339
		wantEnd   string
		wantLen   time.Duration
	}{
		{"summer", "2026-09-28", 91, "2026-06-30T00:00:00+02:00", "2026-09-29T00:00:00+02:00", 91 * 24 * time.Hour},
		{"spring forward inside", "2026-04-05", 14, "2026-03-23T00:00:00+01:00", "2026-04-06T00:00:00+02:00", 14*24*time.Hour - time.Hour},
		{"spring forward day", "2026-03-29", 1, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 23 * time.Hour},
		{"fall back day", "2026-10-25", 1, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 25 * time.Hour},
		{"zero days", "2026-09-28", 0, "2026-09-29T00:00:00+02:00", "2026-09-29T00:00:00+02:00", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := Window(mustAsOf(t, tt.asOf), tt.days)
			if got := start.Format(time.RFC3339); got != tt.wantStart {
				t.Errorf("start %s, want %s", got, tt.wantStart)
			}
			if got := end.Format(time.RFC3339); got != tt.wantEnd {
				t.Errorf("end %s, want %s", got, tt.wantEnd)
			}
			if got := end.Sub(start); got != tt.wantLen {
				t.Errorf("length %v, want %v", got, tt.wantLen)
			}
		})
	}
}

func TestWindowIgnoresClockAndZoneOfAsOf(t *testing.T) {
	// 23:30 UTC on 28 September is already 29 September in Stockholm.
	start, end := Window(time.Date(2026, 9, 28, 23, 30, 0, 0, time.UTC), 1)
	if got := dateOf(start) + "/" + dateOf(end); got != "2026-09-29/2026-09-30" {
		t.Errorf("window %s, want 2026-09-29/2026-09-30", got)
	}
}

func TestDaysBetween(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2026-09-28 23:59", "2026-09-28 00:00", 0},
		{"2026-03-28 12:00", "2026-03-30 00:00", 2},
		{"2026-06-29 23:59", "2026-09-28 00:00", 91},
	}
	for _, tt := range tests {
		t.Run(tt.a+"→"+tt.b, func(t *testing.T) {
			if got := daysBetween(at(t, tt.a), at(t, tt.b)); got != tt.want {
				t.Errorf("daysBetween = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestEarliestNeeded(t *testing.T) {
	asOf := mustAsOf(t, "2026-11-20")
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"default: the 91-day window is longer than 90 days of inactivity", func(*Config) {}, "2026-08-22"},
		{"longer inactivity limit", func(c *Config) { c.InactiveDays = 120 }, "2026-07-23"},
		// The 182-day window holds the summer (from midsommarafton
		// 2026-06-19), whose notice may come 30 days before it.
		{"longer platform window", func(c *Config) { c.Posting.Platforms = map[string]Posting{"web": {WindowDays: 182}} }, "2026-05-20"},
		{"longer platform window, no holiday periods", func(c *Config) {
			c.Posting.Platforms = map[string]Posting{"web": {WindowDays: 182}}
			c.Holidays.Periods = nil
		}, "2026-05-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.edit(&cfg)
			if got := dateOf(cfg.EarliestNeeded(asOf)); got != tt.want {
				t.Errorf("EarliestNeeded = %s, want %s", got, tt.want)
			}
		})
	}
}
