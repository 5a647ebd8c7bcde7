package pdf

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

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
				rendered[tc.lang] = pdfShared(t, "history "+tc.lang)
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
	pdfs := pdfShared(t, "history sv")
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
	for file, pdf := range pdfShared(t, "sample sv") {
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
	pdfs := pdfRender(t, firstScanReport("sv"))
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
	text := pdfFlat(pdfText(t, pdfShared(t, "trend many sv")[model.OverviewSlug]))
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
	for _, name := range []string{"history sv", "trend many sv"} {
		first := pdfShared(t, name) // the first rendering, shared with other tests
		again := pdfRender(t, pdfSharedReports[name]())
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

func TestPDFTrendChartLabelsEveryScan(t *testing.T) {
	r := historyTwoScansReport("sv")
	pdf := pdfRender(t, r)[model.OverviewSlug]
	text := pdfText(t, pdf)
	// Twice as "compared with" (summary and change section), once in the
	// trend table's header and once under the chart's tick; and as often
	// as the report's prose (summary, assessment) names the earlier scan.
	date := model.Date(historyAug)
	prose := r.Granskning.Summary.SV
	for _, p := range r.Granskning.Assessment {
		prose += p.SV
	}
	for _, s := range r.Granskning.Intro {
		prose += s.Body.SV
	}
	if n, want := strings.Count(text, date), 4+strings.Count(prose, date); n != want {
		t.Errorf("%s appears %d times in the overview, want %d (two compared-with lines, table, chart axis and the prose)", date, n, want)
	}
}
