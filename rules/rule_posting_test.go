package rules

import (
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// postsFrom returns n posts, the first at first and each next one step
// later, all of the given kind.
func postsFrom(first time.Time, step time.Duration, n int, kind string) []scanner.Post {
	out := make([]scanner.Post, n)
	for i := range out {
		out[i] = scanner.Post{
			URL:       "https://mastodon.example/@biblioteket/" + kind,
			Published: first.Add(time.Duration(i) * step),
			Reply:     kind == "reply",
			Repost:    kind == "repost",
		}
	}
	return out
}

func withPosts(since time.Time, groups ...[]scanner.Post) scanner.Result {
	r := fetched(scanner.Profile{})
	for _, g := range groups {
		r.Fetched.Posts = append(r.Fetched.Posts, g...)
	}
	r.Fetched.CompleteSince = since
	return r
}

// undated is a site whose source shows no dated post (no feed).
func undated() scanner.Result {
	r := fetched(scanner.Profile{})
	r.Fetched.NoDatedPosts = true
	return r
}

func TestPostingFrequency(t *testing.T) {
	// The 91-day window ending 2026-09-28 starts 2026-06-30 (13 weeks).
	start := at(t, "2026-06-30 00:00")
	end := at(t, "2026-09-29 00:00")
	day := 24 * time.Hour
	runSamples(t, PostingFrequency, []sample{
		{
			name:  "two a week exactly",
			res:   withPosts(time.Time{}, postsFrom(start.Add(time.Hour), 3*day, 26, "own")),
			cfg:   noHolidays,
			want:  Pass,
			exact: "26",
			msg:   "26 egna inlägg på 91 dagar (2026-06-30 – 2026-09-28), 2,0 per vecka. Policyn anger att det bör publiceras minst ett par gånger i veckan; staden granskar mot minst 2 egna inlägg per vecka.",
			msgEN: "26 own posts in 91 days (2026-06-30 – 2026-09-28), 2.0 a week. The policy says",
		},
		{
			name: "a site without a feed",
			res:  undated(),
			want: Manual, msg: "inga daterade inlägg", msgEN: "no dated posts",
		},
		{
			// An audit of a past date, read from a feed that now reaches
			// back only to after it: the feed has dated posts, it just
			// does not reach the period.
			name: "a feed that starts after the audit date",
			res:  withPosts(at(t, "2026-10-15 08:00")),
			want: Manual, msg: "når bara tillbaka till 2026-10-15", msgEN: "only reaches back to 2026-10-15",
		},
		{
			name: "a short feed whose own pace proves it",
			res:  withPosts(end.Add(-49*day), postsFrom(end.Add(-49*day), 3*day+6*time.Hour, 15, "own")),
			want: Pass, msg: "15 egna inlägg på 49 dagar (2026-08-11 – 2026-09-28), 2,1 per vecka. Flödet når bara tillbaka till 2026-08-11", msgEN: "15 own posts in 49 days (2026-08-11 – 2026-09-28), 2.1 a week.",
			exact: "2026-08-11 – 2026-09-28",
		},
		{
			name: "a short feed spanning too few days proves nothing",
			res:  withPosts(end.Add(-10*day), postsFrom(end.Add(-10*day), 12*time.Hour, 15, "own")),
			want: Manual,
		},
		{
			name: "a short feed too slow to prove it",
			res:  withPosts(end.Add(-56*day), postsFrom(end.Add(-56*day), 5*day, 10, "own")),
			want: Manual, msg: "10 egna inlägg på 56 dagar (2026-08-04 – 2026-09-28), 1,2 per vecka. Flödet når bara tillbaka till 2026-08-04",
		},
		{name: "one post short", res: withPosts(time.Time{}, postsFrom(start.Add(time.Hour), 3*day, 25, "own")), want: Fail, exact: "1.9"},
		{
			name: "replies and reposts do not count",
			res: withPosts(time.Time{},
				postsFrom(start.Add(time.Hour), 7*day, 13, "own"),
				postsFrom(start.Add(2*time.Hour), 7*day, 13, "reply"),
				postsFrom(start.Add(3*time.Hour), 7*day, 13, "repost")),
			want:  Fail,
			exact: "13",
		},
		{
			name:  "window edges: start counts, next day does not",
			res:   withPosts(time.Time{}, postsFrom(start, 0, 13, "own"), postsFrom(end, 0, 13, "own"), postsFrom(start.Add(-time.Second), 0, 13, "own")),
			want:  Fail,
			exact: "13",
		},
		{
			name:    "period is shown as dates",
			res:     withPosts(time.Time{}),
			want:    Fail,
			exact:   "2026-06-30 – 2026-09-28",
			evident: "kontots hela historik",
		},
		{
			name:    "feed too short to judge",
			res:     withPosts(at(t, "2026-09-01 12:00"), postsFrom(at(t, "2026-09-02 10:00"), day, 5, "own")),
			want:    Manual,
			msg:     "når bara tillbaka till 2026-09-01",
			msgEN:   "only reaches back to 2026-09-01",
			evident: "2026-09-01",
		},
		{
			name: "feed reaching back over the window",
			res:  withPosts(at(t, "2026-06-01 12:00"), postsFrom(at(t, "2026-09-02 10:00"), day, 5, "own")),
			cfg:  noHolidays,
			want: Fail,
		},
		{
			name: "short feed is enough when the rate is met",
			res:  withPosts(at(t, "2026-09-01 12:00"), postsFrom(at(t, "2026-09-02 10:00"), time.Hour, 26, "own")),
			want: Pass,
		},
		{
			name: "platform override",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-09-22 09:00"), day, 1, "own")),
			cfg: func(c *Config) {
				c.Posting.Platforms = map[string]Posting{"Mastodon": {WindowDays: 7, MinPerWeek: 1}}
			},
			want:  Pass,
			exact: "2026-09-22 – 2026-09-28",
		},
		{
			name: "override of another platform does not apply",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-09-22 09:00"), day, 1, "own")),
			cfg: func(c *Config) {
				c.Posting.Platforms = map[string]Posting{"web": {WindowDays: 7, MinPerWeek: 1}}
			},
			want: Fail,
		},
	})
}

// noHolidays leaves out the holiday periods, for cases about the pace
// alone whose window (2026-06-30 – 2026-09-28) holds part of the summer.
func noHolidays(c *Config) { c.Holidays.Periods = nil }
