package reports

import (
	"fmt"
	"strings"
	"testing"
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
			finding("city-affiliation", affiliation, "Profilen nämner inte Stockholms stad.", "The profile does not name the City of Stockholm."),
			finding("inactive-account", inactive, "Senaste egna inlägg 2026-01-09.", "Last own post 2026-01-09."),
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
	r := model.Build(b.judged, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: lang, Registry: "konton.csv"})
	h := b.hist
	r.History = &h
	return r
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
	b.waive(natt, "city-affiliation", rules.Waiver{Reason: "Samarrangemang med föreningslivet", ApprovedBy: "Anna Berg",
		Expires: time.Date(2027, 6, 30, 0, 0, 0, 0, rules.Stockholm), Source: "undantag.yaml:3"})
	b.waive(skolan, "city-affiliation", rules.Waiver{Reason: "Ny profiltext på väg", ApprovedBy: "Bo Ek",
		Expires: time.Date(2026, 10, 31, 0, 0, 0, 0, rules.Stockholm), Expired: true, Source: "undantag.yaml:9"})

	b.change(ostermalm, "city-affiliation", model.ChangePersisting, historyMay)
	b.change(ostermalm, "inactive-account", model.ChangeNew, time.Time{})
	b.change(kulturhuset, "city-affiliation", model.ChangeFixed, time.Time{})
	b.change(skolan, "city-affiliation", model.ChangeReopened, time.Time{})
	b.change(skolan, "inactive-account", model.ChangePersisting, historyMay)
	b.hist.InactiveScans[model.AccountKey(ostermalm)] = 1
	b.hist.InactiveScans[model.AccountKey(skolan)] = 3
	b.respond(ostermalm, "city-affiliation", "Begär undantag", "Kontot drivs tillsammans med en förening")
	b.respond(kulturhuset, "city-affiliation", "Åtgärdad", "Profiltexten ändrad i september")
	b.respond(skolan, "inactive-account", "Kontot avslutas", "Avslutas vid årsskiftet")
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

func TestPDFHistoryText(t *testing.T) {
	tests := []struct {
		lang, file    string
		want, notWant []string
	}{
		{"sv", model.OverviewSlug, []string{
			"Jämfört med granskningen 2026-08-20", "Förändring sedan förra granskningen", "Kvarstår sedan 2026-05-20", "Återkommande", "Ny",
			"Nya konton i förteckningen", "Kulturnatt", "Konton borttagna ur förteckningen", "Östermalm evenemang",
			"Åtgärdade sedan förra granskningen", "Utveckling över tid", "2026-05-20", "2026-08-20", "2026-11-20", "Andel uppfyllda per förvaltning och granskning",
			"Undantagna punkter", "Undantag till och med 2027-06-30, godkänt av Anna Berg: Samarrangemang med föreningslivet",
			"Undantaget gällde till och med 2026-10-31 (godkänt av Bo Ek: Ny profiltext på väg) och gäller inte längre",
			"Inaktiv, granskningar i rad", "Kontot avslutas – Avslutas vid årsskiftet",
			"Förvaltningarnas svar", "Profiltexten ändrad i september", "Begäran om undantag", "Kontot drivs tillsammans med en förening",
		}, []string{"Det här kontot"}},
		{"sv", "kulturforvaltningen", []string{
			"Jämfört med granskningen 2026-08-20", "Undantagen", "Åtgärdad", "Återkommande", "Kvarstår sedan 2026-05-20",
			"Nya konton i förteckningen: • Kulturnatt", "Undantag till och med 2027-06-30", "gäller inte längre",
			"Ert svar på granskningen 2026-08-20: Kontot avslutas – Avslutas vid årsskiftet",
			"Policyn kräver vid avslut", "Det här kontot, Kulturskolan, avslutas.", "fortsatt på kulturskolan.stockholm, där",
		}, []string{"Östermalm", "Förvaltningarnas svar", "Utveckling över tid"}},
		{"sv", "ostermalms-stadsdelsforvaltning", []string{
			"Jämfört med granskningen 2026-08-20", "Ny", "Kvarstår sedan 2026-05-20", "Konton borttagna ur förteckningen: • Östermalm evenemang",
			"Det här kontot, Östermalm nyheter, avslutas.", "på stockholm.se",
		}, []string{"Kulturskolan", "Kulturnatt", "Anna Berg"}},
		{"en", model.OverviewSlug, []string{
			"Compared with the audit of 2026-08-20", "Failing since 2026-05-20", "Reopened", "Trend over time", "Compliance per administration and audit",
			"The administrations' answers", "Exception requested", "Waiver requests", "Waived findings", "Account will be closed",
		}, []string{"Jämfört"}},
		{"en", "kulturforvaltningen", []string{
			"Waived", "Fixed", "Your answer to the audit of 2026-08-20: Account will be closed", "When closing, the policy requires",
			"Text to post on the account when it is closed (in Swedish, for the public)", "Det här kontot, Kulturskolan, avslutas.",
		}, nil},
	}
	rendered := map[string]map[string][]byte{}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.file, func(t *testing.T) {
			if rendered[tc.lang] == nil {
				rendered[tc.lang] = pdfRender(t, historyReport(tc.lang))
			}
			text := pdfFlat(pdfText(t, rendered[tc.lang][tc.file]))
			for _, s := range tc.want {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(text, s) {
					t.Errorf("text contains %q", s)
				}
			}
		})
	}
}

// TestPDFHistoryChangeTags checks that each finding's change tag sits on
// the finding's own title line, next to its badge.
func TestPDFHistoryChangeTags(t *testing.T) {
	r := historyReport("sv")
	pdfs := pdfRender(t, r)
	for _, tc := range []struct{ file, line string }{
		{"kulturforvaltningen", "Godkänd Åtgärdad Tydligt att kontot tillhör staden"},
		{"kulturforvaltningen", "Underkänd Återkommande Otydligt vem som står bakom kontot"},
		{"kulturforvaltningen", "Underkänd Kvarstår sedan 2026-05-20 Kontot verkar inte användas"},
		{"kulturforvaltningen", "Undantagen Otydligt vem som står bakom kontot"},
		{"ostermalms-stadsdelsforvaltning", "Underkänd Ny Kontot verkar inte användas"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			lines := strings.Split(pdfText(t, pdfs[tc.file], "-layout"), "\n")
			for _, l := range lines {
				if strings.Join(strings.Fields(l), " ") == tc.line {
					return
				}
			}
			t.Errorf("%s has no line %q", tc.file, tc.line)
		})
	}
}

// TestPDFHistoryLeavesOldReportsAlone renders the sample without history
// and checks that none of the history's words appear.
func TestPDFHistoryLeavesOldReportsAlone(t *testing.T) {
	for file, pdf := range pdfRender(t, sampleReport("sv")) {
		text := pdfFlat(pdfText(t, pdf))
		for _, s := range []string{"Jämfört med", "Förändring", "Utveckling över tid", "Förvaltningarnas svar", "Begäran om undantag",
			"Undantagen", "Inaktiv, granskningar", "Kvarstår", "första sparade"} {
			if strings.Contains(text, s) {
				t.Errorf("%s: text without history contains %q", file, s)
			}
		}
	}
}

func TestPDFHistoryFirstScan(t *testing.T) {
	b := newHistoryBuilder()
	b.hist.Previous = time.Time{}
	b.trend(historyKultur, []time.Time{sampleAsOf}, [2]int{1, 0})
	pdfs := pdfRender(t, b.build("sv"))
	for _, file := range []string{model.OverviewSlug, "kulturforvaltningen"} {
		text := pdfFlat(pdfText(t, pdfs[file]))
		if !strings.Contains(text, "Det här är den första sparade granskningen") || strings.Contains(text, "Jämfört med granskningen") {
			t.Errorf("%s: a first scan must say there is nothing to compare with", file)
		}
	}
	if text := pdfFlat(pdfText(t, pdfs[model.OverviewSlug])); !strings.Contains(text, "Inga svar har lämnats in.") || !strings.Contains(text, "Inga förvaltningar begär undantag.") {
		t.Errorf("overview without answers lacks the empty answers sections")
	}
}

// TestPDFTrendManyAdministrations checks that more administrations than a
// chart keeps are split over charts of even size, lowest share first, and
// that only the eight newest scans are shown.
func TestPDFTrendManyAdministrations(t *testing.T) {
	r := historyManyReport("sv")
	tr := pdfTrendOf(r.History.TrendTable(), "Totalt")
	if len(tr.dates) != model.TrendScans || model.Date(tr.dates[0]) != "2024-07-15" {
		t.Fatalf("trend keeps %d scans from %s, want the newest %d from 2024-07-15", len(tr.dates), model.Date(tr.dates[0]), model.TrendScans)
	}
	text := pdfFlat(pdfText(t, pdfRender(t, r)[model.OverviewSlug]))
	for _, s := range []string{"(diagram 1 av 2, lägst andel först)", "(diagram 2 av 2, lägst andel först)", "2026-04-15", "2024-07-15"} {
		if !strings.Contains(text, s) {
			t.Errorf("overview lacks %q", s)
		}
	}
	for _, s := range []string{"2024-01-15", "2024-04-15", "diagram 3 av"} {
		if strings.Contains(text, s) {
			t.Errorf("overview contains %q", s)
		}
	}
	// Each administration is drawn in exactly one chart: its name appears
	// once in the table and once in a legend.
	for _, s := range tr.admins {
		if n := strings.Count(text, s.name); n != 2 {
			t.Errorf("%q appears %d times, want 2 (table and one legend)", s.name, n)
		}
	}
}

func TestPDFHistoryBytesAreDeterministic(t *testing.T) {
	for _, build := range []func(string) *model.Report{historyReport, historyManyReport} {
		first := pdfRender(t, build("sv"))
		again := pdfRender(t, build("sv"))
		for file, want := range first {
			if string(again[file]) != string(want) {
				t.Errorf("%s: bytes differ between two renderings", file)
			}
		}
	}
}

func TestPDFWaiverRequestAnswerExists(t *testing.T) {
	for _, a := range model.ResponseAnswers {
		if a.SV == pdfWaiverRequest {
			return
		}
	}
	t.Errorf("ResponseAnswers lacks %q, so waiver requests would never be listed", pdfWaiverRequest)
}

// historyTwoScansReport has a trend of only two scans: the chart's ticks
// are then a page's width apart, and both dates must stay on the page.
func historyTwoScansReport(lang string) *model.Report {
	b := newHistoryBuilder()
	dates := []time.Time{historyAug, sampleAsOf}
	b.trend(historyKultur, dates, [2]int{1, 3}, [2]int{3, 1})
	return b.build(lang)
}

func TestPDFTrendChartLabelsEveryScan(t *testing.T) {
	pdf := pdfRender(t, historyTwoScansReport("sv"))[model.OverviewSlug]
	text := pdfText(t, pdf)
	// Twice as "compared with" (summary and change section), once in the
	// trend table's header and once under the chart's tick.
	if n := strings.Count(text, model.Date(historyAug)); n != 4 {
		t.Errorf("%s appears %d times in the overview, want 4 (two compared-with lines, table and chart axis)", model.Date(historyAug), n)
	}
}
