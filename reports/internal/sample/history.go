package sample

import (
	"fmt"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// The history sample's earlier scans.
var (
	historyMay = time.Date(2026, 5, 20, 0, 0, 0, 0, rules.Stockholm)
	historyAug = time.Date(2026, 8, 20, 0, 0, 0, 0, rules.Stockholm)
)

// historyBuilder assembles a report with history: the sample's accounts
// plus some of its own, and what three stored scans say about them.
type historyBuilder struct {
	judged []rules.Judged
	hist   model.History
}

func newHistoryBuilder() *historyBuilder {
	return &historyBuilder{judged: sampleJudged(), hist: model.History{Previous: historyAug,
		Changes: map[model.FindingKey]model.Change{}, InactiveScans: map[string]int{}, Responses: map[model.FindingKey]model.Response{}}}
}

// account adds a fetched account with one finding per rule of the sample
// catalog; it returns the account for the other steps.
func (b *historyBuilder) account(adm, name, url, website string, affiliation, inactive rules.Status) scanner.Account {
	acc := scanner.Account{Source: "konton.csv", Row: 20 + len(b.judged), Administration: adm, Name: name,
		PlatformName: "mastodon", Platform: "mastodon", URL: url, Website: website, Owner: "Per Persson"}
	b.judged = append(b.judged, rules.Judged{Result: scanner.Result{Account: acc, Status: scanner.FetchOK},
		LastOwnPost: time.Date(2026, 1, 9, 10, 0, 0, 0, time.UTC),
		Findings: []rules.Finding{
			finding(rules.CityAffiliation, affiliation, "Profilen nämner inte Stockholms stad.", "The profile does not name the City of Stockholm."),
			finding(rules.InactiveAccount, inactive, "Senaste egna inlägg 2026-01-09.", "Last own post 2026-01-09."),
		}})
	return acc
}

// waive puts a waiver on an account's finding; an applied one waives it.
func (b *historyBuilder) waive(acc scanner.Account, rule string, w rules.Waiver) {
	for i := range b.judged {
		if b.judged[i].Result.Account.URL != acc.URL {
			continue
		}
		for k := range b.judged[i].Findings {
			fd := &b.judged[i].Findings[k]
			if fd.Rule == rule {
				fd.Waiver = &w
				if !w.Expired {
					fd.Status = rules.Waived
				}
			}
		}
	}
}

func (b *historyBuilder) change(acc scanner.Account, rule string, kind model.ChangeKind, since time.Time) {
	b.hist.Changes[model.FindingKey{Account: model.AccountKey(acc), Rule: rule}] = model.Change{Kind: kind, FailingSince: since}
}

func (b *historyBuilder) respond(acc scanner.Account, rule, answer, comment string) {
	b.hist.Responses[model.FindingKey{Account: model.AccountKey(acc), Rule: rule}] = model.Response{Answer: answer, Comment: comment, AsOf: historyAug}
}

// trend adds one administration's pass and fail counts per scan, oldest
// first, at the given audit dates.
func (b *historyBuilder) trend(adm string, dates []time.Time, passFail ...[2]int) {
	for i, pf := range passFail {
		b.hist.Trend = append(b.hist.Trend, model.TrendPoint{AsOf: dates[i], Administration: adm, Pass: pf[0], Fail: pf[1]})
	}
}

func (b *historyBuilder) build(lang string) *model.Report {
	h := b.hist
	return model.Build(b.judged, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: lang, Registry: "konton.csv"},
		model.Inputs{History: &h})
}

// The accounts the history sample adds to the sample's.
const (
	historyKultur    = "Kulturförvaltningen"
	historyOstermalm = "Östermalms stadsdelsförvaltning"
)

// historyReport is the sample with three scans of history: every kind of
// change, accounts added and removed, a waived finding and one whose
// waiver expired, answers including a waiver request, and a closure
// candidate inactive for three scans in a row.
func historyReport(lang string) *model.Report {
	b := newHistoryBuilder()
	ostermalm := b.judged[0].Result.Account
	kulturhuset := b.judged[1].Result.Account
	skolan := b.account(historyKultur, "Kulturskolan", "https://social.example/@kulturskolan", "https://kulturskolan.stockholm/", rules.Fail, rules.Fail)
	natt := b.account(historyKultur, "Kulturnatt", "https://social.example/@kulturnatt", "", rules.Fail, rules.Pass)
	b.waive(natt, rules.CityAffiliation, rules.Waiver{Reason: "Samarrangemang med föreningslivet", ApprovedBy: "Anna Berg",
		Expires: time.Date(2027, 6, 30, 0, 0, 0, 0, rules.Stockholm), Source: "undantag.yaml:3"})
	b.waive(skolan, rules.CityAffiliation, rules.Waiver{Reason: "Ny profiltext på väg", ApprovedBy: "Bo Ek",
		Expires: time.Date(2026, 10, 31, 0, 0, 0, 0, rules.Stockholm), Expired: true, Source: "undantag.yaml:9"})

	b.change(ostermalm, rules.CityAffiliation, model.ChangePersisting, historyMay)
	b.change(ostermalm, rules.InactiveAccount, model.ChangeNew, time.Time{})
	b.change(kulturhuset, rules.CityAffiliation, model.ChangeFixed, time.Time{})
	b.change(skolan, rules.CityAffiliation, model.ChangeReopened, time.Time{})
	b.change(skolan, rules.InactiveAccount, model.ChangePersisting, historyMay)
	b.hist.InactiveScans[model.AccountKey(ostermalm)] = 1
	b.hist.InactiveScans[model.AccountKey(skolan)] = 3
	b.respond(ostermalm, rules.CityAffiliation, "Begär undantag", "Kontot drivs tillsammans med en förening")
	b.respond(kulturhuset, rules.CityAffiliation, "Åtgärdad", "Profiltexten ändrad i september")
	b.respond(skolan, rules.InactiveAccount, "Kontot avslutas", "Avslutas vid årsskiftet")
	b.hist.Added = []model.AccountRef{{Administration: historyKultur, Name: "Kulturnatt", URL: natt.URL}}
	b.hist.Removed = []model.AccountRef{{Administration: historyOstermalm, Name: "Östermalm evenemang", URL: "https://social.example/@ostermalmevent"}}

	dates := []time.Time{historyMay, historyAug, sampleAsOf}
	b.trend(historyKultur, dates, [2]int{1, 3}, [2]int{2, 2}, [2]int{3, 2})
	b.trend(historyOstermalm, dates, [2]int{1, 2}, [2]int{2, 1}, [2]int{0, 2})
	return b.build(lang)
}

// historyManyReport has a trend of fourteen administrations over ten
// scans, more than one chart and the table keep.
func historyManyReport(lang string) *model.Report {
	b := newHistoryBuilder()
	var dates []time.Time
	for i := 0; i < 10; i++ {
		dates = append(dates, time.Date(2024, time.Month(3*i+1), 15, 0, 0, 0, 0, rules.Stockholm))
	}
	for a := 0; a < 14; a++ {
		var pf [][2]int
		for i := range dates {
			pf = append(pf, [2]int{(a*3 + i*7) % 11, (a + i) % 5})
		}
		b.trend(fmt.Sprintf("Förvaltning %02d", a), dates, pf...)
	}
	return b.build(lang)
}

// historyTwoScansReport has a trend of only two scans: the chart's ticks
// are then a page's width apart, and both dates must stay on the page.
func historyTwoScansReport(lang string) *model.Report {
	b := newHistoryBuilder()
	dates := []time.Time{historyAug, sampleAsOf}
	b.trend(historyKultur, dates, [2]int{1, 3}, [2]int{3, 1})
	return b.build(lang)
}

// firstScanReport is the history sample's first stored scan: a trend of
// one point and nothing earlier to compare with.
func firstScanReport(lang string) *model.Report {
	b := newHistoryBuilder()
	b.hist.Previous = time.Time{}
	b.trend(historyKultur, []time.Time{sampleAsOf}, [2]int{1, 0})
	return b.build(lang)
}
