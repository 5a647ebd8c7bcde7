package sample

import (
	"fmt"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// interruptedSample is the sample with three more Kulturförvaltningen
// accounts the interrupted scan never reached: Kulturförvaltningen has 6
// accounts of which 3 were checked, Östermalm 1 of 1.
func interruptedSample() []rules.Judged {
	judged := sampleJudged()
	for _, name := range []string{"Kulturnatt", "Kulturskolan", "Stadsarkivet"} {
		judged = append(judged, rules.Judged{Result: scanner.Result{Status: scanner.FetchNotReached, Account: scanner.Account{
			Source: "konton.csv", Row: 30 + len(judged), Administration: "Kulturförvaltningen", Name: name,
			PlatformName: "mastodon", Platform: scanner.Mastodon, URL: "https://social.example/@" + strings.ToLower(name)}}})
	}
	return judged
}

func interruptedReport(lang string) *model.Report {
	return model.Build(interruptedSample(), sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: lang, Registry: "konton.csv",
		Notes: []string{model.L(lang, "note.interrupted")}}, model.Inputs{})
}

// interruptedJudged is a registry of n accounts in 40 administrations of
// which the first checked were fetched (one post a week for a year) and
// the rest were not reached, as after Ctrl-C early in a big scan.
func interruptedJudged(n, checked int, asOf time.Time, notReached scanner.Result) []rules.Judged {
	catalog := rules.All(rules.DefaultConfig())
	judged := make([]rules.Judged, n)
	for i := range judged {
		acc := scanner.Account{Source: "konton.xlsx", Row: i + 2, Administration: fmt.Sprintf("Förvaltning %02d", i%40),
			Name: fmt.Sprintf("Konto %04d", i), PlatformName: "Mastodon", Platform: scanner.Mastodon,
			URL: fmt.Sprintf("https://social.example/@konto%04d", i), Purpose: "Nyheter", Goals: "Nå invånare", Audience: "Invånare", Owner: "Anna Andersson"}
		res := notReached
		res.Account = acc
		if i < checked {
			var posts []scanner.Post
			for w := 0; w < 52; w++ {
				posts = append(posts, scanner.Post{ID: fmt.Sprint(w), URL: fmt.Sprintf("%s/%d", acc.URL, w), Published: asOf.Add(-time.Duration(w*7+1) * 24 * time.Hour)})
			}
			res = scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: scanner.Fetched{
				Profile: scanner.Profile{DisplayName: acc.Name, Description: "Kulturförvaltningen i Stockholms stad berättar om bibliotek och kulturhus.",
					Text: "Kulturförvaltningen i Stockholms stad. Kontakt: kultur@stockholm.se", Links: []scanner.Link{{URL: "https://start.stockholm/", Text: "start.stockholm"}}},
				Posts: posts, Sources: []string{acc.URL}}}
		}
		judged[i] = rules.Judge(catalog, res, asOf)
	}
	return judged
}

// nothingReadReport is the basic sample with every account unreadable but
// registry checks passing, and a trend before it: no share may be shown.
func nothingReadReport() *model.Report {
	var judged []rules.Judged
	for _, j := range sampleJudged() {
		j.Result.Status = scanner.FetchFailed
		j.Result.Err = &scanner.FetchError{Kind: scanner.ErrTimeout}
		j.Findings = []rules.Finding{
			finding(rules.CityAffiliation, rules.Error, "Kontot kunde inte läsas.", "The account could not be read."),
			finding(rules.InactiveAccount, rules.Error, "Kontot kunde inte läsas.", "The account could not be read."),
			{Rule: rules.RegistryComplete, Status: rules.Pass, Message: rules.Text{SV: "Raden är komplett.", EN: "The row is complete."}},
		}
		judged = append(judged, j)
	}
	history := &model.History{Previous: historyAug, Changes: map[model.FindingKey]model.Change{},
		Trend: []model.TrendPoint{
			{AsOf: historyAug, Administration: historyKultur, Pass: 3, Fail: 1},
			{AsOf: sampleAsOf, Administration: historyKultur, Pass: 3, NoneRead: true},
			{AsOf: sampleAsOf, Administration: historyOstermalm, Pass: 1, NoneRead: true},
		}}
	return model.Build(judged, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: "sv", Registry: "konton.csv"},
		model.Inputs{History: history})
}
