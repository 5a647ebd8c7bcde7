package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// withNotice adds an own post with text at t.
func withNotice(r scanner.Result, t time.Time, text string) scanner.Result {
	r.Fetched.Posts = append(append([]scanner.Post(nil), r.Fetched.Posts...), scanner.Post{ID: "n", URL: "https://mastodon.example/@biblioteket/notice", Published: t, Text: text})
	return r
}

func TestHolidayRuns(t *testing.T) {
	cfg := DefaultConfig()
	tests := []struct {
		start, end string
		want       []string
	}{
		// midsommarafton moves: 2026-06-19, 2027-06-25.
		{"2026-05-23 00:00", "2026-08-22 00:00", []string{"2026-06-19 – 2026-08-15"}},
		{"2027-05-23 00:00", "2027-08-22 00:00", []string{"2027-06-25 – 2027-08-15"}},
		// Christmas runs into the next year, trettondedag jul.
		{"2026-11-01 00:00", "2027-01-31 00:00", []string{"2026-12-23 – 2027-01-06"}},
		{"2027-01-05 00:00", "2027-02-01 00:00", []string{"2026-12-23 – 2027-01-06"}},
		{"2026-08-22 00:00", "2026-11-21 00:00", nil},
	}
	for _, tt := range tests {
		t.Run(tt.start, func(t *testing.T) {
			var got []string
			for _, r := range runsIn(cfg.Holidays.Periods, at(t, tt.start), at(t, tt.end)) {
				got = append(got, r.dates())
			}
			if strings.Join(got, ";") != strings.Join(tt.want, ";") {
				t.Errorf("runs %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHolidayNotice(t *testing.T) {
	day := 24 * time.Hour
	// As of 2026-08-21 the window is 2026-05-23 – 2026-08-21; summer
	// 2026-06-19 – 2026-08-15 takes 58 of its 91 days; 33 days are outside.
	const asOf = "2026-08-21"
	before := postsFrom(at(t, "2026-05-24 10:00"), 3*day, 9, "own")  // 9 before midsommar: 1,9 a week outside alone
	summer := postsFrom(at(t, "2026-06-22 10:00"), 14*day, 4, "own") // 4 in the summer
	after := postsFrom(at(t, "2026-08-17 10:00"), day, 2, "own")     // 2 after it
	quiet := withPosts(time.Time{}, before, summer, after)           // 15 in all: 1,2 a week; 11 outside in 33 days: 2,3 a week
	announced := withNotice(quiet, at(t, "2026-06-17 09:00"), "Nu tar vi sommaruppehåll och publicerar färre inlägg. Tillbaka i augusti!")
	late := withNotice(quiet, at(t, "2026-06-22 09:00"), "Vi har sommaruppehåll nu.")
	early := withNotice(quiet, at(t, "2026-05-01 09:00"), "Sommaruppehåll i sommar.")
	runSamples(t, HolidayNotice, []sample{
		{name: "announced summer", res: announced, asOf: asOf, want: Pass,
			msg: "58 av 91 dagar i perioden infaller under sommaren (2026-06-19 – 2026-08-15), och kontot meddelade 2026-06-17", msgEN: "58 of the period's 91 days fall in the summer (2026-06-19 – 2026-08-15)",
			evident: "https://mastodon.example/@biblioteket/notice"},
		{name: "no notice", res: quiet, asOf: asOf, want: Fail,
			msg: "inget eget inlägg mellan 2026-05-20 och 2026-06-19 inför sommaren", msgEN: "no own post between 2026-05-20 and 2026-06-19 before the summer"},
		{name: "notice after the first day does not count", res: late, asOf: asOf, want: Fail},
		{name: "notice more than 30 days before does not count", res: early, asOf: asOf, want: Fail},
		{name: "more days before are configurable", res: early, asOf: asOf, want: Pass, cfg: func(c *Config) { c.Holidays.NoticeDaysBefore = 60 }},
		{name: "no holiday in the window", res: quiet, asOf: "2026-11-20", want: Pass, msg: "Ingen semesterperiod"},
		{name: "kept the pace through the summer", res: withPosts(time.Time{}, postsFrom(at(t, "2026-05-23 10:00"), 3*day, 30, "own")), asOf: asOf, want: Pass, msg: "tillräckligt ofta"},
		{name: "feed does not reach the notice's time", res: withPosts(at(t, "2026-05-22 00:00"), before, summer, after), asOf: asOf, want: Manual, msg: "når inte tillbaka"},
		{name: "a notice in a reply does not count", res: func() scanner.Result {
			r := withNotice(quiet, at(t, "2026-06-17 09:00"), "Sommaruppehåll!")
			r.Fetched.Posts[len(r.Fetched.Posts)-1].Reply = true
			return r
		}(), asOf: asOf, want: Fail},
	})
	runSamples(t, PostingFrequency, []sample{
		{name: "announced summer, pace kept outside it", res: announced, asOf: asOf, want: Pass,
			msg: "Utanför semesterperioden: 12 egna inlägg på 33 dagar, 2,5 per vecka.", evident: "https://mastodon.example/@biblioteket/notice"},
		{name: "unannounced summer", res: quiet, asOf: asOf, want: Fail, msg: "58 av 91 dagar i perioden infaller under sommaren (2026-06-19 – 2026-08-15), men inget eget inlägg"},
		{name: "announced summer, too slow outside it too", res: withNotice(withPosts(time.Time{}, summer, after), at(t, "2026-06-17 09:00"), "Sommaruppehåll!"), asOf: asOf, want: Fail,
			msg: "Semestern förklarar inte den låga takten"},
		{name: "notice unseen", res: withPosts(at(t, "2026-05-22 00:00"), before, summer, after), asOf: asOf, want: Manual},
		{name: "no holiday periods configured", res: announced, asOf: asOf, want: Fail, cfg: noHolidays},
	})
}
