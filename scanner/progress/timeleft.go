package progress

import (
	"fmt"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// timeLeft estimates how long a scan has left. The scan works on every
// lane (host) at once, so the lane that will take longest decides: for
// each lane with accounts left, those accounts at the pace the lane has
// kept so far (rate limits and politeness included).
type timeLeft struct {
	start time.Time
	left  map[string]int // accounts not finished, per lane
	done  map[string]int // accounts finished, per lane
}

func newTimeLeft(accounts []scanner.Account, start time.Time) *timeLeft {
	t := &timeLeft{start: start, left: map[string]int{}, done: map[string]int{}}
	for _, acc := range accounts {
		t.left[scanner.LaneOf(acc)]++
	}
	return t
}

// finished counts acc as done.
func (t *timeLeft) finished(acc scanner.Account) {
	lane := scanner.LaneOf(acc)
	if t.left[lane] > 0 {
		t.left[lane]--
		t.done[lane]++
	}
}

// estimate is the time left at now; ok is false while some lane with
// accounts left has finished none, so its pace is unknown.
func (t *timeLeft) estimate(now time.Time) (d time.Duration, ok bool) {
	elapsed := now.Sub(t.start)
	for lane, left := range t.left {
		if left == 0 {
			continue
		}
		done := t.done[lane]
		if done == 0 {
			return 0, false
		}
		d = max(d, time.Duration(float64(elapsed)*float64(left)/float64(done)))
	}
	return d, true
}

// aboutDuration says d as a person would: "under a minute", "12 min",
// "3 h 5 min".
func aboutDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
	}
	d = d.Round(time.Minute)
	return fmt.Sprintf("%d h %d min", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
