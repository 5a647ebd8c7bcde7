package sample

import (
	"strconv"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// The audit report sample: shaped like the demo, judged by the real
// rules, with a previous scan in the history. The checklist sample's
// accounts (platforms without a public surface, a blog without contact
// details, a Mastodon account unread for the second scan running) and a
// culture administration with an account that passes, one not used for
// half a year and one whose registry link leads nowhere.
const (
	granskningKultur = "Kulturförvaltningen"
	granskningPrev   = "2026-08-21"
)

// granskningResults are the sample's scan results.
func granskningResults() []scanner.Result {
	acc := func(name string, p scanner.Platform, platformName, url string, row int) scanner.Account {
		return scanner.Account{Source: "konton.csv", Row: row, Administration: granskningKultur, Name: name, PlatformName: platformName,
			Platform: p, URL: url, Purpose: "Berätta om stadens kulturutbud", Goals: "Fler besökare", Audience: "Stockholmare",
			Owner: "Eva Ek", Website: "https://kultur.example/"}
	}
	days := func(n int) time.Time { return sampleAsOf.AddDate(0, 0, -n).Add(11 * time.Hour) }
	var posts []scanner.Post
	for i := 1; i <= 40; i++ {
		id := strconv.Itoa(1000 + i)
		posts = append(posts, scanner.Post{ID: id, URL: "https://social.example/@kulturhuset/" + id, Published: days(2 * i)})
	}
	good := scanner.Profile{
		DisplayName: "Kulturhuset",
		Description: "Kulturhuset drivs av Kulturförvaltningen i Stockholms stad. Här tipsar vi om utställningar, konserter och verkstäder för barn och vuxna. Det du skriver här kan bli allmän handling.",
		Links:       []scanner.Link{{URL: "https://kultur.example/", Text: "Webbplats"}, {URL: "mailto:kulturhuset@example.se", Text: "kulturhuset@example.se"}},
	}
	good.Text = good.DisplayName + ". " + good.Description
	old := scanner.Profile{DisplayName: "Stadsmuseet", Description: "Stadsmuseet berättar om Stockholms historia.",
		Links: []scanner.Link{{URL: "https://kultur.example/stadsmuseet", Text: "Stadsmuseet"}}}
	old.Text = old.DisplayName + ". " + old.Description
	return append(checklistResults(),
		scanner.Result{Account: acc("Kulturhuset", scanner.Mastodon, "Mastodon", "https://social.example/@kulturhuset", 8), Status: scanner.FetchOK,
			Fetched: scanner.Fetched{Profile: good, Posts: posts, Page: "https://social.example/@kulturhuset"}},
		scanner.Result{Account: acc("Stadsmuseet", scanner.Mastodon, "Mastodon", "https://social.example/@stadsmuseet", 9), Status: scanner.FetchOK,
			Fetched: scanner.Fetched{Profile: old, Posts: []scanner.Post{{ID: "s1", URL: "https://social.example/@stadsmuseet/1", Published: days(190)}},
				Page: "https://social.example/@stadsmuseet"}},
		scanner.Result{Account: acc("Kulturnatten", scanner.Bluesky, "Bluesky", "https://bsky.app/profile/kulturnatten.example", 10), Status: scanner.FetchFailed,
			Err: &scanner.FetchError{Kind: scanner.ErrNotFound, StatusCode: 404, Detail: "Profile not found",
				URL: "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=kulturnatten.example"}},
	)
}

// granskningReport is the audit report sample in lang: the previous scan
// had the same accounts but Kulturnatten, Kulturhuset failed its contact
// details then, and the Mastodon account of Idrottsförvaltningen could
// not be read then either.
func granskningReport(lang string) *model.Report {
	catalog := checklistCatalog()
	var judged []rules.Judged
	for _, res := range granskningResults() {
		judged = append(judged, rules.Judge(catalog, res, sampleAsOf))
	}
	meta := model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit 0.1.0", Lang: lang, Registry: "konton.csv", Report: sampleReportInfo}
	prev, _ := time.ParseInLocation(time.DateOnly, granskningPrev, rules.Stockholm)
	key := func(url string) string { return scanner.Account{URL: url}.Key() }
	h := &model.History{
		Previous: prev,
		Changes: map[model.FindingKey]model.Change{
			{Account: key("https://social.example/@kulturhuset"), Rule: rules.ContactDetails}:  {Kind: model.ChangeFixed},
			{Account: key("https://social.example/@stadsmuseet"), Rule: rules.InactiveAccount}: {Kind: model.ChangeNew},
			{Account: key("https://idrott.example/blogg"), Rule: rules.ContactDetails}:         {Kind: model.ChangePersisting, FailingSince: prev},
		},
		Added:         []model.AccountRef{{Administration: granskningKultur, Name: "Kulturnatten", URL: "https://bsky.app/profile/kulturnatten.example"}},
		InactiveScans: map[string]int{key("https://social.example/@stadsmuseet"): 1},
		UnreadScans: map[string]int{key("https://social.example/@idrott"): 2,
			key("https://bsky.app/profile/kulturnatten.example"): 1},
	}
	// The current scan's trend points are the report's own counts, as
	// the history computes them from the scan being reported.
	now := model.Build(judged, catalog, meta, model.Inputs{})
	for _, a := range now.Administrations {
		noneRead := a.Counts.AccountsRead == 0
		h.Trend = append(h.Trend, model.TrendPoint{AsOf: prev, Administration: a.Name, Pass: max(a.Counts.Pass-2, 0), Fail: a.Counts.Fail + 1, NoneRead: noneRead},
			model.TrendPoint{AsOf: sampleAsOf, Administration: a.Name, Pass: a.Counts.Pass, Fail: a.Counts.Fail, NoneRead: noneRead})
	}
	return model.Build(judged, catalog, meta, model.Inputs{History: h})
}
