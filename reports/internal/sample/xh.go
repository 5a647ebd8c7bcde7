package sample

import (
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// Audit dates of the scans before the sample's.
var (
	xhFirst     = time.Date(2026, 5, 20, 0, 0, 0, 0, rules.Stockholm)
	xhPrevious  = time.Date(2026, 8, 20, 0, 0, 0, 0, rules.Stockholm)
	xhWaiverEnd = time.Date(2027, 6, 30, 0, 0, 0, 0, rules.Stockholm)
)

// Accounts of the history sample, as the report's keys name them.
const (
	xhOstermalmURL   = "https://social.example/@ostermalm"
	xhKulturhusetURL = "https://social.example/@kulturhuset"
	xhTeaternURL     = "https://social.example/@stadsteatern"
)

// xhJudged is the sample scan plus a Kulturförvaltningen account new
// in the registry, with a waived finding and one whose waiver expired.
// Östermalm's account has a web site for its closure notice.
func xhJudged() []rules.Judged {
	judged := sampleJudged()
	judged[0].Result.Account.Website = "https://start.stockholm/ostermalm"
	acc := scanner.Account{Source: "konton.csv", Row: 6, Administration: "Kulturförvaltningen", Name: "Stadsteatern",
		PlatformName: "mastodon", Platform: scanner.Mastodon, URL: xhTeaternURL, Owner: "Bo Berg"}
	waived := finding(rules.CityAffiliation, rules.Waived, "Profilen nämner inte förvaltningen.", "The profile does not name the administration.")
	waived.Waiver = &rules.Waiver{Reason: "Teaterns varumärke står för sig självt", ApprovedBy: "Kommunikationsavdelningen",
		Expires: xhWaiverEnd, Source: "undantag.yaml:3"}
	expired := finding(rules.InactiveAccount, rules.Fail, "Senaste egna inlägg 2026-07-01, 142 dagar sedan.", "Last own post 2026-07-01, 142 days ago.")
	expired.Waiver = &rules.Waiver{Reason: "Uppehåll under ombyggnad", ApprovedBy: "Kommunikationsavdelningen",
		Expires: xhPrevious, Expired: true, Source: "undantag.yaml:9"}
	return append(judged, rules.Judged{Result: scanner.Result{Account: acc, Status: scanner.FetchOK},
		LastOwnPost: time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC), OwnPostsInWindow: 0,
		Findings: []rules.Finding{waived, expired}})
}

// xhKey is the finding key of rule on the account at url.
func xhKey(url, rule string) model.FindingKey {
	return model.FindingKey{Account: model.AccountKey(scanner.Account{URL: url}), Rule: rule}
}

// xhHistory is what two earlier stored scans add to xhJudged:
// every kind of change, an added and a removed account, a trend with a
// gap, an inactive streak and three answers, one asking for a waiver.
func xhHistory() *model.History {
	return &model.History{
		Previous: xhPrevious,
		Changes: map[model.FindingKey]model.Change{
			xhKey(xhOstermalmURL, rules.CityAffiliation):   {Kind: model.ChangeReopened},
			xhKey(xhOstermalmURL, rules.InactiveAccount):   {Kind: model.ChangePersisting, FailingSince: xhFirst},
			xhKey(xhKulturhusetURL, rules.CityAffiliation): {Kind: model.ChangeFixed},
			xhKey(xhTeaternURL, rules.InactiveAccount):     {Kind: model.ChangeNew},
		},
		Added:   []model.AccountRef{{Administration: "Kulturförvaltningen", Name: "Stadsteatern", URL: xhTeaternURL}},
		Removed: []model.AccountRef{{Administration: "Östermalms stadsdelsförvaltning", Name: "Östermalm evenemang", URL: "https://social.example/@ostevent"}},
		Trend: []model.TrendPoint{
			{AsOf: xhFirst, Administration: "Östermalms stadsdelsförvaltning", Pass: 0, Fail: 2},
			{AsOf: xhPrevious, Administration: "Östermalms stadsdelsförvaltning", Pass: 1, Fail: 1},
			{AsOf: xhPrevious, Administration: "Kulturförvaltningen", Pass: 1, Fail: 3},
			{AsOf: sampleAsOf, Administration: "Östermalms stadsdelsförvaltning", Pass: 0, Fail: 2},
			{AsOf: sampleAsOf, Administration: "Kulturförvaltningen", Pass: 2, Fail: 1},
		},
		InactiveScans: map[string]int{xhKey(xhOstermalmURL, "").Account: 3},
		Responses: map[model.FindingKey]model.Response{
			xhKey(xhOstermalmURL, rules.InactiveAccount):   {Answer: "Kontot avslutas", Comment: "Stängs i december", AsOf: xhPrevious},
			xhKey(xhOstermalmURL, rules.CityAffiliation):   {Answer: "Begär undantag", Comment: "Profilen rymmer ingen mer text", AsOf: xhPrevious},
			xhKey(xhKulturhusetURL, rules.CityAffiliation): {Answer: "Åtgärdad", AsOf: xhPrevious},
		},
	}
}

// xhReport is the history sample's report in lang.
func xhReport(lang string) *model.Report {
	return model.Build(xhJudged(), sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: lang, Registry: "konton.csv"},
		model.Inputs{History: xhHistory()})
}
