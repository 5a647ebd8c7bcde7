package rules

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/se"
)

// The policy asks that questions be answered "under normal kontorstid":
// the clock of a response time runs only on weekdays, between the
// configured hours in Stockholm, and not on the Swedish holidays of
// rickar/cal's calendar, the one holiday-notice reads its periods from.
// That calendar counts the eves the city closes on (midsommarafton,
// julafton, nyårsafton) with the public holidays, as Stockholm's own
// offices do.

// OfficeHours is the working day in Stockholm, each end "HH:MM".
type OfficeHours struct {
	Start string `yaml:"start"`
	End   string `yaml:"end"`
}

// officeClock measures office time. It holds no cache, so one value
// serves every goroutine judging accounts.
type officeClock struct {
	cal *cal.BusinessCalendar
}

// newOfficeClock builds the clock of h; ok is false when an end is not
// HH:MM or the day does not start before it ends (Validate says which).
func newOfficeClock(h OfficeHours) (officeClock, bool) {
	start, ok1 := clockTime(h.Start)
	end, ok2 := clockTime(h.End)
	if !ok1 || !ok2 || start >= end {
		return officeClock{}, false
	}
	c := cal.NewBusinessCalendar()
	c.SetWorkHours(start, end)
	c.AddHoliday(se.Holidays...)
	return officeClock{cal: c}, true
}

// clockTime parses "08:00" as the time since midnight.
func clockTime(s string) (time.Duration, bool) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, false
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
}

// between is the office time from a to b: none when b is not after a
// (an answer cannot come before its question). The calendar reads each
// instant's wall clock, so both are taken to Stockholm first; a
// daylight-saving change falls on a Sunday, outside office hours.
func (c officeClock) between(a, b time.Time) time.Duration {
	if !b.After(a) {
		return 0
	}
	d := c.cal.WorkHoursInRange(a.In(Stockholm), b.In(Stockholm))
	// The calendar counts the closing minute's seconds as open, so an
	// instant a fraction past closing gives a sliver below zero.
	return max(d, 0)
}

// hours writes an office time in hours, at most two decimals:
// "1,25 kontorstimmar", "1 office hour".
func hours(d time.Duration) Text {
	n := decimal(math.Round(d.Hours()*100)/100, -1)
	if n.EN == "1" {
		return Text{SV: "1 kontorstimme", EN: "1 office hour"}
	}
	return Text{SV: n.SV + " kontorstimmar", EN: n.EN + " office hours"}
}

// wallClock writes an instant as a person in Stockholm reads it:
// "2026-11-13 kl. 16.30", "2026-11-13 at 16:30".
func wallClock(t time.Time) Text {
	l := t.In(Stockholm)
	return Text{
		SV: fmt.Sprintf("%s kl. %02d.%02d", dateOf(l), l.Hour(), l.Minute()),
		EN: fmt.Sprintf("%s at %02d:%02d", dateOf(l), l.Hour(), l.Minute()),
	}
}
