package crawl

import (
	"fmt"
	"math"
	"net/http"
	"time"
)

// graphCeiling is the usage, in percent, that pacing keeps Graph calls
// under. Graph throttles at 100; the rest is room for the estimate's
// error and for calls others make with the same app.
const graphCeiling = 95.0

// graphPacer paces the calls to one Graph host. Graph counts an app's
// and a user's calls in a rolling window (an hour) and reports usage as
// a percentage, never as a count, so the pacer estimates what one call
// costs: the latest usage divided by its own calls in the window when
// that usage was read. Before a call it waits until enough of its own
// calls have left the window for the next one to stay under
// graphCeiling. Calls that others make with the same app raise the
// percentage and so the estimated cost per call, which errs on the slow
// side. A pacer is used only under its host's mutex.
type graphPacer struct {
	window time.Duration
	margin time.Duration // added to each wait, for clocks and rounding

	calls      []time.Time // own call starts within the window, oldest first
	usage      float64     // latest usage reported, in percent
	usageCalls int         // own calls in the window when it was reported
	regain     time.Time   // no call before this (estimated_time_to_regain_access)
	unknown    int         // throttling answers in a row with nothing to time the wait by
}

func newGraphPacer(window time.Duration) *graphPacer {
	return &graphPacer{window: window, margin: max(window/720, time.Millisecond)}
}

// prune forgets the calls that left the window.
func (p *graphPacer) prune(now time.Time) {
	i := 0
	for i < len(p.calls) && !p.calls[i].Add(p.window).After(now) {
		i++
	}
	p.calls = p.calls[i:]
}

// estimate is the usage the pacer believes its calls in the window make
// now, in percent.
func (p *graphPacer) estimate() float64 {
	if p.usageCalls == 0 {
		return p.usage
	}
	return p.usage / float64(p.usageCalls) * float64(len(p.calls))
}

// wait is how long the next call must wait, and why; zero when it may go.
func (p *graphPacer) wait(now time.Time) (time.Duration, string) {
	p.prune(now)
	if p.regain.After(now) {
		return p.regain.Sub(now), fmt.Sprintf("Meta Graph usage %.0f %%: access withheld until %s (estimated_time_to_regain_access)",
			p.usage, p.regain.UTC().Format("15:04:05 UTC"))
	}
	n := len(p.calls)
	if p.usage <= 0 || p.usageCalls == 0 || n == 0 {
		return 0, ""
	}
	cost := p.usage / float64(p.usageCalls)
	if cost*float64(n+1) <= graphCeiling {
		return 0, ""
	}
	// The calls that must leave the window so that the next one fits.
	fit := int(math.Floor(graphCeiling / cost))
	k := min(n+1-fit, n)
	until := p.calls[k-1].Add(p.window + p.margin)
	return until.Sub(now), fmt.Sprintf("Meta Graph usage %.0f %%: pacing", p.estimate())
}

// reserve records a call starting now if wait allows it.
func (p *graphPacer) reserve(now time.Time) bool {
	if d, _ := p.wait(now); d > 0 {
		return false
	}
	p.calls = append(p.calls, now)
	return true
}

// observe takes in the usage an answer reported.
func (p *graphPacer) observe(now time.Time, u graphUsage) {
	if !u.seen {
		return
	}
	p.prune(now)
	p.usage = u.pct
	p.usageCalls = len(p.calls)
	if u.regain > 0 {
		if r := now.Add(u.regain); r.After(p.regain) {
			p.regain = r
		}
	}
}

// succeeded notes an answer that was not throttled.
func (p *graphPacer) succeeded() { p.unknown = 0 }

// throttled is the wait after a throttling answer with Graph error code:
// until access returns, if Graph said when; else until the oldest own
// call leaves the window (pacing then decides whether more must); else,
// knowing nothing, a backoff that starts at a twelfth of the window and
// doubles with each throttling answer in a row, up to the window.
func (p *graphPacer) throttled(now time.Time, code int) (time.Duration, string) {
	p.prune(now)
	reason := fmt.Sprintf("Meta Graph usage %.0f %%: throttled (Graph error %d)", max(p.usage, 100), code)
	switch {
	case p.regain.After(now):
		return p.regain.Sub(now), reason
	case len(p.calls) > 0:
		p.unknown = 0
		return p.calls[0].Add(p.window + p.margin).Sub(now), reason
	}
	d := p.window / 12
	for range min(p.unknown, 4) {
		d *= 2
	}
	p.unknown++
	return min(d, p.window), reason
}

// pacer returns the host's Graph pacer; h.mu must be held.
func (l *hostLimiter) pacer(h *hostState) *graphPacer {
	if h.graph == nil {
		h.graph = newGraphPacer(l.window)
	}
	return h.graph
}

// observeGraph takes in the usage a Graph answer from host reported.
func (l *hostLimiter) observeGraph(host string, hdr http.Header, ok bool) {
	u := parseGraphUsage(hdr)
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	p := l.pacer(h)
	p.observe(l.clock.now(), u)
	if ok {
		p.succeeded()
	}
}

// graphThrottled is the wait after a Graph throttling answer from host.
func (l *hostLimiter) graphThrottled(host string, code int) (time.Duration, string) {
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	return l.pacer(h).throttled(l.clock.now(), code)
}
