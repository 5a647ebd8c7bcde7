package rules

import (
	"fmt"
	"strconv"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// holidayView is what the holiday periods in an account's posting window
// say about its pace: which periods fall in it, and for each whether an
// own post announced a lower pace, none did, or the feed does not reach
// back to when one would have been posted.
type holidayView struct {
	cfg        HolidayConfig
	runs       []holidayRun
	hDays      int // days of the figures' period that are holiday
	nDays      int // days of the figures' period
	notices    []notice
	missing    []holidayRun // no notice, and the feed shows the time one was due
	unseen     []holidayRun // no notice seen, but the feed does not reach back to its time
	start, end time.Time
}

// viewHolidays reads the holiday periods of p's period for res.
func viewHolidays(cfg Config, res *scanner.Result, p pace) holidayView {
	v := holidayView{cfg: cfg.Holidays, start: p.from, end: p.end, nDays: p.nDays}
	v.runs = runsIn(cfg.Holidays.Periods, p.from, p.end)
	v.hDays = holidayDays(v.runs, p.from, p.end)
	for _, r := range v.runs {
		if n, ok := cfg.Holidays.noticeFor(res.Fetched.Posts, r); ok {
			v.notices = append(v.notices, n)
			continue
		}
		if p.cov.startsAfter(cfg.Holidays.noticeFrom(r)) {
			v.unseen = append(v.unseen, r)
		} else {
			v.missing = append(v.missing, r)
		}
	}
	return v
}

// part words which part of the period was holiday.
func (v holidayView) part() Text {
	return holidayPart(v.runs, v.hDays, v.nDays)
}

// note is the sentence a posting finding adds when holidays fall in its
// period, led by a space; empty when none do.
func (v holidayView) note() Text {
	if len(v.runs) == 0 {
		return Text{}
	}
	pt := v.part()
	return Text{SV: " " + pt.SV + ".", EN: " " + pt.EN + "."}
}

// noticeDates words when the notices of the unannounced runs were due:
// "mellan 2026-05-20 och 2026-06-19".
func (v holidayView) noticeDue(runs []holidayRun) Text {
	var sv, en []string
	for _, r := range runs {
		from, last := dateOf(v.cfg.noticeFrom(r)), dateOf(r.From)
		sv = append(sv, fmt.Sprintf("mellan %s och %s inför %s", from, last, r.name().SV))
		en = append(en, fmt.Sprintf("between %s and %s before %s", from, last, r.name().EN))
	}
	return Text{SV: joinList(sv, "eller"), EN: joinList(en, "or")}
}

// judgeShortPace judges a pace below the threshold over the whole window
// seen, when holidays fall in it: announced holidays excuse it if the days
// outside them keep the pace (or are too few to measure); an unannounced
// one does not; a notice the feed cannot show leaves it to a person.
func (v holidayView) judgeShortPace(res *scanner.Result, p pace, ev *[]Evidence, judged func(Status, Text) Finding) Finding {
	for _, n := range v.notices {
		*ev = append(*ev, noticeEvidence(n))
	}
	pt := v.part()
	switch {
	case len(v.missing) > 0:
		due := v.noticeDue(v.missing)
		return judged(Fail, Text{
			SV: " " + pt.SV + ", men inget eget inlägg " + due.SV + " meddelade att kontot skulle publicera mer sällan (se " + reqHoliday.Title.SV + ").",
			EN: " " + pt.EN + ", but no own post " + due.EN + " announced that the account would post less often (see " + reqHoliday.Title.EN + ").",
		})
	case len(v.unseen) > 0:
		due := v.noticeDue(v.unseen)
		return judged(Manual, Text{
			SV: " " + pt.SV + ". Flödet når inte tillbaka till tiden " + due.SV + ", då ett inlägg om lägre takt skulle ha publicerats; kontrollera på plattformen om kontot meddelade det.",
			EN: " " + pt.EN + ". The feed does not reach back to the time " + due.EN + " when a post about a lower pace would have been published; check on the platform whether the account announced it.",
		})
	}
	announced := Text{SV: " " + pt.SV + " och kontot meddelade i ett inlägg att det skulle publicera mer sällan då.", EN: " " + pt.EN + " and the account announced in a post that it would post less often then."}
	outDays := p.nDays - v.hDays
	if outDays < int(minCovered/(24*time.Hour)) {
		return judged(Pass, announced)
	}
	outN := ownPostsOutside(res.Fetched.Posts, v.runs, p.from, p.end)
	outRate := float64(outN) / (float64(outDays) / 7)
	r := decimal(outRate, 1)
	*ev = append(*ev, Evidence{Label: Text{SV: "Egna inlägg per vecka utanför semesterperioden", EN: "Own posts per week outside the holiday period"}, Value: r.EN, ValueText: r})
	posts := count(outN, ownPostNoun[0], ownPostNoun[1])
	outside := Text{
		SV: fmt.Sprintf(" Utanför semesterperioden: %s på %s, %s per vecka.", posts.SV, days(outDays).SV, r.SV),
		EN: fmt.Sprintf(" Outside the holiday period: %s in %s, %s a week.", posts.EN, days(outDays).EN, r.EN),
	}
	if outRate >= p.th.MinPerWeek {
		return judged(Pass, Text{SV: announced.SV + outside.SV, EN: announced.EN + outside.EN})
	}
	return judged(Fail, Text{
		SV: announced.SV + outside.SV + " Semestern förklarar inte den låga takten resten av perioden.",
		EN: announced.EN + outside.EN + " The holiday does not explain the low pace in the rest of the period.",
	})
}

// holidayDaysEvidence is the count of holiday days in the period.
func holidayDaysEvidence(v holidayView) Evidence {
	s := dayShare(v.hDays, v.nDays)
	return Evidence{Label: Text{SV: "Semesterdagar i perioden", EN: "Holiday days in the period"}, Value: strconv.Itoa(v.hDays), ValueText: s}
}
