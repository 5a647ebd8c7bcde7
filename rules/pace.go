package rules

import "time"

// pace is how often an account posted in its platform's posting window,
// as posting-frequency judges it and holiday-notice reads it: one
// computation, so the two rules never disagree about a figure.
type pace struct {
	th         Posting
	start, end time.Time // the window
	from       time.Time // the start of the days the figures cover
	partial    bool      // the feed does not reach back over the window
	enough     bool      // the posts seen in the window already make the pace
	n, nDays   int
	rate       float64
	cov        coverage
	cut        bool // a later page of the feed failed
}

// paceOf computes the pace of in's account. A feed that does not reach
// back over the window, and whose posts there are not already enough, is
// measured over the days it covers.
func paceOf(cfg Config, in Input) pace {
	res := in.Result
	p := pace{th: cfg.Posting.For(res.Account.Platform), cov: coverageOf(res.Fetched), cut: res.Fetched.PostsCut != nil}
	p.start, p.end = Window(in.AsOf, p.th.WindowDays)
	p.from, p.partial = p.start, p.cov.startsAfter(p.start)
	p.enough = float64(ownPostsIn(res.Fetched.Posts, p.start, p.end)) >= p.th.MinPerWeek*float64(p.th.WindowDays)/7
	if p.partial && !p.enough && p.cov.since.Before(p.end) {
		y, m, d := p.cov.since.In(Stockholm).Date()
		p.from = time.Date(y, m, d, 0, 0, 0, 0, Stockholm)
	}
	p.nDays = daysBetween(p.from, p.end)
	p.n = ownPostsIn(res.Fetched.Posts, p.from, p.end)
	if p.nDays > 0 {
		p.rate = float64(p.n) / (float64(p.nDays) / 7)
	}
	return p
}

// met reports whether the pace passes posting-frequency without a
// holiday: the posts seen in the window are enough, or the rate is over
// the whole window, or over at least minCovered of a feed that was read
// to its end.
func (p pace) met() bool {
	if p.enough || !p.partial && p.rate >= p.th.MinPerWeek {
		return true
	}
	return p.partial && !p.cut && p.rate >= p.th.MinPerWeek && p.end.Sub(p.from) >= minCovered
}
