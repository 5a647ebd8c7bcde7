package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestChecklistPDF(t *testing.T) {
	for _, tt := range []struct {
		lang, title, where string
		boxes              []string
	}{
		{"sv", "Checklista för manuell kontroll", "Var du tittar: ", []string{"Ja Nej Kommentar:"}},
		{"en", "Checklist for manual checks", "Where to look: ", []string{"Yes No Comment:"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			r := checklistReport(tt.lang)
			pdfs := pdfShared(t, "checklist "+tt.lang)
			a := adminBySlug(t, r, idrottSlug)
			text := pdfFlat(pdfText(t, pdfs[idrottSlug]))
			at := strings.Index(text, tt.title)
			if at < 0 {
				t.Fatalf("text lacks the section title %q", tt.title)
			}
			section := text[at:]
			if n := strings.Count(section, tt.where); n != len(a.Checklist) {
				t.Errorf("%d where-to-look lines, want one per question (%d)", n, len(a.Checklist))
			}
			perQuestion := map[string]int{}
			for _, it := range a.Checklist {
				perQuestion[it.Question.In(tt.lang)]++
				if w := tt.where + it.Where.In(tt.lang); !strings.Contains(section, w) {
					t.Errorf("section lacks %q", w)
				}
			}
			for q, n := range perQuestion {
				if got := strings.Count(section, q); got != n {
					t.Errorf("question %q appears %d times, want %d", q, got, n)
				}
			}
			for _, s := range append(tt.boxes, model.UnsupportedLabel(tt.lang, scanner.NoPublicSurface), model.UnsupportedLabel(tt.lang, scanner.NeedsMetaToken),
				"https://www.linkedin.com/company/idrott-stockholm", "Idrottsbloggen") {
				if !strings.Contains(section, s) {
					t.Errorf("section lacks %q", s)
				}
			}
			if n := strings.Count(section, model.UnsupportedLabel(tt.lang, scanner.NeedsMetaToken)); n != 1 {
				t.Errorf("Facebook's reason appears %d times in the checklist, want once", n)
			}
			if !strings.Contains(text, model.CheckedLabel(tt.lang, scanner.FetchUnsupported)+": "+strings.ToLower(model.UnsupportedLabel(tt.lang, scanner.NoPublicSurface))) {
				t.Errorf("accounts table does not say who checks LinkedIn and why")
			}
			for _, other := range []string{"Miljö på X", "miljostockholm", model.UnsupportedLabel(tt.lang, scanner.NeedsXToken), checklistOther} {
				if strings.Contains(text, other) {
					t.Errorf("text names %q of another administration", other)
				}
			}
			miljo := pdfFlat(pdfText(t, pdfs["miljoforvaltningen"]))
			if !strings.Contains(miljo, model.UnsupportedLabel(tt.lang, scanner.NeedsXToken)) || strings.Contains(miljo, "Idrott") {
				t.Errorf("Miljöförvaltningen's PDF: wrong reason or another administration's account")
			}
		})
	}
}

func TestChecklistPDFWithoutQuestions(t *testing.T) {
	var b bytes.Buffer
	r := sampleReport("sv")
	if err := WriteAdministrationPDF(&b, r, adminBySlug(t, r, ostermalmSlug)); err != nil {
		t.Fatal(err)
	}
	text := pdfFlat(pdfText(t, b.Bytes()))
	if !strings.Contains(text, "Checklista för manuell kontroll Inga punkter behöver kontrolleras manuellt.") {
		t.Errorf("an administration without manual findings lacks the empty checklist")
	}
	if strings.Contains(text, "Var du tittar") {
		t.Errorf("an empty checklist shows questions")
	}
}

func TestChecklistPDFGivesEachQuestionItsOwnReasonWhenTheyDiffer(t *testing.T) {
	judged := checklistJudged()
	extra := rules.Finding{Rule: "custom-rule", Status: rules.Manual,
		Message: rules.Text{SV: "Flödet saknar datum för vissa inlägg.", EN: "The feed lacks dates for some posts."}}
	judged[2].Findings = append(judged[2].Findings, extra)
	r := model.Build(judged, checklistCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Registry: "konton.csv"}, model.Inputs{})
	a := adminBySlug(t, r, idrottSlug)
	var b bytes.Buffer
	if err := WriteAdministrationPDF(&b, r, a); err != nil {
		t.Fatal(err)
	}
	text := pdfFlat(pdfText(t, b.Bytes()))
	section := text[strings.Index(text, "Checklista för manuell kontroll"):]
	blog := section[strings.Index(section, "Idrottsbloggen"):]
	var reasons []string
	for _, it := range a.Checklist {
		if it.Account.Result.Account.Name == "Idrottsbloggen" {
			reasons = append(reasons, it.Finding.Message.SV)
		}
	}
	if len(reasons) < 2 {
		t.Fatalf("the blog has %d checklist items, want at least 2", len(reasons))
	}
	for _, why := range reasons {
		if n := strings.Count(blog, "Varför manuellt: "+why); n != 1 {
			t.Errorf("reason %q under its question %d times, want once", why, n)
		}
	}
	if n, want := strings.Count(section, "Varför manuellt"), 2+len(reasons); n != want { // Facebook and LinkedIn once each, the blog per question
		t.Errorf("the checklist gives %d reasons, want %d:\n%s", n, want, section)
	}
}

func TestChecklistItemOnANewPageNamesItsAccount(t *testing.T) {
	r := checklistReport("sv")
	it := adminBySlug(t, r, idrottSlug).Checklist[0]
	d, err := newPDFDoc(r, "Checklista")
	if err != nil {
		t.Fatal(err)
	}
	_, pageH := d.f.GetPageSize()
	d.f.SetY(pageH - pdfBottom - 10) // too little room for a question
	d.checkItem(3, it, false)
	var b bytes.Buffer
	if err := d.finish(&b); err != nil {
		t.Fatal(err)
	}
	pages, _, _ := pdfPages(t, pdfText(t, b.Bytes(), "-bbox"))
	if len(pages) != 2 {
		t.Fatalf("%d pages, want the item moved to a second page", len(pages))
	}
	second := pdfFlat(strings.Join(pdfWordsText(pages[1]), " "))
	want := it.Account.Result.Account.Name + " (fortsättning) 3. " + it.Question.SV
	if !strings.Contains(second, want) {
		t.Errorf("second page lacks %q:\n%s", want, second)
	}
}

func TestChecklistPDFsAreDeterministic(t *testing.T) {
	first := pdfShared(t, "checklist sv") // the first rendering, shared with other tests
	again := pdfRender(t, checklistReport("sv"))
	for name, pdf := range first {
		if !bytes.Equal(pdf, again[name]) {
			t.Errorf("%s.pdf differs between two renderings", name)
		}
	}
}
