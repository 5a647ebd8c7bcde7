package rules

import (
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// cutAt is a result whose timeline was read back to since and whose next
// page then failed.
func cutAt(since time.Time, groups ...[]scanner.Post) scanner.Result {
	r := withPosts(since, groups...)
	r.Fetched.PostsCut = &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, URL: "https://mastodon.example/api/v1/accounts/1/statuses?max_id=9"}
	return r
}

func TestPostsCutJudgedOnlyWhenSettled(t *testing.T) {
	start := at(t, "2026-06-30 00:00")
	end := at(t, "2026-09-29 00:00")
	day := 24 * time.Hour
	runSamples(t, PostingFrequency, []sample{
		{
			name: "enough own posts on the pages read",
			res:  cutAt(end.Add(-60*day), postsFrom(end.Add(-60*day), 2*day, 30, "own")),
			want: Pass,
		},
		{
			name: "too few posts read, and the rest unknown",
			res:  cutAt(end.Add(-20*day), postsFrom(end.Add(-20*day), 2*day, 10, "own")),
			want: Error, msg: "senare sida", msgEN: "later page", evident: "max_id=9",
		},
		{
			name: "the pages read reach back over the whole window",
			res:  cutAt(start.Add(-day), postsFrom(start.Add(-day), 7*day, 14, "own")),
			cfg:  noHolidays,
			want: Fail,
		},
	})
	runSamples(t, InactiveAccount, []sample{
		{
			name: "a recent own post settles it",
			res:  cutAt(end.Add(-3*day), postsFrom(end.Add(-3*day), day, 2, "own")),
			want: Pass,
		},
		{
			name: "only replies read, and the rest unknown",
			res:  cutAt(end.Add(-5*day), postsFrom(end.Add(-5*day), day, 4, "reply")),
			want: Error, msg: "senare sida",
		},
	})
}

func TestLinksHiddenIsManualNotFail(t *testing.T) {
	hidden := fetched(scanner.Profile{Text: "Stadsbibliotekets kanal", LinksHidden: "8 more links load through /youtubei/, which robots.txt disallows"})
	visible := fetched(scanner.Profile{Text: "Stadsbibliotekets kanal"})
	for _, id := range []string{WebsiteLink, ContactDetails, ParticipationTerms} {
		t.Run(id, func(t *testing.T) {
			runSamples(t, id, []sample{
				{name: "hidden", res: hidden, want: Manual, msg: "visar inte alla", evident: "robots.txt"},
				{name: "visible and missing", res: visible, want: Fail},
			})
		})
	}
	runSamples(t, ContactDetails, []sample{{
		name: "an e-mail address in the text still passes",
		res:  fetched(scanner.Profile{Text: "Skriv till biblioteket@stockholm.se", LinksHidden: "hidden"}),
		want: Pass,
	}})
}

func TestPostsHiddenIsManualWithTheReason(t *testing.T) {
	hidden := fetched(scanner.Profile{Text: "Kanalen"})
	hidden.Fetched.PostsHidden = "robots.txt forbids the feed"
	hidden.Fetched.NoDatedPosts = true
	for _, id := range []string{PostingFrequency, InactiveAccount} {
		t.Run(id, func(t *testing.T) {
			runSamples(t, id, []sample{{name: "hidden", res: hidden, want: Manual, msg: "visar inte kontots inlägg", evident: "robots.txt forbids"}})
		})
	}
}
