package rules

import (
	"fmt"
	"time"
)

// Stockholm is the time zone audit dates are judged in. The zone database is
// embedded (see the time/tzdata import), so loading cannot fail on any
// machine.
var Stockholm = mustLoadLocation("Europe/Stockholm")

// mustLoadLocation loads a zone that the embedded database must hold.
func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(fmt.Sprintf("rules: load time zone %s: %v", name, err))
	}
	return loc
}

// dateLayout is how audit dates are written, on the command line and in
// evidence.
const dateLayout = "2006-01-02"

// ParseAsOf parses an audit date written YYYY-MM-DD and returns midnight at
// the start of that day in Stockholm.
func ParseAsOf(s string) (time.Time, error) {
	t, err := time.ParseInLocation(dateLayout, s, Stockholm)
	if err != nil {
		return time.Time{}, fmt.Errorf("as-of date %q: want YYYY-MM-DD: %w", s, err)
	}
	return t, nil
}

// Window returns the days-long period that ends with the as-of day: end is
// midnight at the start of the following day in Stockholm and start is days
// calendar days before it. Calendar arithmetic keeps both ends at midnight
// across daylight-saving changes. A post at t is inside when
// !t.Before(start) && t.Before(end).
func Window(asOf time.Time, days int) (start, end time.Time) {
	y, m, d := asOf.In(Stockholm).Date()
	end = time.Date(y, m, d+1, 0, 0, 0, 0, Stockholm)
	return end.AddDate(0, 0, -days), end
}

// dateOf formats t as its calendar date in Stockholm.
func dateOf(t time.Time) string {
	return t.In(Stockholm).Format(dateLayout)
}

// daysBetween counts calendar days in Stockholm from a's date to b's date.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.In(Stockholm).Date()
	by, bm, bd := b.In(Stockholm).Date()
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// EarliestNeeded is how far back an adapter must page so that every rule
// can judge the account as of asOf: the start of the longest posting
// window, or the start of the day inactivity is measured from, whichever
// is earlier, or the first day a notice of a holiday period in that
// window may have been posted.
func (c Config) EarliestNeeded(asOf time.Time) time.Time {
	days := max(c.Posting.WindowDays, c.InactiveDays+1)
	for _, p := range c.Posting.Platforms {
		days = max(days, p.WindowDays)
	}
	start, _ := Window(asOf, days)
	// A holiday period in a posting window may have been announced before
	// it began, and before the window.
	windows := []int{c.Posting.WindowDays}
	for _, p := range c.Posting.Platforms {
		windows = append(windows, p.WindowDays)
	}
	for _, d := range windows {
		ws, we := Window(asOf, d)
		for _, r := range runsIn(c.Holidays.Periods, ws, we) {
			if from := c.Holidays.noticeFrom(r); from.Before(start) {
				start = from
			}
		}
	}
	return start
}
