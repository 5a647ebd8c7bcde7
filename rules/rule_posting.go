package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// PostingFrequency is the ID of the rule that the account posts a couple of
// times a week. Like every rule ID it is stable forever: results.json, the
// history and waivers name rules by it.
const PostingFrequency = "posting-frequency"

// postingFrequencyRule is the PostingFrequency rule built with cfg.
func postingFrequencyRule(cfg Config) Rule {
	return Rule{
		ID:      PostingFrequency,
		Section: reqPosting,
		Checks: Text{
			SV: "Att kontot publicerar egna inlägg minst ett par gånger i veckan, i snitt över granskningsperioden. Svar och delningar räknas inte.",
			EN: "That the account publishes its own posts at least a couple of times a week, on average over the audit period. Replies and reposts do not count.",
		},
		PassTitle: Text{SV: "Kontot publicerar tillräckligt ofta", EN: "The account posts often enough"},
		FailTitle: Text{SV: "Kontot publicerar för sällan", EN: "The account posts too rarely"},
		Question: Text{
			SV: fmt.Sprintf("Publiceras nya egna inlägg minst ett par gånger i veckan? Räkna de egna inläggen (inte svar eller delningar) under de senaste %d dagarna.", cfg.Posting.WindowDays),
			EN: fmt.Sprintf("Are new own posts published at least a couple of times a week? Count the own posts (not replies or shares) of the last %d days.", cfg.Posting.WindowDays),
		},
		// Severity medium: an account that posts rarely still works, but reaches few.
		Severity: SeverityMedium,
		Fix: Text{
			SV: "Planera in egna inlägg minst ett par gånger i veckan. Vid semester och helgdagar får ni publicera mer sällan, men berätta det då i ett inlägg på kontot.",
			EN: "Plan your own posts at least a couple of times a week. During holidays you may post less often, but say so in a post on the account.",
		},
		NeedsFetch: true,
		Thresholds: postingThresholds(cfg),
		check:      checkPosting(cfg),
		Samples:    postingSamples,
		Record:     recordPosting(cfg),
	}
}

// ownPostsLabel labels the count of own posts in the window.
var ownPostsLabel = Text{SV: "Egna inlägg i perioden", EN: "Own posts in the period"}

// recordPosting records the own posts in the platform's window on the
// judged account, for the reports' account tables.
func recordPosting(cfg Config) func(Input, *Judged) {
	count := countPosting(cfg)
	return func(in Input, j *Judged) { j.OwnPostsInWindow = count(in) }
}

// countPosting counts own original posts in the platform's window.
func countPosting(cfg Config) func(Input) int {
	return func(in Input) int {
		th := cfg.Posting.For(in.Result.Account.Platform)
		start, end := Window(in.AsOf, th.WindowDays)
		return ownPostsIn(in.Result.Fetched.Posts, start, end)
	}
}

// checkPosting passes when the account's own original posts in the window
// average at least the platform's minimum per week. A feed that does not
// reach back over the whole window passes when its own items average
// enough over the weeks they span (at least two); otherwise a person
// decides, since older posts may be missing.
func checkPosting(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		res := in.Result
		th := cfg.Posting.For(res.Account.Platform)
		start, end := Window(in.AsOf, th.WindowDays)
		n := countPosting(cfg)(in)
		weeks := float64(th.WindowDays) / 7
		rate := float64(n) / weeks
		cov := coverageOf(res.Fetched)
		ev := []Evidence{
			{Label: ownPostsLabel, Value: strconv.Itoa(n)},
			{Label: Text{SV: "Period", EN: "Period"}, Value: dateOf(start) + " – " + dateOf(end.AddDate(0, 0, -1))},
			{Label: Text{SV: "Inlägg per vecka", EN: "Posts per week"}, Value: fmt.Sprintf("%.1f", rate)},
			cov.evidence(postsPage(res)),
		}
		posts := Text{SV: "egna inlägg", EN: "own posts"}
		if n == 1 {
			posts = Text{SV: "eget inlägg", EN: "own post"}
		}
		rateText := Text{
			SV: fmt.Sprintf("%d %s på %d dagar, %s per vecka; minst %s per vecka krävs", n, posts.SV, th.WindowDays, decimalSV(rate, 1), decimalSV(th.MinPerWeek, -1)),
			EN: fmt.Sprintf("%d %s in %d days, %.1f a week; at least %s a week is required", n, posts.EN, th.WindowDays, rate, strconv.FormatFloat(th.MinPerWeek, 'f', -1, 64)),
		}
		partial := cov.startsAfter(start)
		if f, hidden := postsHidden(res, nil, Text{SV: "hur ofta kontot publicerar", EN: "how often the account posts"}); hidden {
			return f
		}
		switch {
		case rate >= th.MinPerWeek:
			return Finding{Status: Pass, Evidence: ev, Message: Text{SV: rateText.SV + ".", EN: rateText.EN + "."}}
		case partial && res.Fetched.PostsCut != nil:
			// The pages read end inside the window and the next one
			// failed: the posts behind it are unknown, not missing.
			return postsCut(res, ev, Text{SV: "hur ofta kontot publicerar", EN: "how often the account posts"})
		case partial && !cov.none && cov.since.Before(end) && end.Sub(cov.since) >= minCovered:
			// A feed that holds only the newest items (YouTube's 15, a
			// blog's 10) still proves the pace when those items alone,
			// over the weeks they span, average enough.
			covered := end.Sub(cov.since).Hours() / 24 / 7
			if recent := float64(n) / covered; recent >= th.MinPerWeek {
				return Finding{Status: Pass, Evidence: ev, Message: Text{
					SV: fmt.Sprintf("%d %s sedan %s (så långt flödet når), %s per vecka; minst %s per vecka krävs.", n, posts.SV, dateOf(cov.since), decimalSV(recent, 1), decimalSV(th.MinPerWeek, -1)),
					EN: fmt.Sprintf("%d %s since %s (as far back as the feed reaches), %.1f a week; at least %s a week is required.", n, posts.EN, dateOf(cov.since), recent, strconv.FormatFloat(th.MinPerWeek, 'f', -1, 64)),
				}}
			}
			fallthrough
		case partial:
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: fmt.Sprintf("%s, men %s och perioden börjar %s. Kontrollera på plattformen hur ofta kontot publicerar.", rateText.SV, cov.reach().SV, dateOf(start)),
				EN: fmt.Sprintf("%s, but %s and the period starts %s. Check on the platform how often the account posts.", rateText.EN, cov.reach().EN, dateOf(start)),
			}}
		}
		return Finding{Status: Fail, Evidence: ev, Message: Text{SV: rateText.SV + ".", EN: rateText.EN + "."}}
	}
}

// minCovered is the shortest stretch a partial feed must span before its
// own pace is taken as proof: a few posts on one busy day prove nothing.
const minCovered = 14 * 24 * time.Hour

// decimalSV formats x the Swedish way, with a decimal comma; prec -1 uses
// as few digits as needed.
func decimalSV(x float64, prec int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', prec, 64), ".", ",", 1)
}

// postingSamples: 30 own posts in the 91 days before the demo's audit date,
// 6 with the whole history seen, and 6 in a feed reaching back only 20
// days, which a person must judge.
var postingSamples = []Sample{
	{Name: "30 own posts in 91 days", Result: demoFetched(demoProfile(), ownPosts(30, sampleNewest, 3*24*time.Hour)...), Want: Pass},
	{Name: "6 own posts in 91 days, whole history seen", Result: demoFetched(demoProfile(), ownPosts(6, sampleNewest, 14*24*time.Hour)...), Want: Fail},
	{Name: "6 own posts in a feed reaching back 20 days", Result: shortFeed(), Want: Manual},
}

// sampleNewest is the newest post of the post samples: the morning before
// the audit date.
var sampleNewest = time.Date(2026, 11, 19, 9, 30, 0, 0, Stockholm)

// shortFeed is a blog feed holding only its newest items: CompleteSince
// says it reaches back 20 days.
func shortFeed() scanner.Result {
	res := demoFetched(demoProfile(), ownPosts(6, sampleNewest, 3*24*time.Hour)...)
	res.Fetched.CompleteSince = sampleNewest.AddDate(0, 0, -20)
	return res
}
