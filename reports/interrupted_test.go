package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/reports/jsonout"
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
		Notes: []string{model.L(lang, "note.interrupted")}})
}

func TestInterruptedJSON(t *testing.T) {
	var b bytes.Buffer
	if err := jsonout.Write(&b, interruptedReport("sv")); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Complete   *bool `json:"complete"`
		Checked    int   `json:"checked"`
		NotReached int   `json:"notReached"`
		Accounts   []struct {
			Name        string            `json:"name"`
			FetchStatus string            `json:"fetchStatus"`
			Findings    []json.RawMessage `json:"findings"`
		} `json:"accounts"`
		Summary struct {
			Pass, Fail, Error int
			NotReached        int      `json:"notReached"`
			Compliance        *float64 `json:"compliance"`
			Administrations   []struct {
				Name       string   `json:"name"`
				NotReached int      `json:"notReached"`
				Compliance *float64 `json:"compliance"`
			} `json:"administrations"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Complete == nil || *got.Complete || got.Checked != 4 || got.NotReached != 3 {
		t.Errorf("complete %v, checked %d, notReached %d; want false, 4, 3", got.Complete, got.Checked, got.NotReached)
	}
	if got.Summary.NotReached != 3 || got.Summary.Compliance != nil {
		t.Errorf("summary: notReached %d, compliance %v; want 3 and null", got.Summary.NotReached, got.Summary.Compliance)
	}
	// The sample's counts are unchanged: the accounts not reached add no
	// pass, fail or error.
	if got.Summary.Pass != 2 || got.Summary.Fail != 2 || got.Summary.Error != 2 {
		t.Errorf("summary pass/fail/error %d/%d/%d, want the sample's 2/2/2", got.Summary.Pass, got.Summary.Fail, got.Summary.Error)
	}
	for _, a := range got.Summary.Administrations {
		switch {
		case a.Name == "Kulturförvaltningen" && (a.NotReached != 3 || a.Compliance != nil):
			t.Errorf("%s: notReached %d, compliance %v; want 3 and null", a.Name, a.NotReached, a.Compliance)
		case a.Name != "Kulturförvaltningen" && (a.NotReached != 0 || a.Compliance == nil):
			t.Errorf("%s: notReached %d, compliance %v; want 0 and a share", a.Name, a.NotReached, a.Compliance)
		}
	}
	n := 0
	for _, a := range got.Accounts {
		if a.FetchStatus == "not-reached" {
			n++
			if len(a.Findings) != 0 {
				t.Errorf("%s: %d findings, want none for an account not reached", a.Name, len(a.Findings))
			}
		}
	}
	if n != 3 {
		t.Errorf("%d accounts not-reached, want 3", n)
	}
}

// TestInterruptedPDF checks the first page of every PDF, the compact
// list of accounts not reached and that no share is shown for them.
func TestInterruptedPDF(t *testing.T) {
	for _, tt := range []struct {
		lang, overview, kultur, ostermalm, list, noShare, share string
	}{
		{"sv", "Granskningen avbröts: 4 av 7 konton kontrollerades.", "Granskningen avbröts: 3 av 6 konton kontrollerades.",
			"Granskningen avbröts: 1 av 1 konton kontrollerades.", "Ej kontrollerade – granskningen avbröts",
			"– (granskningen avbröts innan alla konton kontrollerades)", "0%"},
		{"en", "The audit was interrupted: 4 of 7 accounts were checked.", "The audit was interrupted: 3 of 6 accounts were checked.",
			"The audit was interrupted: 1 of 1 accounts were checked.", "Not checked – the audit was interrupted",
			"– (the audit was interrupted before every account was checked)", "0%"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			pdfs := pdfRender(t, interruptedReport(tt.lang))
			first := map[string]string{model.OverviewSlug: tt.overview, "kulturforvaltningen": tt.kultur, "ostermalms-stadsdelsforvaltning": tt.ostermalm}
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

func TestInterruptedWorkbooks(t *testing.T) {
	r := interruptedReport("sv")
	var b bytes.Buffer
	if err := WriteOverviewXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	books := map[string][]byte{model.OverviewSlug: append([]byte(nil), b.Bytes()...)}
	for _, a := range r.Administrations {
		b.Reset()
		if err := WriteAdministrationXLSX(&b, r, a); err != nil {
			t.Fatal(err)
		}
		books[a.Slug] = append([]byte(nil), b.Bytes()...)
	}
	want := map[string]string{
		model.OverviewSlug:                "Granskningen avbröts: 4 av 7 konton kontrollerades.",
		"kulturforvaltningen":             "Granskningen avbröts: 3 av 6 konton kontrollerades.",
		"ostermalms-stadsdelsforvaltning": "Granskningen avbröts: 1 av 1 konton kontrollerades.",
	}
	for slug, line := range want {
		f := openXLSX(t, books[slug])
		first := f.GetSheetName(0)
		if findCell(t, f, first, line) == "" {
			t.Errorf("%s: first sheet %q lacks %q", slug, first, line)
		}
		if slug == "ostermalms-stadsdelsforvaltning" {
			continue
		}
		// The compliance cell of a row with accounts not reached is "–".
		rows, _ := f.GetRows(first)
		col := -1
		for _, row := range rows {
			for i, v := range row {
				if v == "Andel uppfyllda" {
					col = i
				}
			}
			if col >= 0 && len(row) > col && (row[0] == "Kulturförvaltningen" || row[0] == "Totalt" || row[0] == "6") {
				if row[col] != "–" {
					t.Errorf("%s: row %q shows compliance %q, want –", slug, row[0], row[col])
				}
			}
		}
		if col < 0 {
			t.Errorf("%s: no compliance column", slug)
		}
	}
	f := openXLSX(t, books["kulturforvaltningen"])
	if findCell(t, f, "Sammanfattning", "Ej kontrollerad – granskningen avbröts") == "" {
		t.Errorf("kulturforvaltningen: accounts not reached are not marked as such")
	}
	rows, _ := f.GetRows("Resultat")
	for _, row := range rows {
		if len(row) > 0 && (row[0] == "Kulturnatt" || row[0] == "Kulturskolan") {
			t.Errorf("Resultat lists findings of %s, which was not reached", row[0])
		}
	}
}

// TestNothingReadShowsNoShare: when no account could be read, only the
// registry row is judged; a share over it would be a false "100 %".
func TestNothingReadShowsNoShare(t *testing.T) {
	var judged []rules.Judged
	for _, j := range sampleJudged() {
		j.Result.Status = scanner.FetchFailed
		j.Result.Err = &scanner.FetchError{Kind: scanner.ErrTimeout}
		j.Findings = []rules.Finding{
			finding("city-affiliation", rules.Error, "Kontot kunde inte läsas.", "The account could not be read."),
			finding("inactive-account", rules.Error, "Kontot kunde inte läsas.", "The account could not be read."),
			{Rule: "registry-complete", Status: rules.Pass, Message: rules.Text{SV: "Raden är komplett.", EN: "The row is complete."}},
		}
		judged = append(judged, j)
	}
	r := model.Build(judged, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: "sv", Registry: "konton.csv"})
	r.History = &model.History{Previous: historyAug, Changes: map[model.FindingKey]model.Change{},
		Trend: []model.TrendPoint{
			{AsOf: historyAug, Administration: historyKultur, Pass: 3, Fail: 1},
			{AsOf: sampleAsOf, Administration: historyKultur, Pass: 3, NoneRead: true},
			{AsOf: sampleAsOf, Administration: historyOstermalm, Pass: 1, NoneRead: true},
		}}
	if r.Summary.Pass == 0 || r.Summary.Compliance() >= 0 {
		t.Fatalf("summary: %d pass, compliance %v; the test needs registry passes and must get no share", r.Summary.Pass, r.Summary.Compliance())
	}
	var b bytes.Buffer
	if err := jsonout.Write(&b, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"compliance": 1`) || strings.Count(b.String(), `"compliance": null`) != 3 {
		t.Errorf("results.json gives a share though no account was read:\n%s", b.String())
	}
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
	b.Reset()
	if err := WriteOverviewXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, b.Bytes())
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for _, v := range row {
				if v == "100%" {
					t.Errorf("workbook sheet %q shows 100%%", sheet)
				}
			}
		}
	}
	if p := (model.TrendPoint{AsOf: time.Now(), Pass: 4, NoneRead: true}); p.Compliance() >= 0 {
		t.Errorf("a trend point with no account read has share %v", p.Compliance())
	}
}
