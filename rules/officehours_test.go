package rules

import (
	"testing"
	"time"
)

// TestOfficeHoursBetween counts office time (weekdays 08–17 in Stockholm,
// Swedish holidays and the eves off) across weekends, holidays and the
// daylight-saving changes.
func TestOfficeHoursBetween(t *testing.T) {
	t.Parallel()
	clock, ok := newOfficeClock(DefaultConfig().Response.OfficeHours)
	if !ok {
		t.Fatal("default office hours refused")
	}
	tests := []struct {
		name     string
		from, to string
		want     time.Duration
	}{
		{"Fri 16:30 -> Mon 08:45 over a weekend", "2026-11-13 16:30", "2026-11-16 08:45", 75 * time.Minute},
		{"within one day", "2026-11-17 10:00", "2026-11-17 12:30", 150 * time.Minute},
		{"asked before opening", "2026-11-16 07:00", "2026-11-16 09:00", time.Hour},
		{"asked after closing", "2026-11-16 18:00", "2026-11-17 09:00", time.Hour},
		{"answered after closing", "2026-11-16 16:00", "2026-11-16 21:00", time.Hour},
		{"both outside hours, same night", "2026-11-16 18:00", "2026-11-16 23:00", 0},
		{"both on a weekend", "2026-11-14 10:00", "2026-11-15 15:00", 0},
		{"same instant", "2026-11-16 10:00", "2026-11-16 10:00", 0},
		{"reversed", "2026-11-16 12:00", "2026-11-16 10:00", 0},
		{"a whole week", "2026-11-16 08:00", "2026-11-23 08:00", 45 * time.Hour},
		{"to closing exactly", "2026-11-16 16:00", "2026-11-16 17:00", time.Hour},
		{"from opening exactly", "2026-11-16 08:00", "2026-11-16 08:30", 30 * time.Minute},
		// Trettondedag jul, Tuesday 2026-01-06, is a holiday.
		{"across trettondedag jul", "2026-01-05 16:00", "2026-01-07 09:00", 2 * time.Hour},
		// Midsommarafton, Friday 2026-06-19, is off like the weekend.
		{"across midsommarafton", "2026-06-18 16:00", "2026-06-22 09:00", 2 * time.Hour},
		// Easter 2026: långfredagen 3 April, annandag påsk 6 April.
		{"across Easter", "2026-04-02 16:00", "2026-04-07 08:30", 90 * time.Minute},
		// Julafton and juldagen, Thursday and Friday 2026-12-24 and 25.
		{"across Christmas", "2026-12-23 16:00", "2026-12-28 09:00", 2 * time.Hour},
		// Summer time begins Sunday 2026-03-29 and ends Sunday 2026-10-25:
		// the weekends are 23 and 25 hours long, the office time the same.
		{"across the spring DST change", "2026-03-27 16:00", "2026-03-30 09:00", 2 * time.Hour},
		{"across the autumn DST change", "2026-10-23 16:00", "2026-10-26 09:00", 2 * time.Hour},
		{"a week across the autumn DST change", "2026-10-19 08:00", "2026-10-26 08:00", 45 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clock.between(at(t, tt.from), at(t, tt.to)); got != tt.want {
				t.Errorf("between(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
		})
	}
	// The instants' own zone does not matter: 15:30 UTC is 16:30 in
	// Stockholm in November.
	from := time.Date(2026, 11, 13, 15, 30, 0, 0, time.UTC)
	to := time.Date(2026, 11, 16, 7, 45, 0, 0, time.UTC)
	if got := clock.between(from, to); got != 75*time.Minute {
		t.Errorf("between in UTC = %v, want 1h15m", got)
	}
}

// TestOfficeHoursConfigured follows a configured working day.
func TestOfficeHoursConfigured(t *testing.T) {
	clock, ok := newOfficeClock(OfficeHours{Start: "09:30", End: "16:00"})
	if !ok {
		t.Fatal("09:30–16:00 refused")
	}
	if got := clock.between(at(t, "2026-11-13 15:00"), at(t, "2026-11-16 10:00")); got != 90*time.Minute {
		t.Errorf("Fri 15:00 -> Mon 10:00 = %v, want 1h30m", got)
	}
	for _, h := range []OfficeHours{{"17:00", "08:00"}, {"8", "17:00"}, {"08:00", "25:00"}, {"08:00", "08:00"}} {
		if _, ok := newOfficeClock(h); ok {
			t.Errorf("office hours %+v accepted", h)
		}
	}
}

// TestOfficeHoursReached decides whether a limit has passed without
// walking months of days.
func TestOfficeHoursReached(t *testing.T) {
	clock, _ := newOfficeClock(DefaultConfig().Response.OfficeHours)
	tests := []struct {
		from, to string
		limit    time.Duration
		want     bool
	}{
		{"2026-11-13 16:30", "2026-11-16 08:45", 75 * time.Minute, true},
		{"2026-11-13 16:30", "2026-11-16 08:44", 75 * time.Minute, false},
		{"2026-11-20 14:00", "2026-11-21 00:00", 9 * time.Hour, false},
		{"2026-08-01 10:00", "2026-11-21 00:00", 9 * time.Hour, true},
		{"2026-11-16 10:00", "2026-11-16 10:00", time.Hour, false},
	}
	for _, tt := range tests {
		if got := clock.reached(at(t, tt.from), at(t, tt.to), tt.limit); got != tt.want {
			t.Errorf("reached(%s, %s, %v) = %v, want %v", tt.from, tt.to, tt.limit, got, tt.want)
		}
	}
}

func TestHoursAndWallClock(t *testing.T) {
	tests := []struct {
		d      time.Duration
		sv, en string
	}{
		{75 * time.Minute, "1,25 kontorstimmar", "1.25 office hours"},
		{time.Hour, "1 kontorstimme", "1 office hour"},
		{10 * time.Hour, "10 kontorstimmar", "10 office hours"},
		{27 * time.Hour, "27 kontorstimmar", "27 office hours"},
		{20 * time.Minute, "0,33 kontorstimmar", "0.33 office hours"},
	}
	for _, tt := range tests {
		if got := hours(tt.d); got.SV != tt.sv || got.EN != tt.en {
			t.Errorf("hours(%v) = %+v, want %q / %q", tt.d, got, tt.sv, tt.en)
		}
	}
	w := wallClock(time.Date(2026, 11, 13, 15, 30, 0, 0, time.UTC))
	if w.SV != "2026-11-13 kl. 16.30" || w.EN != "2026-11-13 at 16:30" {
		t.Errorf("wallClock = %+v", w)
	}
}
