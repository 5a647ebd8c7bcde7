package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// oneFailureReport is one administration with one account, judged by the
// real rules, that fails exactly one point: a blog that posts often,
// links the city's site and tells its terms, but gives no contact
// details.
func oneFailureReport(t *testing.T, lang string) *model.Report {
	t.Helper()
	blog := checklistResultsBlog(t)
	var posts []scanner.Post
	for day := 1; day <= 100; day += 2 {
		posts = append(posts, scanner.Post{ID: "p" + string(rune('a'+day%26)) + strings.Repeat("x", day/26),
			URL: blog.Account.URL + "/inlagg-" + strings.Repeat("x", day), Published: sampleAsOf.AddDate(0, 0, -day).Add(9e9 * 4)})
	}
	blog.Fetched.Posts = posts
	blog.Fetched.CompleteSince = sampleAsOf.AddDate(0, 0, -120)
	catalog := checklistCatalog()
	j := rules.Judge(catalog, blog, sampleAsOf)
	fails := 0
	for _, fd := range j.Findings {
		if fd.Status != rules.Pass && fd.Status != rules.Fail {
			t.Fatalf("sample finding %s is %s, want pass or fail: %s", fd.Rule, fd.Status, fd.Message.SV)
		}
		if fd.Status == rules.Fail {
			fails++
		}
	}
	if fails != 1 {
		t.Fatalf("sample account fails %d points, want 1: %+v", fails, j.Findings)
	}
	return model.Build([]rules.Judged{j}, catalog, model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: lang, Registry: "konton.csv"}, model.Inputs{})
}

// checklistResultsBlog is the checklist sample's blog, read in full.
func checklistResultsBlog(t *testing.T) scanner.Result {
	t.Helper()
	for _, j := range checklistJudged() {
		if j.Result.Account.Platform == scanner.Web {
			return j.Result
		}
	}
	t.Fatal("the checklist sample has no blog")
	return scanner.Result{}
}

// TestPDFOneFailureFitsInFourPages checks the measure of a report
// that is to the point: one failing point, the rest passed, in at most
// four pages, the failure before the passed checks, which are one line.
func TestPDFOneFailureFitsInFourPages(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := oneFailureReport(t, lang)
			var b bytes.Buffer
			if err := WriteAdministrationPDF(&b, r, r.Administrations[0]); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, b.Bytes())
			if pages := strings.Count(text, "\f"); pages > 4 {
				t.Errorf("%d pages, want at most 4", pages)
			}
			flat := pdfFlat(text)
			line := map[string]string{"sv": "8 av 9 kontrollpunkter uppfyllda", "en": "8 of 9 checkpoints met"}[lang]
			fail := model.StatusLabel(lang, rules.Fail)
			iFail, iLine := strings.Index(flat, fail), strings.Index(flat, line)
			if iLine < 0 {
				t.Fatalf("no %q line in:\n%s", line, flat)
			}
			if iFail < 0 || iFail > iLine {
				t.Errorf("the failure (at %d) does not come before the passed line (at %d)", iFail, iLine)
			}
		})
	}
}
