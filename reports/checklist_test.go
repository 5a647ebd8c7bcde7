package reports

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// checklistKey names a checklist item or a manual finding.
type checklistKey struct{ Account, Rule string }

func TestBuildChecklistHoldsExactlyTheManualFindings(t *testing.T) {
	r := checklistReport("sv")
	catalog := checklistCatalog()
	rank := map[string]int{}
	for i, rl := range catalog {
		rank[rl.ID] = i
	}
	for _, a := range r.Administrations {
		t.Run(a.Slug, func(t *testing.T) {
			var want, got []checklistKey
			for _, j := range a.Accounts {
				for _, f := range j.Findings {
					if f.Status == rules.Manual {
						want = append(want, checklistKey{j.Result.Account.Name, f.Rule})
					}
				}
			}
			for i, it := range a.Checklist {
				got = append(got, checklistKey{it.Account.Result.Account.Name, it.Finding.Rule})
				if it.Finding.Status != rules.Manual {
					t.Errorf("item %d: status %s, want manual", i, it.Finding.Status)
				}
				if it.Rule.ID != it.Finding.Rule {
					t.Errorf("item %d: rule %q for finding of %q", i, it.Rule.ID, it.Finding.Rule)
				}
				rl, _ := rules.Find(catalog, it.Finding.Rule)
				if it.Question != rl.Question || it.Question.SV == "" {
					t.Errorf("item %d: question %+v, want the rule's %+v", i, it.Question, rl.Question)
				}
				if where := rules.WhereToLook(it.Account.Result.Account.Platform, it.Finding.Rule); it.Where != where {
					t.Errorf("item %d: where %+v, want %+v", i, it.Where, where)
				}
				if i > 0 && a.Checklist[i-1].Account == it.Account && rank[a.Checklist[i-1].Rule.ID] >= rank[it.Rule.ID] {
					t.Errorf("item %d: %s after %s, want rule order", i, it.Rule.ID, a.Checklist[i-1].Rule.ID)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("checklist (-manual findings +checklist):\n%s", diff)
			}
		})
	}
	idrott := adminBySlug(t, r, idrottSlug)
	var blog []string
	for _, it := range idrott.Checklist {
		if it.Account.Result.Account.Name == "Idrottsbloggen" {
			blog = append(blog, it.Rule.ID)
		}
	}
	if diff := cmp.Diff([]string{"posting-frequency"}, blog); diff != "" {
		t.Errorf("the fetched blog's checklist (-want +got):\n%s", diff)
	}
	if first := idrott.Checklist[0].Account.Result.Account.Name; first != "Idrott på Facebook" {
		t.Errorf("first account %q, want Idrott på Facebook (accounts in name order)", first)
	}
}

func TestChecklistOrdersByRuleAndKeepsUnknownRulesLast(t *testing.T) {
	catalog := checklistCatalog()
	manual := func(rule string) rules.Finding {
		return rules.Finding{Rule: rule, Status: rules.Manual, Message: rules.Text{SV: "Kontrollera " + rule, EN: "Check " + rule}}
	}
	j := &rules.Judged{
		Result: scanner.Result{Account: scanner.Account{Name: "A", Platform: scanner.Instagram}, Status: scanner.FetchUnsupported},
		Findings: []rules.Finding{manual("unknown-rule"), manual("inactive-account"), {Rule: "website-link", Status: rules.Pass},
			manual("account-exists"), {Rule: "contact-details", Status: rules.Fail}, manual("city-affiliation")},
	}
	items := model.Build([]rules.Judged{*j}, catalog, model.Meta{}).Administrations[0].Checklist
	var got []string
	for _, it := range items {
		got = append(got, it.Rule.ID)
	}
	if diff := cmp.Diff([]string{"account-exists", "city-affiliation", "inactive-account", "unknown-rule"}, got); diff != "" {
		t.Fatalf("order (-want +got):\n%s", diff)
	}
	if q := items[3].Question; q != manual("unknown-rule").Message {
		t.Errorf("an unknown rule's question %+v, want the finding's message", q)
	}
	if w := items[0].Where; w != rules.WhereToLook(scanner.Instagram, "account-exists") {
		t.Errorf("where %+v", w)
	}
}

func TestUnsupportedAndCheckedLabels(t *testing.T) {
	tests := []struct {
		reason scanner.UnsupportedReason
		sv, en string
	}{
		{scanner.NeedsMetaToken, "Kräver Meta-token (Graph API)", "Needs a Meta token (Graph API)"},
		{scanner.NeedsXToken, "Kräver token för X API", "Needs an X API token"},
		{scanner.NoPublicSurface, "Visas inte utan inloggning", "Not shown without logging in"},
		{scanner.NoAdapter, "Plattformen kontrolleras inte automatiskt", "Platform not checked automatically"},
		{"", "Plattformen kontrolleras inte automatiskt", "Platform not checked automatically"},
		{"something-new", "Plattformen kontrolleras inte automatiskt", "Platform not checked automatically"},
	}
	for _, tt := range tests {
		t.Run(string(tt.reason), func(t *testing.T) {
			if got := model.UnsupportedLabel("sv", tt.reason); got != tt.sv {
				t.Errorf("sv: %q, want %q", got, tt.sv)
			}
			if got := model.UnsupportedLabel("en", tt.reason); got != tt.en {
				t.Errorf("en: %q, want %q", got, tt.en)
			}
		})
	}
	checked := []struct {
		status scanner.FetchStatus
		sv, en string
	}{
		{scanner.FetchOK, "Automatisk", "Automatically"},
		{scanner.FetchUnsupported, "Manuell", "By a person"},
		{scanner.FetchFailed, "Kunde inte kontrolleras", "Could not be checked"},
	}
	for _, tt := range checked {
		t.Run(string(tt.status), func(t *testing.T) {
			if got := model.CheckedLabel("sv", tt.status); got != tt.sv {
				t.Errorf("sv: %q, want %q", got, tt.sv)
			}
			if got := model.CheckedLabel("en", tt.status); got != tt.en {
				t.Errorf("en: %q, want %q", got, tt.en)
			}
		})
	}
}

func TestChecklistSheet(t *testing.T) {
	for _, tt := range []struct {
		lang, sheet, list, none string
		header                  []string
	}{
		{"sv", "Manuell kontroll", `"Ja,Nej,Delvis"`, "Inga punkter behöver kontrolleras manuellt.",
			[]string{"Konto", "Plattform", "Länk", "Regel-id", "Fråga", "Var du tittar", "Varför manuellt", "Svar", "Kommentar"}},
		{"en", "Manual checks", `"Yes,No,Partly"`, "No points need a manual check.",
			[]string{"Account", "Platform", "Link", "Rule ID", "Question", "Where to look", "Why manual", "Answer", "Comment"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			r := checklistReport(tt.lang)
			a := adminBySlug(t, r, idrottSlug)
			f := openXLSX(t, writeXLSX(t, r, idrottSlug))
			rows, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatalf("sheet %q: %v", tt.sheet, err)
			}
			if diff := cmp.Diff(tt.header, rows[0]); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			if len(rows) != len(a.Checklist)+1 {
				t.Fatalf("%d rows, want a header and %d questions", len(rows), len(a.Checklist))
			}
			for i, it := range a.Checklist {
				row := append(rows[i+1], make([]string, 9)...)
				acc := it.Account.Result.Account
				want := []string{acc.Name, acc.PlatformName, acc.URL, it.Rule.ID, it.Question.In(tt.lang), it.Where.In(tt.lang), it.Finding.Message.In(tt.lang), "", ""}
				if diff := cmp.Diff(want, row[:9]); diff != "" {
					t.Errorf("row %d (-want +got):\n%s", i+2, diff)
				}
				if ok, target, _ := f.GetCellHyperLink(tt.sheet, "C"+strconv.Itoa(i+2)); !ok || target != acc.URL {
					t.Errorf("row %d: link %v %q, want %q", i+2, ok, target, acc.URL)
				}
			}
			dvs, err := f.GetDataValidations(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			wantRange := "H2:H" + strconv.Itoa(len(a.Checklist)+1)
			if len(dvs) != 1 || dvs[0].Type != "list" || dvs[0].Formula1 != tt.list || dvs[0].Sqref != wantRange || !dvs[0].AllowBlank {
				t.Fatalf("data validations %+v, want one list %s on %s", dvs, tt.list, wantRange)
			}
			summary := f.GetSheetList()[0]
			for _, v := range []string{model.UnsupportedLabel(tt.lang, scanner.NoPublicSurface), model.UnsupportedLabel(tt.lang, scanner.NeedsMetaToken),
				model.CheckedLabel(tt.lang, scanner.FetchUnsupported), model.CheckedLabel(tt.lang, scanner.FetchOK)} {
				if findCell(t, f, summary, v) == "" {
					t.Errorf("summary sheet has no cell %q", v)
				}
			}

			empty := openXLSX(t, writeXLSX(t, sampleReport(tt.lang), ostermalmSlug))
			if ref := findCell(t, empty, tt.sheet, tt.none); ref != "A2" {
				t.Errorf("empty checklist: %q at %q, want A2", tt.none, ref)
			}
			if dvs, _ := empty.GetDataValidations(tt.sheet); len(dvs) != 0 {
				t.Errorf("empty checklist has data validations %+v", dvs)
			}
		})
	}
}

func TestChecklistSheetIsFormulaSafe(t *testing.T) {
	judged := checklistJudged()
	hostile := "=HYPERLINK(\"http://evil\") klicka här"
	judged[2].Findings = append(judged[2].Findings, rules.Finding{Rule: "custom-rule", Status: rules.Manual,
		Message: rules.Text{SV: hostile, EN: hostile}})
	r := model.Build(judged, checklistCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Registry: "konton.csv"})
	data := writeXLSX(t, r, idrottSlug)
	if n := formulaElements(t, data); n != 0 {
		t.Errorf("%d formula elements in the workbook", n)
	}
	f := openXLSX(t, data)
	for _, col := range []string{"E", "G"} { // the question falls back to the message
		ref := ""
		rows, _ := f.GetRows("Manuell kontroll")
		for i, row := range rows {
			if len(row) > 6 && row[6] == hostile {
				ref = col + strconv.Itoa(i+1)
			}
		}
		if ref == "" {
			t.Fatalf("no checklist row with the hostile message")
		}
		if prefix, numFmt := quotePrefix(t, f, "Manuell kontroll", ref); !prefix || numFmt != numFmtText {
			t.Errorf("%s: quote prefix %v, number format %d; want a quoted text cell", ref, prefix, numFmt)
		}
	}
}

func TestChecklistReportsAreDeterministic(t *testing.T) {
	if !bytes.Equal(writeXLSX(t, checklistReport("en"), idrottSlug), writeXLSX(t, checklistReport("en"), idrottSlug)) {
		t.Errorf("the workbook differs between two renderings")
	}
}
