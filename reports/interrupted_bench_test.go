package reports

import (
	"fmt"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

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

// BenchmarkInterruptedReports5000 builds and writes every report of a
// 5,000-account audit interrupted after 14 accounts, 40 administrations:
// what a person waits for after Ctrl-C. Target: report-s under 5 s.
func BenchmarkInterruptedReports5000(b *testing.B) {
	judged := interruptedJudged(5000, 14, sampleAsOf, scanner.Result{Status: scanner.FetchNotReached})
	catalog := rules.All(rules.DefaultConfig())
	dir := b.TempDir()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		r := model.Build(judged, catalog, model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit bench", Lang: "sv", Registry: "konton.xlsx",
			Notes: []string{model.L("sv", "note.interrupted")}})
		if r.Summary.NotReached != 4986 || !r.Meta.Interrupted {
			b.Fatalf("not reached %d, interrupted %v", r.Summary.NotReached, r.Meta.Interrupted)
		}
		if _, err := WriteAll(dir, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(time.Since(start).Seconds()/float64(b.N), "report-s")
}
