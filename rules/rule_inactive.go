package rules

import (
	"fmt"
	"strconv"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// InactiveAccount is the ID of the rule that the account is still in use;
// its failures are the closure candidates. Like every rule ID it is stable
// forever: results.json, the history and waivers name rules by it.
const InactiveAccount = "inactive-account"

// inactiveAccountRule is the InactiveAccount rule built with cfg.
func inactiveAccountRule(cfg Config) Rule {
	return Rule{
		ID:      InactiveAccount,
		Section: reqClosing,
		Checks: Text{
			SV: "Att kontot fortfarande används, det vill säga har publicerat ett eget inlägg nyligen. Konton som inte används ska avslutas.",
			EN: "That the account is still in use, that is, has published an own post recently. Accounts no longer used shall be closed.",
		},
		PassTitle: Text{SV: "Kontot används", EN: "The account is in use"},
		FailTitle: Text{SV: "Kontot verkar inte användas längre", EN: "The account seems to be no longer used"},
		Question: Text{
			SV: fmt.Sprintf("Används kontot fortfarande, det vill säga finns ett eget inlägg från de senaste %d dagarna? Om inte ska kontot avslutas.", cfg.InactiveDays),
			EN: fmt.Sprintf("Is the account still in use, that is, is there an own post from the last %d days? If not, the account shall be closed.", cfg.InactiveDays),
		},
		// Severity high: the policy says an unused account is to be closed; left open it
		// answers nobody and can be taken over unnoticed.
		Severity: SeverityHigh,
		Fix: Text{
			SV: "Börja publicera igen, eller avsluta kontot: skriv ett sista inlägg om att kontot ska avslutas och varför, hänvisa till andra kontaktvägar eller konton, och följ stadsarkivets vägledning för arkivering.",
			EN: "Start posting again, or close the account: write a last post saying that the account will be closed and why, point to other ways of contact or accounts, and follow the City Archives' guidance on archiving.",
		},
		NeedsFetch: true,
		fix:        fixInactive,
		Thresholds: inactiveThresholds(cfg),
		check:      checkInactive(cfg),
		Samples:    inactiveSamples,
	}
}

// checkInactive fails an account whose newest own post is more than
// cfg.InactiveDays days before the audit date, or that has none: such an
// account is a candidate for closing. When the feed does not reach back far
// enough to know, a person decides.
func checkInactive(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		res := in.Result
		day, end := Window(in.AsOf, 1)
		limit := day.AddDate(0, 0, -cfg.InactiveDays)
		last := lastOwnPost(res.Fetched.Posts, end)
		cov := coverageOf(res.Fetched)
		page, source := postsPage(res)
		var ev []Evidence
		var seen Text
		if last.IsZero() {
			seen = Text{SV: "Inga egna inlägg syns", EN: "No own posts are visible"}
			ev = append(ev, Evidence{Label: Text{SV: "Senaste egna inlägg", EN: "Latest own post"}, Value: "–", URL: page, Source: source})
		} else {
			n := daysBetween(last, in.AsOf)
			ago := days(n)
			seen = Text{
				SV: fmt.Sprintf("Senaste egna inlägget publicerades %s, %s före granskningsdagen", dateOf(last), ago.SV),
				EN: fmt.Sprintf("The latest own post was published %s, %s before the audit date", dateOf(last), ago.EN),
			}
			if n == 0 {
				seen = Text{
					SV: fmt.Sprintf("Senaste egna inlägget publicerades %s, på granskningsdagen", dateOf(last)),
					EN: fmt.Sprintf("The latest own post was published %s, on the audit date", dateOf(last)),
				}
			}
			ev = append(ev,
				Evidence{Label: Text{SV: "Senaste egna inlägg", EN: "Latest own post"}, Value: dateOf(last), URL: latestURL(res.Fetched.Posts, last, page)},
				Evidence{Label: Text{SV: "Dagar sedan dess", EN: "Days since"}, Value: strconv.Itoa(n)},
			)
		}
		reading := inactiveReading(cfg.InactiveDays)
		if !last.IsZero() && !last.Before(limit) {
			return Finding{Status: Pass, Evidence: ev, Message: Text{
				SV: seen.SV + ". " + reading.SV,
				EN: seen.EN + ". " + reading.EN,
			}}
		}
		if f, hidden := postsHidden(res, nil, Text{SV: "om kontot har publicerat något de senaste dagarna", EN: "whether the account has posted recently"}); hidden {
			return f
		}
		if cov.startsAfter(limit) && res.Fetched.PostsCut != nil {
			ev = append(ev, cov.evidence(page, source))
			return postsCut(res, ev, Text{SV: "om kontot har publicerat något de senaste dagarna", EN: "whether the account has posted recently"})
		}
		if cov.startsAfter(limit) {
			ev = append(ev, cov.evidence(page, source))
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: fmt.Sprintf("%s, men %s. Kontrollera på plattformen om kontot har publicerat något de senaste %d dagarna.", seen.SV, cov.reach().SV, cfg.InactiveDays),
				EN: fmt.Sprintf("%s, but %s. Check on the platform whether the account has posted in the last %d days.", seen.EN, cov.reach().EN, cfg.InactiveDays),
			}}
		}
		return Finding{Status: Fail, Evidence: ev, Message: Text{
			SV: seen.SV + ". " + reading.SV + " Kontot behöver användas igen eller avslutas.",
			EN: seen.EN + ". " + reading.EN + " The account needs to be used again or closed.",
		}}
	}
}

// latestURL returns the URL of the own post published at t, or fallback.
func latestURL(posts []scanner.Post, t time.Time, fallback string) string {
	for _, p := range posts {
		if p.Own() && p.Published.Equal(t) && p.URL != "" {
			return p.URL
		}
	}
	return fallback
}

// inactiveSamples: a post the day before the audit date, and a newest own
// post in May with the whole history seen.
var inactiveSamples = []Sample{
	{Name: "own post the day before", Result: demoFetched(demoProfile(), ownPosts(3, sampleNewest, 7*24*time.Hour)...), Want: Pass},
	{Name: "newest own post 2026-05-04, whole history seen", Result: demoFetched(demoProfile(), ownPosts(3, time.Date(2026, 5, 4, 14, 0, 0, 0, Stockholm), 7*24*time.Hour)...), Want: Fail},
}

// inactiveReading says that the number of days is the communications
// unit's reading of the policy's "När ett konto inte längre används ska
// det avslutas", which names no number.
func inactiveReading(limit int) Text {
	last := Text{SV: "de senaste " + groupSV(limit) + " dagarna", EN: "the last " + days(limit).EN}
	if limit == 1 {
		last = Text{SV: "den senaste dagen", EN: "the last day"}
	}
	return Text{
		SV: "Policyn anger att ett konto som inte längre används ska avslutas; staden räknar ett konto som oanvänt när det inte har något eget inlägg från " + last.SV + ".",
		EN: "The policy says an account no longer in use is to be closed; the city counts an account as unused when it has no own post from " + last.EN + ".",
	}
}

// fixInactive names the platform.
func fixInactive(acc scanner.Account) Text {
	on := onPlatform(acc)
	return Text{
		SV: "Börja publicera " + on.SV + " igen, eller avsluta kontot: skriv ett sista inlägg om att kontot ska avslutas och varför, hänvisa till andra kontaktvägar eller konton, och följ stadsarkivets vägledning för arkivering.",
		EN: "Start posting " + on.EN + " again, or close the account: write a last post saying that the account will be closed and why, point to other ways of contact or accounts, and follow the City Archives' guidance on archiving.",
	}
}
