package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// oneFailureReport is one administration with one account, judged by the
// real rules, that fails exactly one point: a blog that posts often,
// links the city's site and tells its terms and comment rules, but gives
// no contact details.
func oneFailureReport(t *testing.T, lang string) *model.Report {
	t.Helper()
	blog := checklistResultsBlog(t)
	var posts []scanner.Post
	for day := 1; day <= 100; day += 2 {
		posts = append(posts, scanner.Post{ID: "p" + string(rune('a'+day%26)) + strings.Repeat("x", day/26),
			URL: blog.Account.URL + "/inlagg-" + strings.Repeat("x", day), Published: sampleAsOf.AddDate(0, 0, -day).Add(9e9 * 4),
			Text: "Simhallen i Eriksdal har öppet som vanligt i helgen."})
	}
	blog.Fetched.Posts = posts
	// Comment rules, as the moderation rule reads them.
	blog.Fetched.Profile.Text += " Kommentarsfältet är till för frågor och synpunkter. Inlägg som bryter mot reglerna tas bort. Anmäl kränkande innehåll till oss."
	blog.Fetched.CompleteSince = sampleAsOf.AddDate(0, 0, -120)
	// A comment under a post asking a question, answered within the
	// hour, as response-time reads the replies (no adapter reads a
	// blog's comments yet, so the sample gives them).
	asked := posts[0].Published.Add(10 * time.Hour)
	blog.Fetched.Dialogue = &scanner.Dialogue{WithReplies: 1, MaxThreads: scanner.DefaultMaxThreads, Threads: []scanner.Thread{{
		PostID: posts[0].ID, URL: posts[0].URL, Published: posts[0].Published,
		Replies: []scanner.Reply{
			{ID: "c1", Parent: posts[0].ID, Author: "Eva", Published: asked, Text: "Är simhallen öppen på söndag?"},
			{ID: "c2", Parent: "c1", Author: "Idrottsbloggen", ByAccount: true, Published: asked.Add(40 * time.Minute), Text: "Ja, kl. 9–16."},
		},
	}}}
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
			n := len(r.Accounts[0].Findings)
			line := fmt.Sprintf(pdfL(lang, "passed.line"), n-1, n)
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

// pdfLayoutFlaws reads a rendered PDF's words and reports the issue's
// layout flaws: a section heading with less than two lines under it at
// the foot of a page (stranded), and a page less than a quarter full
// whose next page does not open with a heading (near-empty).
func pdfLayoutFlaws(t *testing.T, pdf []byte) []string {
	t.Helper()
	const mm = 72 / 25.4
	pages, _, pageH := pdfPages(t, pdfText(t, pdf, "-bbox"))
	top, bottom := 18*mm, pageH-14*mm                                                     // below the page header, above the footer
	heading := func(w pdfWord) bool { h := w.yMax - w.yMin; return h > 14.5 && h < 15.5 } // 13 pt
	body := func(words []pdfWord) []pdfWord {
		var out []pdfWord
		for _, w := range words {
			if w.yMin > top && w.yMax < bottom {
				out = append(out, w)
			}
		}
		return out
	}
	var flaws []string
	for p, words := range pages {
		words = body(words)
		if len(words) == 0 {
			continue
		}
		lowest, first := 0.0, words[0]
		for _, w := range words {
			lowest = max(lowest, w.yMax)
			if w.yMin < first.yMin {
				first = w
			}
		}
		for _, w := range words {
			if heading(w) && lowest-w.yMax < 20 {
				flaws = append(flaws, fmt.Sprintf("page %d: heading %q stranded at the foot", p+1, w.text))
				break
			}
		}
		if p+1 < len(pages) && (lowest-top)/(bottom-top) < 0.25 {
			next := body(pages[p+1])
			opens := false
			if len(next) > 0 {
				n := next[0]
				for _, w := range next {
					if w.yMin < n.yMin {
						n = w
					}
				}
				opens = heading(n)
			}
			if !opens {
				flaws = append(flaws, fmt.Sprintf("page %d: %.0f %% full, and the next page goes on with the same section", p+1, 100*(lowest-top)/(bottom-top)))
			}
		}
	}
	return flaws
}

// TestPDFLayoutHasNoStrandedHeadingsOrEmptyPages checks the samples, the
// checklist, history and interrupted reports and the one-failure report
// for stranded headings and near-empty pages.
func TestPDFLayoutHasNoStrandedHeadingsOrEmptyPages(t *testing.T) {
	for _, tc := range []struct {
		name string
		pdfs map[string][]byte
	}{
		{"sample sv", pdfShared(t, "sample sv")},
		{"sample en", pdfShared(t, "sample en")},
		{"checklist sv", pdfShared(t, "checklist sv")},
		{"history sv", pdfShared(t, "history sv")},
		{"interrupted sv", pdfShared(t, "interrupted sv")},
		{"one failure sv", pdfRender(t, oneFailureReport(t, "sv"))},
	} {
		for file, pdf := range tc.pdfs {
			t.Run(tc.name+"/"+file, func(t *testing.T) {
				for _, flaw := range pdfLayoutFlaws(t, pdf) {
					t.Error(flaw)
				}
			})
		}
	}
}

// TestPDFLayoutFlawsAreFound draws both flaws on purpose, so the check
// above is known to see them: a heading drawn at the foot of a page with
// nothing under it, and a page a tenth full before the same section goes
// on.
func TestPDFLayoutFlawsAreFound(t *testing.T) {
	d, err := newPDFDoc(sampleReport("sv"), "Test")
	if err != nil {
		t.Fatal(err)
	}
	for d.room() > 20 {
		d.para("Text som fyller sidan, rad för rad.", "", pdfBodySize, pdfInk)
	}
	d.font("B", 13, pdfAccent)
	d.multi(6.5, "Strandad rubrik")
	d.f.AddPage()
	d.para("En rad på en nästan tom sida.", "", pdfBodySize, pdfInk)
	d.f.AddPage()
	d.para("Samma avsnitt fortsätter.", "", pdfBodySize, pdfInk)
	var b bytes.Buffer
	if err := d.finish(&b); err != nil {
		t.Fatal(err)
	}
	flaws := strings.Join(pdfLayoutFlaws(t, b.Bytes()), "\n")
	for _, want := range []string{"page 1: heading \"Strandad\" stranded", "page 2: 3 % full"} {
		if !strings.Contains(flaws, want) {
			t.Errorf("flaws lack %q:\n%s", want, flaws)
		}
	}
}

// TestPDFNeverBreaksANameBare reads the text of the sample, stress and
// one-failure reports line by line: no line may end inside a long word
// of an account's or administration's name unless with a hyphen (the
// two halves joined would be the word).
func TestPDFNeverBreaksANameBare(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *model.Report
	}{
		{"sample sv", sampleReport("sv")},
		{"stress sv", pdfStressReport("sv")},
		{"long compounds sv", pdfLongNamesReport()},
		{"checklist en", checklistReport("en")},
		{"one failure sv", oneFailureReport(t, "sv")},
	} {
		long := map[string]bool{"Kontrollpunkt": true, "Utbildningsförvaltningen": true}
		for _, j := range tc.r.Accounts {
			for _, s := range []string{j.Result.Account.Name, j.Result.Account.Administration} {
				for _, w := range strings.Fields(s) {
					if utf8.RuneCountInString(w) >= 10 {
						long[w] = true
					}
				}
			}
		}
		pdfs, shared := map[string][]byte(nil), pdfSharedReports[tc.name] != nil
		if shared {
			pdfs = pdfShared(t, tc.name)
		} else {
			pdfs = pdfRender(t, tc.r)
		}
		for file, pdf := range pdfs {
			t.Run(tc.name+"/"+file, func(t *testing.T) {
				lines := strings.Split(pdfText(t, pdf), "\n")
				for i := 0; i+1 < len(lines); i++ {
					head, tail := strings.Fields(lines[i]), strings.Fields(lines[i+1])
					if len(head) == 0 || len(tail) == 0 {
						continue
					}
					last := head[len(head)-1]
					if r, _ := utf8.DecodeLastRuneInString(last); pdfJoint(r) {
						continue // a break after a joint ("…/") is a break a reader expects
					}
					if w := last + tail[0]; long[strings.Trim(w, ".,:;()")] {
						t.Errorf("%q broken bare over lines %d and %d", w, i+1, i+2)
					}
				}
			})
		}
	}
}

// pdfLongNamesReport is the stress report with accounts named by long
// Swedish compounds, wider than the tables' name columns can become.
func pdfLongNamesReport() *model.Report {
	r := pdfStressReport("sv")
	for i, j := range r.Accounts {
		if i%3 == 0 {
			j.Result.Account.Name = "Ungdomsmottagningsverksamhetens informationskanal"
		}
	}
	return r
}

// TestPDFFirstPageNamesSenderAndCoverage checks the first page:
// every PDF's first page names the sender, the contact, the reply-by
// date, where to send the workbook, the coverage and the policy by its
// title.
func TestPDFFirstPageNamesSenderAndCoverage(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		r := sampleReport(lang)
		info := r.Meta.Report
		if info.Sender == "" || info.ContactName == "" || info.ReplyBy.IsZero() || info.SendTo == "" {
			t.Fatalf("the sample sets no report block: %+v", info)
		}
		for file, pdf := range pdfShared(t, "sample "+lang) {
			t.Run(lang+"/"+file, func(t *testing.T) {
				first := pdfFlat(strings.Split(pdfText(t, pdf), "\f")[0])
				cov := r.Coverage
				for _, a := range r.Administrations {
					if a.Slug == file {
						cov = a.Coverage
					}
				}
				for _, want := range []string{info.Sender, info.ContactName, info.ContactEmail, model.Date(info.ReplyBy), info.SendTo,
					model.PolicyTitle, pdfFlat(cov.Text(lang))} {
					if !strings.Contains(first, want) {
						t.Errorf("first page lacks %q", want)
					}
				}
			})
		}
	}
}
