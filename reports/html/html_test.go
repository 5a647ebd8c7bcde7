package html

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/stockholm-stad/smaudit/reports/internal/sample"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// parse reads a page for the structure checks.
func parse(t *testing.T, page string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestPagesAreAccessibleByStructure checks, on every page of the samples
// in both languages, what a browser-free reader can: the language, one
// h1 and headings that never skip a level, tables with a caption and
// headers that say their scope, and nothing that would load from
// elsewhere. The browser test runs axe-core on top of this.
func TestPagesAreAccessibleByStructure(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		for name, r := range map[string]*model.Report{"sample": sample.Report(lang), "history": sample.HistoryReport(lang),
			"interrupted": sample.InterruptedReport(lang), "checklist": sample.ChecklistReport(lang),
			"unregistered": sample.UnregisteredReport(lang, sample.Unregistered())} {
			for file, page := range pages(t, r) {
				t.Run(name+"/"+lang+"/"+file, func(t *testing.T) {
					doc := parse(t, page)
					if got, _ := doc.Find("html").Attr("lang"); got != lang {
						t.Errorf("lang=%q, want %q", got, lang)
					}
					if n := doc.Find("h1").Length(); n != 1 {
						t.Errorf("%d h1, want 1", n)
					}
					level := 1
					doc.Find("h1, h2, h3, h4, h5, h6").Each(func(_ int, s *goquery.Selection) {
						l := int(goquery.NodeName(s)[1] - '0')
						if l > level+1 {
							t.Errorf("heading %q is h%d after h%d", s.Text(), l, level)
						}
						level = l
					})
					doc.Find("table").Each(func(_ int, tb *goquery.Selection) {
						if strings.TrimSpace(tb.Find("caption").Text()) == "" {
							t.Errorf("table %s has no caption", tb.AttrOr("id", "?"))
						}
						if tb.Find("thead th[scope=col]").Length() == 0 {
							t.Errorf("table %s has no column headers", tb.AttrOr("id", "?"))
						}
						tb.Find("th").Each(func(_ int, th *goquery.Selection) {
							if th.AttrOr("scope", "") == "" {
								t.Errorf("table %s: header %q without scope", tb.AttrOr("id", "?"), th.Text())
							}
						})
					})
					for _, sel := range []string{"[src]", "link", "iframe", "object", "embed", "img", "base"} {
						if n := doc.Find(sel).Length(); n > 0 {
							t.Errorf("%d %s elements: a page loads nothing", n, sel)
						}
					}
					// Without the script everything shows: only the filters,
					// which need it, start hidden.
					doc.Find("[hidden]").Each(func(_ int, h *goquery.Selection) {
						if !h.Is("form[data-filter]") {
							t.Errorf("a %s starts hidden: without the script it would never show", goquery.NodeName(h))
						}
					})
					if strings.Contains(doc.Find("style").Text(), "url(") || strings.Contains(doc.Find("style").Text(), "@import") {
						t.Error("the style sheet loads something")
					}
				})
			}
		}
	}
}

// TestFailuresFirstPassedCollapsed checks the findings' order on the
// checklist sample's administration: within every account, nothing a
// person must act on comes after a passed check, and the passed checks
// sit in one closed details element that says how many there are.
func TestFailuresFirstPassedCollapsed(t *testing.T) {
	r := sample.ChecklistReport("sv")
	a := sample.AdminBySlug(t, r, sample.IdrottSlug)
	var b bytes.Buffer
	if err := WriteAdministration(&b, r, a); err != nil {
		t.Fatal(err)
	}
	doc := parse(t, b.String())
	articles := doc.Find("article.account")
	if articles.Length() == 0 {
		t.Fatal("no account articles")
	}
	passedSeen := 0
	articles.Each(func(_ int, art *goquery.Selection) {
		name := art.Find("h3").First().Text()
		art.Children().Filter(".finding").Each(func(_ int, f *goquery.Selection) {
			if f.AttrOr("data-status", "") == string(rules.Pass) {
				t.Errorf("%s: a passed check outside the collapsed list", name)
			}
		})
		det := art.Find("details.passed")
		if det.Length() > 1 {
			t.Errorf("%s: %d details, want one", name, det.Length())
		}
		det.Each(func(_ int, d *goquery.Selection) {
			if _, open := d.Attr("open"); open {
				t.Errorf("%s: passed checks open by default", name)
			}
			n := d.Find(".finding[data-status=pass]").Length()
			passedSeen += n
			if !strings.HasPrefix(d.Find("summary").Text(), strings.Split(sprintf("sv", "passed.summary", n, 0), " av ")[0]+" av ") {
				t.Errorf("%s: summary %q does not count %d passed", name, d.Find("summary").Text(), n)
			}
		})
	})
	if passedSeen == 0 {
		t.Error("the sample has passed checks, none were collapsed")
	}
}

// TestScrapedTextIsEscaped feeds markup and a script link through an
// account's name, a finding's evidence and its URL: the page shows them
// as text and keeps the link from running anything.
func TestScrapedTextIsEscaped(t *testing.T) {
	judged := sample.Judged()
	j := &judged[0]
	j.Result.Account.Name = `<img src=x onerror=alert(1)>Östermalm`
	j.Result.Account.URL = "javascript:alert(1)"
	j.Findings[0].Evidence = append(j.Findings[0].Evidence, rules.Evidence{
		Label: rules.Text{SV: "Text", EN: "Text"}, Value: `</p><script>alert(2)</script>`, URL: `https://ok.example/"><b>x</b>`})
	r := model.Build(judged, sample.Catalog(), model.Meta{AsOf: sample.AsOf, GeneratedBy: "smaudit test", Lang: "sv", Registry: "konton.csv"}, model.Inputs{})
	for file, page := range pages(t, r) {
		doc := parse(t, page)
		if n := doc.Find("img, b").Length(); n > 0 {
			t.Errorf("%s: scraped markup became %d elements", file, n)
		}
		if n := doc.Find("script").Length(); n != 1 {
			t.Errorf("%s: %d scripts, want only the page's own", file, n)
		}
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			if strings.HasPrefix(strings.ToLower(a.AttrOr("href", "")), "javascript:") {
				t.Errorf("%s: a link runs script: %s", file, a.AttrOr("href", ""))
			}
		})
		shows := file == OverviewFile || file == sample.OstermalmSlug+".html"
		if shows && !strings.Contains(doc.Text(), "<img src=x onerror=alert(1)>Östermalm") {
			t.Errorf("%s: the account's name is not shown as text", file)
		}
	}
}

// TestPolicyAllowsOnlyOwnStyleAndScript: the page's security policy
// names the hashes of exactly the style sheet and script it carries, so
// the browser runs those and loads nothing.
func TestPolicyAllowsOnlyOwnStyleAndScript(t *testing.T) {
	var b bytes.Buffer
	if err := WriteOverview(&b, sample.Report("sv")); err != nil {
		t.Fatal(err)
	}
	doc := parse(t, b.String())
	policy := doc.Find(`meta[http-equiv="Content-Security-Policy"]`).AttrOr("content", "")
	for _, want := range []string{"default-src 'none'", "style-src " + hashSource(doc.Find("style").Text()), "script-src " + hashSource(doc.Find("script").Text())} {
		if !strings.Contains(policy, want) {
			t.Errorf("policy %q lacks %q", policy, want)
		}
	}
}

// TestEveryPageOpensWithSenderAndCoverage: as every report's first page,
// the top of every page names the sender, the contact with a mail link,
// the reply-by date, where to send the workbook and the policy audited
// against, and the summary gives the coverage beside the share.
func TestEveryPageOpensWithSenderAndCoverage(t *testing.T) {
	r := sample.Report("sv")
	info := r.Meta.Report
	if info.Sender == "" || info.ContactEmail == "" || info.ReplyBy.IsZero() || info.SendTo == "" {
		t.Fatalf("the sample names no full sender: %+v", info)
	}
	for file, page := range pages(t, r) {
		doc := parse(t, page)
		facts := map[string]string{}
		doc.Find("main > section:first-of-type dt").Each(func(_ int, dt *goquery.Selection) {
			facts[dt.Text()] = dt.Next().Text()
		})
		for label, want := range map[string]string{"Avsändare": info.Sender, "Kontaktperson": info.ContactEmail,
			"Svara senast": model.Date(info.ReplyBy), "Skicka arbetsboken till": info.SendTo, "Granskas mot": model.PolicyTitle + " (" + model.PolicyDiary + ")"} {
			if !strings.Contains(facts[label], want) {
				t.Errorf("%s: %s is %q, want %q", file, label, facts[label], want)
			}
		}
		if doc.Find(`main > section:first-of-type a[href="mailto:`+info.ContactEmail+`"]`).Length() != 1 {
			t.Errorf("%s: no mail link to the contact", file)
		}
		cov := r.Coverage
		if file != OverviewFile {
			cov = sample.AdminBySlug(t, r, strings.TrimSuffix(file, ".html")).Coverage
		}
		found := false
		doc.Find("#summary dt").Each(func(_ int, dt *goquery.Selection) {
			found = found || dt.Text() == "Täckning" && dt.Next().Text() == cov.Text("sv")
		})
		if !found {
			t.Errorf("%s: the summary does not give the coverage %q", file, cov.Text("sv"))
		}
	}
}
