package pdf

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestInterruptedPDF checks the first page of every PDF, the compact
// list of accounts not reached and that no share is shown for them.
func TestInterruptedPDF(t *testing.T) {
	for _, tt := range []struct {
		lang, overview, kultur, list, noShare, share string
	}{
		{"sv", "Granskningen avbröts: 4 av 7 konton kontrollerades.", "Granskningen avbröts: 3 av 6 konton kontrollerades.",
			"Ej kontrollerade – granskningen avbröts",
			"– (granskningen avbröts innan alla konton kontrollerades)", "0%"},
		{"en", "The audit was interrupted: 4 of 7 accounts were checked.", "The audit was interrupted: 3 of 6 accounts were checked.",
			"Not checked – the audit was interrupted",
			"– (the audit was interrupted before every account was checked)", "0%"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			r := interruptedReport(tt.lang)
			pdfs := pdfShared(t, "interrupted "+tt.lang)
			// The one-account line's wording (plural) is the model's.
			ostermalm := model.InterruptedLine(tt.lang, adminBySlug(t, r, ostermalmSlug).Counts)
			first := map[string]string{model.OverviewSlug: tt.overview, "kulturforvaltningen": tt.kultur, "ostermalms-stadsdelsforvaltning": ostermalm}
			for file, line := range first {
				if page1 := pdfFlat(pdfText(t, pdfs[file], "-f", "1", "-l", "1")); !strings.Contains(page1, line) {
					t.Errorf("%s: first page lacks %q:\n%s", file, line, page1)
				}
			}
			kultur := pdfFlat(pdfText(t, pdfs["kulturforvaltningen"]))
			if !strings.Contains(kultur, tt.noShare) {
				t.Errorf("kulturforvaltningen: lacks %q", tt.noShare)
			}
			if strings.Contains(kultur, "%") {
				t.Errorf("kulturforvaltningen shows a percentage with accounts not reached")
			}
			i := strings.Index(kultur, tt.list+" ")
			if i < 0 {
				t.Fatalf("kulturforvaltningen: no section %q", tt.list)
			}
			for _, name := range []string{"Kulturnatt", "Kulturskolan", "Stadsarkivet"} {
				if strings.Count(kultur, name) != 1 || strings.Index(kultur, name) < i {
					t.Errorf("%s: want it once, in the list of accounts not checked", name)
				}
			}
			// pdftotext may drop the space before "%".
			if ost := pdfText(t, pdfs["ostermalms-stadsdelsforvaltning"]); !strings.Contains(strings.ReplaceAll(ost, " ", ""), tt.share) {
				t.Errorf("Östermalm, fully checked, lacks its share %q", tt.share)
			}
			over := pdfFlat(pdfText(t, pdfs[model.OverviewSlug]))
			if !strings.Contains(over, tt.noShare) {
				t.Errorf("overview: total lacks %q", tt.noShare)
			}
		})
	}
}

// TestInterruptedFirstScanIsNotCalledStored: an interrupted scan is not
// stored, so it is not "the first stored audit".
func TestInterruptedFirstScanIsNotCalledStored(t *testing.T) {
	r := interruptedReport("sv")
	r.History = &model.History{Changes: map[model.FindingKey]model.Change{}, InactiveScans: map[string]int{}}
	for file, pdf := range pdfRender(t, r) {
		text := pdfFlat(pdfText(t, pdf))
		if strings.Contains(text, "första sparade") || !strings.Contains(text, "sparas inte") {
			t.Errorf("%s: an interrupted first scan must not be called stored", file)
		}
	}
}

// TestNothingReadPDFShowsNoShare: when no account could be read, only the
// registry row is judged; a share over it would be a false "100 %".
func TestNothingReadPDFShowsNoShare(t *testing.T) {
	r := nothingReadReport()
	for file, pdf := range pdfRender(t, r) {
		text := pdfFlat(pdfText(t, pdf))
		if !strings.Contains(text, "– (inget konto kunde läsas, bara kontoförteckningen bedömdes)") {
			t.Errorf("%s does not say why there is no share", file)
		}
		if file != model.OverviewSlug {
			if strings.Contains(text, "%") {
				t.Errorf("%s shows a percentage though no account could be read", file)
			}
			continue
		}
		// The trend chart's axis reads "100 %"; the tables must not.
		layout := pdfText(t, pdf, "-layout")
		charts := strings.Index(layout, "Andel uppfyllda per förvaltning och granskning")
		if charts < 0 {
			t.Fatalf("overview has no trend chart")
		}
		before := strings.ReplaceAll(layout[:charts], " ", "")
		if strings.Contains(before, "100%") || !strings.Contains(before, "Kulturförvaltningen75%–") {
			t.Errorf("overview: want the trend row \"Kulturförvaltningen 75 %% –\" and no 100 %% before the charts:\n%s", layout[:charts])
		}
	}
}
