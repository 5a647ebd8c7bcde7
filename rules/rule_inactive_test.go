package rules

import (
	"testing"
	"time"
)

func TestInactiveAccount(t *testing.T) {
	// With 90 days, the last own post must be on 2026-06-30 or later.
	runSamples(t, InactiveAccount, []sample{
		{
			name: "posted on the last allowed day",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-06-30 00:00"), 0, 1, "own")),
			want: Pass, exact: "90", evident: "2026-06-30",
		},
		{
			name: "one day too old",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-06-29 23:59"), 0, 1, "own")),
			want: Fail, exact: "91", msg: "2026-06-29, 91 dagar", msgEN: "91 days before",
		},
		{
			name:    "newest own post wins",
			res:     withPosts(time.Time{}, postsFrom(at(t, "2026-01-01 10:00"), 0, 1, "own"), postsFrom(at(t, "2026-09-20 10:00"), 0, 1, "own")),
			want:    Pass,
			exact:   "8",
			evident: "https://mastodon.example/@biblioteket/own",
		},
		{
			name: "recent reposts do not keep an account alive",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-01-01 10:00"), 0, 1, "own"), postsFrom(at(t, "2026-09-27 10:00"), 0, 3, "repost")),
			want: Fail,
		},
		{
			name: "posts after the as-of day are ignored",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-09-29 00:00"), 0, 1, "own")),
			want: Fail, msg: "Inga egna inlägg",
		},
		{
			name: "no posts in the whole history",
			res:  withPosts(time.Time{}),
			want: Fail, msg: "Inga egna inlägg", msgEN: "closed",
		},
		{
			name: "no posts in a short feed",
			res:  withPosts(at(t, "2026-08-01 08:00")),
			want: Manual, msg: "når bara tillbaka till 2026-08-01", evident: "2026-08-01",
		},
		{
			name: "a site without a feed",
			res:  undated(),
			want: Manual, msg: "inga daterade inlägg", msgEN: "no dated posts",
		},
		{
			name: "old post in a short feed",
			res:  withPosts(at(t, "2026-09-01 08:00"), postsFrom(at(t, "2026-02-01 10:00"), 0, 1, "own")),
			want: Manual,
		},
		{
			name: "no posts in a feed reaching back past the limit",
			res:  withPosts(at(t, "2026-06-01 08:00")),
			want: Fail,
		},
		{
			name: "configured limit",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-09-10 10:00"), 0, 1, "own")),
			cfg:  func(c *Config) { c.InactiveDays = 14 },
			want: Fail, msg: "18 dagar före granskningsdagen. Policyn anger att ett konto som inte längre används ska avslutas; staden räknar ett konto som oanvänt när det inte har något eget inlägg från de senaste 14 dagarna.",
			msgEN: "from the last 14 days",
		},
		{
			name: "one day ago is one day",
			res:  withPosts(time.Time{}, postsFrom(at(t, "2026-09-27 10:00"), 0, 1, "own")),
			want: Pass, msg: "2026-09-27, 1 dag före granskningsdagen", msgEN: "1 day before",
		},
	})
}
