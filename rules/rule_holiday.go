package rules

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
)

// HolidayNotice is the ID of the rule that an account posting less during
// a holiday period said so in a post. Like every rule ID it is stable
// forever: results.json, the history and waivers name rules by it.
const HolidayNotice = "holiday-notice"

// holidayNoticeRule is the HolidayNotice rule built with cfg.
func holidayNoticeRule(cfg Config) Rule {
	names := periodNames(cfg.Holidays.Periods)
	return Rule{
		ID:      HolidayNotice,
		Section: reqHoliday,
		Checks: Text{
			SV: "Att ett konto som publicerar mer sällan än ett par gånger i veckan under en semesterperiod (" + names.SV + ") har meddelat det i ett eget inlägg före periodens början.",
			EN: "That an account posting less than a couple of times a week during a holiday period (" + names.EN + ") announced it in an own post before the period began.",
		},
		// True of every pass: the pace was announced, kept, or no
		// holiday fell in the window.
		PassTitle: Text{SV: "Inget omeddelat semesteruppehåll", EN: "No unannounced holiday break"},
		FailTitle: Text{SV: "Kontot meddelade inte att det publicerar mer sällan under semestern", EN: "The account did not announce posting less often during the holidays"},
		Question: Text{
			SV: "Om kontot publicerade mer sällan under en semesterperiod (" + names.SV + "): meddelade det i ett inlägg på kontot före periodens början att publiceringstakten blir lägre?",
			EN: "If the account posted less often during a holiday period (" + names.EN + "): did it announce in a post on the account, before the period began, that it would post less often?",
		},
		// Severity low: the account may rest; its readers only miss the
		// word of why it is quiet.
		Severity: SeverityLow,
		Fix: Text{
			SV: "Skriv ett inlägg på kontot innan semesterperioden börjar om att ni publicerar mer sällan under perioden och när ni är tillbaka som vanligt.",
			EN: "Write a post on the account before the holiday period begins saying that you will post less often during it and when you will be back as usual.",
		},
		NeedsFetch: true,
		fix:        fixHoliday,
		Thresholds: holidayThresholds(cfg),
		check:      checkHoliday(cfg),
		Samples:    holidaySamples,
	}
}

// periodNames lists the configured periods, "sommaren, jul och nyår".
func periodNames(ps []HolidayPeriod) Text {
	var sv, en []string
	for _, p := range ps {
		sv = append(sv, p.Name)
		en = append(en, p.NameEN)
	}
	return Text{SV: joinList(sv, "och"), EN: joinList(en, "and")}
}

// holidayReading states the policy's words the rule holds the account to.
var holidayReading = Text{
	SV: "Policyn anger att publiceringsfrekvensen vid semester och helgdagar kan vara lägre, vilket ska meddelas via ett inlägg på kontot.",
	EN: "The policy says the posting frequency may be lower during holidays, which shall be announced in a post on the account.",
}

// checkHoliday passes an account whose posting window holds no holiday
// period, that kept its pace through the holidays, or that announced a
// lower pace for every holiday period in it; it fails one whose pace fell
// short over a window holding a holiday it never announced, naming the
// period and when the notice was due. When the feed cannot show the pace
// or the notice, a person decides.
func checkHoliday(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		res := in.Result
		what := Text{SV: "om kontot meddelade en lägre publiceringstakt under semestern", EN: "whether the account announced a lower pace for the holidays"}
		if f, hidden := postsHidden(res, nil, what); hidden {
			return f
		}
		p := paceOf(cfg, in)
		page, source := postsPage(res)
		if p.cov.none {
			return Finding{Status: Manual, Evidence: []Evidence{p.cov.evidence(page, source)}, Message: Text{
				SV: "Det går inte att se " + what.SV + ": " + p.cov.reach().SV + ". Kontrollera på plattformen.",
				EN: "It cannot be seen " + what.EN + ": " + p.cov.reach().EN + ". Check on the platform.",
			}}
		}
		v := viewHolidays(cfg, res, p)
		period := dateOf(p.from) + " – " + dateOf(p.end.AddDate(0, 0, -1))
		ev := []Evidence{{Label: Text{SV: "Granskad period", EN: "Audited period"}, Value: period, ValueText: Text{
			SV: period + " (" + days(p.nDays).SV + ")", EN: period + " (" + days(p.nDays).EN + ")",
		}}}
		if len(v.runs) == 0 {
			names := periodNames(cfg.Holidays.Periods)
			return Finding{Status: Pass, Evidence: ev, Message: Text{
				SV: fmt.Sprintf("Ingen semesterperiod (%s) infaller under perioden %s, så inget meddelande om lägre publiceringstakt behövs.", names.SV, period),
				EN: fmt.Sprintf("No holiday period (%s) falls in the period %s, so no notice of a lower pace is needed.", names.EN, period),
				// A pass, not "not applicable": the policy asks nothing of
				// an account outside the holidays, so it meets the rule.
			}}
		}
		ev = append(ev, holidayEvidence(v.runs, p.from, p.end)...)
		ev = append(ev, holidayDaysEvidence(v))
		for _, n := range v.notices {
			ev = append(ev, noticeEvidence(n))
		}
		pt := v.part()
		r := decimal(p.rate, 1)
		rate := Text{SV: r.SV + " egna inlägg per vecka", EN: r.EN + " own posts a week"}
		ev = append(ev, Evidence{Label: Text{SV: "Egna inlägg per vecka", EN: "Own posts per week"}, Value: r.EN, ValueText: r})
		say := func(s Status, sv, en string) Finding {
			return Finding{Status: s, Evidence: ev, Message: Text{SV: pt.SV + sv + " " + holidayReading.SV, EN: pt.EN + en + " " + holidayReading.EN}}
		}
		switch {
		case len(v.missing) == 0 && len(v.unseen) == 0:
			n := v.notices[0]
			return say(Pass,
				fmt.Sprintf(", och kontot meddelade %s i ett inlägg att det skulle publicera mer sällan.", dateOf(n.post.Published)),
				fmt.Sprintf(", and the account announced on %s in a post that it would post less often.", dateOf(n.post.Published)))
		case p.met():
			return say(Pass,
				fmt.Sprintf(", men kontot publicerade ändå tillräckligt ofta (%s), så inget meddelande behövs.", rate.SV),
				fmt.Sprintf(", but the account still posted often enough (%s), so no notice is needed.", rate.EN))
		case p.partial && p.cut:
			return postsCut(res, ev, what)
		case p.partial:
			return say(Manual,
				". "+capitalize(p.cov.reach().SV)+", så det går inte att avgöra om takten var lägre än ett par inlägg i veckan; kontrollera på plattformen om kontot meddelade en lägre takt.",
				". "+capitalize(p.cov.reach().EN)+", so whether the pace was below a couple of posts a week cannot be told; check on the platform whether the account announced a lower pace.")
		case len(v.missing) > 0:
			due := v.noticeDue(v.missing)
			return say(Fail,
				fmt.Sprintf(". Kontot publicerade %s, under gränsen på %s, men inget eget inlägg %s meddelade att kontot skulle publicera mer sällan.", rate.SV, decimal(p.th.MinPerWeek, -1).SV, due.SV),
				fmt.Sprintf(". The account posted %s, below the limit of %s, but no own post %s announced that it would post less often.", rate.EN, decimal(p.th.MinPerWeek, -1).EN, due.EN))
		}
		due := v.noticeDue(v.unseen)
		ev = append(ev, p.cov.evidence(page, source))
		return say(Manual,
			fmt.Sprintf(". Kontot publicerade %s, men flödet når inte tillbaka till tiden %s, då ett meddelande skulle ha publicerats; kontrollera på plattformen om kontot meddelade en lägre takt.", rate.SV, due.SV),
			fmt.Sprintf(". The account posted %s, but the feed does not reach back to the time %s when a notice would have been posted; check on the platform whether the account announced a lower pace.", rate.EN, due.EN))
	}
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// fixHoliday names the platform.
func fixHoliday(acc scanner.Account) Text {
	on := onPlatform(acc)
	return Text{
		SV: "Skriv ett inlägg " + on.SV + " innan nästa semesterperiod börjar om att ni publicerar mer sällan under perioden och när ni är tillbaka som vanligt.",
		EN: "Write a post " + on.EN + " before the next holiday period begins saying that you will post less often during it and when you will be back as usual.",
	}
}

// summerPosts are Kulturförvaltningen's own posts of a quiet summer as the
// demo's August scan sees them: two a week until midsommar, then one every
// two weeks, and, when announced, a notice on 2026-06-17.
func summerPosts(announced bool) scanner.Result {
	posts := append(ownPosts(6, time.Date(2026, 8, 20, 10, 0, 0, 0, Stockholm), 14*24*time.Hour),
		ownPosts(30, time.Date(2026, 6, 16, 10, 0, 0, 0, Stockholm), 84*time.Hour)...)
	for i := range posts {
		posts[i].ID = fmt.Sprint(113400000000000000 + i)
		posts[i].URL = "https://mastodon.demo.example/@kulturforvaltningen/" + posts[i].ID
		posts[i].Text = "Veckans tips från kulturen i Stockholm."
	}
	if announced {
		posts = append(posts, scanner.Post{
			ID: "113399999999999999", URL: "https://mastodon.demo.example/@kulturforvaltningen/113399999999999999",
			Published: time.Date(2026, 6, 17, 9, 0, 0, 0, Stockholm),
			Text:      "Nu tar vi sommaruppehåll! Under sommaren publicerar vi färre inlägg. Vi är tillbaka i augusti.",
		})
	}
	scanner.SortNewestFirst(posts)
	return demoFetched(demoProfile(), posts...)
}

// holidaySamples: 30 own posts in the autumn window (no holiday in it); a
// quiet summer announced on 2026-06-17; the same summer unannounced.
var holidaySamples = []Sample{
	{Name: "no holiday in the window 2026-08-22 – 2026-11-20", Result: demoFetched(demoProfile(), ownPosts(30, sampleNewest, 3*24*time.Hour)...), Want: Pass},
	{Name: "quiet summer announced 2026-06-17", Result: summerPosts(true), AsOf: SummerAsOf, Want: Pass},
	{Name: "quiet summer never announced", Result: summerPosts(false), AsOf: SummerAsOf, Want: Fail},
}
