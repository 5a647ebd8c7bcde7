package sample

import (
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// The checklist sample: two administrations judged by the real rules.
// Idrottsförvaltningen has a LinkedIn page (never public), a Facebook page
// without a Meta token, and a blog whose feed is too short to judge how
// often it posts and no contact details, and a Mastodon account that
// could not be read; Miljöförvaltningen has an X account without a token.
const (
	checklistAdmin = "Idrottsförvaltningen"
	checklistOther = "Miljöförvaltningen"
	idrottSlug     = "idrottsforvaltningen"
)

// checklistCatalog is the real rule catalog with default thresholds.
func checklistCatalog() []rules.Rule { return rules.All(rules.DefaultConfig()) }

// checklistResults are the sample's scan results.
func checklistResults() []scanner.Result {
	acc := func(adm, name string, p scanner.Platform, platformName, url string, row int) scanner.Account {
		return scanner.Account{Source: "konton.csv", Row: row, Administration: adm, Name: name, PlatformName: platformName,
			Platform: p, URL: url, Purpose: "Informera", Goals: "Fler besökare", Audience: "Stockholmare", Owner: "Bo Berg"}
	}
	post := func(id string, daysBefore int) scanner.Post {
		return scanner.Post{ID: id, URL: "https://idrott.example/blogg/" + id, Published: sampleAsOf.AddDate(0, 0, -daysBefore).Add(10 * time.Hour)}
	}
	return []scanner.Result{
		{Account: acc(checklistAdmin, "Idrott på LinkedIn", scanner.LinkedIn, "LinkedIn", "https://www.linkedin.com/company/idrott-stockholm", 2),
			Status: scanner.FetchUnsupported, Unsupported: scanner.NoPublicSurface},
		{Account: acc(checklistAdmin, "Idrott på Facebook", scanner.Facebook, "Facebook", "https://www.facebook.com/idrottstockholm", 3),
			Status: scanner.FetchUnsupported, Unsupported: scanner.NeedsMetaToken},
		{Account: acc(checklistAdmin, "Idrottsbloggen", scanner.Web, "Webb", "https://idrott.example/blogg", 4), Status: scanner.FetchOK,
			Fetched: scanner.Fetched{
				Profile: scanner.Profile{
					DisplayName: "Idrottsbloggen",
					Description: "Här berättar Idrottsförvaltningen i Stockholms stad om motion, simhallar och idrottsplatser i hela staden.",
					Text: "Idrottsbloggen. Här berättar Idrottsförvaltningen i Stockholms stad om motion, simhallar och idrottsplatser i hela staden. " +
						"Det du skriver här kan bli allmän handling.",
					Links: []scanner.Link{{URL: "https://start.stockholm/idrott", Text: "Idrott"}},
				},
				Posts:         []scanner.Post{post("3", 2), post("2", 6), post("1", 12)},
				CompleteSince: sampleAsOf.AddDate(0, 0, -14),
				Sources:       []string{"https://idrott.example/blogg/feed"},
			}},
		{Account: acc(checklistAdmin, "Idrott på Mastodon", scanner.Mastodon, "Mastodon", "https://social.example/@idrott", 6),
			Status: scanner.FetchFailed, Err: &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, URL: "https://social.example/api/v1/accounts/lookup?acct=idrott"}},
		{Account: acc(checklistOther, "Miljö på X", scanner.X, "X", "https://x.com/miljostockholm", 5),
			Status: scanner.FetchUnsupported, Unsupported: scanner.NeedsXToken},
	}
}

// checklistJudged judges the sample with the real rules.
func checklistJudged() []rules.Judged {
	catalog := checklistCatalog()
	var judged []rules.Judged
	for _, res := range checklistResults() {
		judged = append(judged, rules.Judge(catalog, res, sampleAsOf))
	}
	return judged
}

// checklistReport builds the checklist sample's report in lang.
func checklistReport(lang string) *model.Report {
	return model.Build(checklistJudged(), checklistCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: lang, Registry: "konton.csv"}, model.Inputs{})
}
