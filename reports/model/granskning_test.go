package model_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/internal/sample"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// granskningText lays out a report's prose, the overview's and each
// administration's, as plain text for a golden file.
func granskningText(r *model.Report) string {
	lang := r.Meta.Lang
	var b strings.Builder
	show := func(name string, g model.Granskning) {
		fmt.Fprintf(&b, "==== %s\n\n[sammanfattning]\n%s\n\n[bedömning]\n", name, g.Summary.In(lang))
		for _, a := range g.Assessment {
			fmt.Fprintf(&b, "%s\n", a.In(lang))
		}
		b.WriteString("\n[rekommendationer]\n")
		for i, rec := range g.Recommendations {
			fmt.Fprintf(&b, "%d. (%s) %s: %s\n", i+1, rec.Severity.Label().In(lang), rec.Text.In(lang), strings.Join(rec.Accounts, "; "))
		}
		b.WriteString("\n[inledning]\n")
		for _, s := range g.Intro {
			fmt.Fprintf(&b, "## %s\n%s\n", s.Title.In(lang), s.Body.In(lang))
		}
		b.WriteString("\n")
	}
	show("Översikt", r.Granskning)
	for _, a := range r.Administrations {
		show(a.Name, a.Granskning)
	}
	return b.String()
}

// TestGranskningGolden: the summary, assessment, recommendations and
// introduction of the demo-like sample, in Swedish and English, as a
// reader gets them. go test ./reports/model -update rewrites the files;
// read the diff as prose.
func TestGranskningGolden(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			got := granskningText(sample.GranskningReport(lang))
			path := filepath.Join("testdata", "granskning-"+lang+".golden.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs; review and run go test ./reports/model -update", path)
			}
		})
	}
}

// englishInSwedish are words that give English away inside a Swedish
// text; the account names of the sample have none of them.
var englishInSwedish = regexp.MustCompile(`\b(the|and|of|is|are|not|could|error|account|Service|Unavailable|Not Found)\b`)

// TestGranskningSwedish: the Swedish prose has no English, Swedish
// number format, the policy by title and number, the summary names the
// three most important actions, and every report's recommendations are
// at most a handful, the heaviest first.
func TestGranskningSwedish(t *testing.T) {
	r := sample.GranskningReport("sv")
	all := append([]model.Granskning{r.Granskning}, func() []model.Granskning {
		var out []model.Granskning
		for _, a := range r.Administrations {
			out = append(out, a.Granskning)
		}
		return out
	}()...)
	for i, g := range all {
		var texts []string
		texts = append(texts, g.Summary.SV)
		for _, a := range g.Assessment {
			texts = append(texts, a.SV)
		}
		for _, s := range g.Intro {
			texts = append(texts, s.Title.SV, s.Body.SV)
		}
		for _, rec := range g.Recommendations {
			texts = append(texts, rec.Text.SV)
		}
		for _, s := range texts {
			if m := englishInSwedish.FindString(s); m != "" {
				t.Errorf("report %d: English %q in %q", i, m, s)
			}
			if regexp.MustCompile(`\d\.\d+ ?(%|per|dagar|tecken)|\d,\d{3}\b|\d%`).MatchString(s) {
				t.Errorf("report %d: not a Swedish number format: %q", i, s)
			}
			if strings.Contains(s, " 1 konton") || strings.Contains(s, " 1 kontrollpunkter") || strings.Contains(s, " 1 dagar") {
				t.Errorf("report %d: plural after 1: %q", i, s)
			}
		}
		if n := len(g.Recommendations); n == 0 || n > model.MaxRecommendations {
			t.Errorf("report %d: %d recommendations", i, n)
		}
		for k := 1; k < len(g.Recommendations); k++ {
			if g.Recommendations[k].Severity < g.Recommendations[k-1].Severity {
				t.Errorf("report %d: recommendation %d (%v) after a lighter one", i, k, g.Recommendations[k].Severity)
			}
		}
		for k, rec := range g.Recommendations {
			if k < 3 && !strings.Contains(g.Summary.SV, strings.ToLower(rec.Text.SV[:1])+rec.Text.SV[1:]) {
				t.Errorf("report %d: summary lacks action %d %q", i, k+1, rec.Text.SV)
			}
		}
		if len(g.Intro) != 7 {
			t.Errorf("report %d: %d intro sections, want 7", i, len(g.Intro))
		}
		intro := fmt.Sprint(g.Intro)
		for _, want := range []string{model.PolicyTitle, model.PolicyDiary, "3.1 Grafisk profil", "bevakning", "allmänna handlingar", "2026-11-20", "2026-08-21"} {
			if !strings.Contains(intro, want) {
				t.Errorf("report %d: introduction lacks %q", i, want)
			}
		}
		if !strings.Contains(g.Summary.SV, "förra granskningen (2026-08-21)") {
			t.Errorf("report %d: summary does not compare with the previous scan: %s", i, g.Summary.SV)
		}
	}
	if !strings.Contains(r.Granskning.Summary.SV, "bättre än vid förra granskningen") {
		t.Errorf("the city got better, the summary says: %s", r.Granskning.Summary.SV)
	}
}

// TestGranskningVerdict: the verdict follows the share on the stated
// scale, speaks of no share where there is none, and says nothing of a
// previous scan without a history.
func TestGranskningVerdict(t *testing.T) {
	report := func(pass, fail int, status scanner.FetchStatus) *model.Report {
		j := rules.Judged{Result: scanner.Result{Account: scanner.Account{Administration: "Kulturförvaltningen", Name: "Konto", URL: "https://social.example/@k"}, Status: status}}
		for i := 0; i < pass; i++ {
			j.Findings = append(j.Findings, rules.Finding{Rule: fmt.Sprint("p", i), Status: rules.Pass})
		}
		for i := 0; i < fail; i++ {
			j.Findings = append(j.Findings, rules.Finding{Rule: fmt.Sprint("f", i), Status: rules.Fail})
		}
		return model.Build([]rules.Judged{j}, nil, model.Meta{AsOf: sample.AsOf, GeneratedBy: "smaudit test"}, model.Inputs{})
	}
	for _, tt := range []struct {
		name      string
		r         *model.Report
		sv, en    string
		noActions bool
	}{
		{"mainly", report(19, 1, scanner.FetchOK), "Kulturförvaltningen i huvudsak uppfyller policyns krav", "Kulturförvaltningen mainly meets", false},
		{"at the line", report(9, 1, scanner.FetchOK), "Kulturförvaltningen i huvudsak uppfyller", "mainly meets", false},
		{"partly", report(3, 1, scanner.FetchOK), "Kulturförvaltningen delvis uppfyller", "partly meets", false},
		{"not", report(1, 1, scanner.FetchOK), "Kulturförvaltningen inte uppfyller", "does not meet", false},
		{"all met", report(4, 0, scanner.FetchOK), "i huvudsak uppfyller", "mainly meets", true},
		{"nothing read", report(1, 0, scanner.FetchFailed), "Ingen samlad bedömning kan göras eftersom inget konto kunde läsas", "No overall assessment", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.r.Administrations[0].Granskning
			if !strings.Contains(g.Assessment[0].SV, tt.sv) || !strings.Contains(g.Assessment[0].EN, tt.en) {
				t.Errorf("verdict %+v, want %q / %q", g.Assessment[0], tt.sv, tt.en)
			}
			if strings.Contains(g.Summary.SV, "förra granskningen") || strings.Contains(g.Summary.SV, "tidigare sparad") {
				t.Errorf("summary without a history speaks of one: %s", g.Summary.SV)
			}
			if tt.noActions != strings.Contains(g.Summary.SV, "Inga åtgärder behövs.") {
				t.Errorf("summary %q: no actions is %v", g.Summary.SV, tt.noActions)
			}
		})
	}
}

// TestGranskningInterrupted: an interrupted scan gives no verdict, and
// counts failures among the accounts it got to, never all of them.
func TestGranskningInterrupted(t *testing.T) {
	r := sample.InterruptedReport("sv")
	g := r.Granskning
	if !strings.HasPrefix(g.Assessment[0].SV, "Ingen samlad bedömning kan göras eftersom granskningen avbröts") {
		t.Errorf("verdict of an interrupted scan: %s", g.Assessment[0].SV)
	}
	checked := r.Summary.Checked()
	want := fmt.Sprintf("av %d kontrollerade konton", checked)
	if !strings.Contains(g.Assessment[1].SV, want) || checked == r.Summary.Accounts {
		t.Errorf("shortcomings %q, want them out of the %d accounts checked", g.Assessment[1].SV, checked)
	}
	if !strings.Contains(g.Summary.SV, "hann inte kontrolleras") {
		t.Errorf("summary does not say accounts were not reached: %s", g.Summary.SV)
	}
}

// TestGranskningUnregistered: accounts missing from the registry are
// counted in the overview's summary and asked about in its
// recommendations, never in an administration's, since discovery does
// not know whose they are.
func TestGranskningUnregistered(t *testing.T) {
	r := sample.UnregisteredReport("sv", sample.Unregistered())
	if !strings.Contains(r.Granskning.Summary.SV, "Dessutom hittades 4 konton som saknas i kontoförteckningen.") {
		t.Errorf("summary: %s", r.Granskning.Summary.SV)
	}
	var found bool
	for _, rec := range r.Granskning.Recommendations {
		if strings.Contains(rec.Text.SV, "saknas i kontoförteckningen") {
			found = len(rec.Accounts) == 4 && rec.Accounts[0] == sample.Unregistered()[0].URL
		}
	}
	if !found {
		t.Errorf("no recommendation names the 4 accounts missing from the registry: %+v", r.Granskning.Recommendations)
	}
	for _, a := range r.Administrations {
		if strings.Contains(a.Granskning.Summary.SV+fmt.Sprint(a.Granskning.Recommendations), "saknas i kontoförteckningen") {
			t.Errorf("%s speaks of the unregistered accounts", a.Name)
		}
	}
	if strings.Contains(sample.Report("sv").Granskning.Summary.SV, "Dessutom hittades") {
		t.Error("a report without discovery speaks of accounts found")
	}
}
