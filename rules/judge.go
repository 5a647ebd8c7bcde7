package rules

import (
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Judge runs every rule of rs on one account, as of the audit date, and
// records the facts reports show beside the findings. Posts published after
// the as-of day are left out, so an audit of a past date reads as it would
// have then. The findings come in the order every report shows them
// (see SortFindings): failures first, then by severity and rule order.
//
// An account the scan did not reach (scanner.FetchNotReached: the scan was
// interrupted first) gets no findings at all, not even registry-complete,
// which needs no fetch: it was not checked, and counting any verdict for
// it would make an interrupted audit look further along than it is.
func Judge(rs []Rule, res scanner.Result, asOf time.Time) Judged {
	return judge(rs, res, asOf, Answers{})
}

// judge is Judge with the administrations' answers (see JudgeWith).
func judge(rs []Rule, res scanner.Result, asOf time.Time, a Answers) Judged {
	j := Judged{Result: res}
	if res.Status == scanner.FetchNotReached {
		return j
	}
	in := Input{Result: &j.Result, AsOf: asOf, Closing: a.Closing}
	if res.Status == scanner.FetchOK {
		_, end := Window(asOf, 0)
		j.LastOwnPost = lastOwnPost(res.Fetched.Posts, end)
	}
	for _, r := range rs {
		if r.Record != nil && res.Status == scanner.FetchOK {
			r.Record(in, &j)
		}
		j.Findings = append(j.Findings, r.Check(in))
	}
	SortFindings(j.Findings, rs)
	return j
}

// Find returns the rule of rs with the given ID.
func Find(rs []Rule, id string) (Rule, bool) {
	for _, r := range rs {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// lastOwnPost returns the newest own original post published before end,
// or the zero time.
func lastOwnPost(posts []scanner.Post, end time.Time) time.Time {
	var last time.Time
	for _, p := range posts {
		if p.Own() && p.Published.Before(end) && p.Published.After(last) {
			last = p.Published
		}
	}
	return last
}

// ownPostsIn counts own original posts published in [start, end).
func ownPostsIn(posts []scanner.Post, start, end time.Time) int {
	n := 0
	for _, p := range posts {
		if p.Own() && !p.Published.Before(start) && p.Published.Before(end) {
			n++
		}
	}
	return n
}

// Settle drops from j's fetched data what only the rules read: the posts,
// the replies under them and the profile's text, links and fields. Once
// an account is judged, its findings carry the evidence and j carries
// LastOwnPost and OwnPostsInWindow; the reports and the history read nothing else of
// Fetched but why posts or links could not be seen (PostsHidden,
// PostsCut, LinksHidden), which stay, as do the sources and proofs. For
// 1,000 accounts the dropped part is a good share of the live heap
// while the reports are written, and the heap's peak grows with it.
func (j *Judged) Settle() {
	f := &j.Result.Fetched
	f.Posts = nil
	f.Dialogue = nil
	f.Profile = scanner.Profile{LinksHidden: f.Profile.LinksHidden}
}
