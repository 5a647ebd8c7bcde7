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
		fix:        fixPosting,
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

// postingReading says that the threshold is the communications unit's
// reading of the policy's "bör … minst ett par gånger i veckan", not the
// policy's own words.
func postingReading(min float64) Text {
	return Text{
		SV: fmt.Sprintf("Policyn anger att det bör publiceras minst ett par gånger i veckan; staden granskar mot minst %s egna inlägg per vecka.", decimal(min, -1).SV),
		EN: fmt.Sprintf("The policy says posts should be published at least a couple of times a week; the city audits against at least %s own posts a week.", decimal(min, -1).EN),
	}
}

// checkPosting passes when the account's own original posts in the window
// average at least the platform's minimum per week. A feed that does not
// reach back over the whole window is judged over the days it covers: it
// passes when its own posts average enough over at least minCovered;
// otherwise a person decides, since older posts may be missing. The text
// and the evidence give the same count, rate and period. A pace too low
// over a window holding a holiday period is excused when an own post
// announced the period and the days outside it keep the pace (see
// holidayView.judgeShortPace); the text says which part was holiday.
func checkPosting(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		res := in.Result
		what := Text{SV: "hur ofta kontot publicerar", EN: "how often the account posts"}
		if f, hidden := postsHidden(res, nil, what); hidden {
			return f
		}
		p := paceOf(cfg, in)
		th, start, from, end, cov := p.th, p.start, p.from, p.end, p.cov
		covEv := cov.evidence(postsPage(res))
		if cov.none {
			return Finding{Status: Manual, Evidence: []Evidence{covEv}, Message: Text{
				SV: "Det går inte att räkna hur ofta kontot publicerar: " + cov.reach().SV + ". Kontrollera på plattformen.",
				EN: "How often the account posts cannot be counted: " + cov.reach().EN + ". Check on the platform.",
			}}
		}
		partial, enough, nDays, n, rate := p.partial, p.enough, p.nDays, p.n, p.rate
		r := decimal(rate, 1)
		period := Text{
			SV: fmt.Sprintf("%s – %s", dateOf(from), dateOf(end.AddDate(0, 0, -1))),
			EN: fmt.Sprintf("%s – %s", dateOf(from), dateOf(end.AddDate(0, 0, -1))),
		}
		ev := []Evidence{
			{Label: ownPostsLabel, Value: strconv.Itoa(n)},
			{Label: Text{SV: "Period", EN: "Period"}, Value: period.EN, ValueText: Text{
				SV: period.SV + " (" + days(nDays).SV + ")",
				EN: period.EN + " (" + days(nDays).EN + ")",
			}},
			{Label: Text{SV: "Egna inlägg per vecka", EN: "Own posts per week"}, Value: r.EN, ValueText: r},
			covEv,
		}
		posts := count(n, ownPostNoun[0], ownPostNoun[1])
		figures := Text{
			SV: fmt.Sprintf("%s på %s (%s), %s per vecka.", posts.SV, days(nDays).SV, period.SV, r.SV),
			EN: fmt.Sprintf("%s in %s (%s), %s a week.", posts.EN, days(nDays).EN, period.EN, r.EN),
		}
		reading := postingReading(th.MinPerWeek)
		judged := func(s Status, extra Text) Finding {
			return Finding{Status: s, Evidence: ev, Message: Text{
				SV: figures.SV + extra.SV + " " + reading.SV,
				EN: figures.EN + extra.EN + " " + reading.EN,
			}}
		}
		hv := viewHolidays(cfg, res, p)
		if len(hv.runs) > 0 {
			ev = append(ev, holidayEvidence(hv.runs, from, end)...)
		}
		if partial && enough {
			// The posts seen already make the pace; any older ones the
			// feed does not show could only add to it.
			return judged(Pass, Text{
				SV: " Flödet når bara tillbaka till " + dateOf(cov.since) + ", men inläggen det visar räcker." + hv.note().SV,
				EN: " The feed only reaches back to " + dateOf(cov.since) + ", but the posts it shows are enough." + hv.note().EN,
			})
		}
		if partial {
			feed := Text{
				SV: " Flödet når bara tillbaka till " + dateOf(cov.since) + ", så siffrorna gäller de dagar det täcker.",
				EN: " The feed only reaches back to " + dateOf(cov.since) + ", so the figures cover the days it spans.",
			}
			switch {
			case res.Fetched.PostsCut != nil:
				// The pages read end inside the window and the next one
				// failed: the posts behind it are unknown, not missing.
				return postsCut(res, ev, what)
			case rate >= th.MinPerWeek && end.Sub(from) >= minCovered:
				// A feed that holds only the newest items (YouTube's 15,
				// a blog's 10) still proves the pace when those items
				// alone, over the weeks they span, average enough.
				return judged(Pass, Text{SV: feed.SV + hv.note().SV, EN: feed.EN + hv.note().EN})
			}
			return judged(Manual, Text{
				SV: feed.SV + hv.note().SV + fmt.Sprintf(" Perioden som granskas börjar %s; kontrollera på plattformen hur ofta kontot publicerar.", dateOf(start)),
				EN: feed.EN + hv.note().EN + fmt.Sprintf(" The audited period starts %s; check on the platform how often the account posts.", dateOf(start)),
			})
		}
		if rate >= th.MinPerWeek {
			return judged(Pass, hv.note())
		}
		if len(hv.runs) == 0 {
			return judged(Fail, Text{})
		}
		return hv.judgeShortPace(res, p, &ev, judged)
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

// fixPosting names the platform.
func fixPosting(acc scanner.Account) Text {
	on := onPlatform(acc)
	return Text{
		SV: "Planera in egna inlägg " + on.SV + " minst ett par gånger i veckan. Vid semester och helgdagar får ni publicera mer sällan, men berätta det då i ett inlägg på kontot.",
		EN: "Plan your own posts " + on.EN + " at least a couple of times a week. During holidays you may post less often, but say so in a post on the account.",
	}
}
