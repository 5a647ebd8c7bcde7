package xlsx

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestChecklistSheet(t *testing.T) {
	for _, tt := range []struct {
		lang, sheet, list, none string
		header                  []string
	}{
		{"sv", "Manuell kontroll", `"Ja,Nej,Delvis"`, "Inga punkter behöver kontrolleras manuellt.",
			[]string{"Konto", "Plattform", "Länk", "Ansvarig", "Regel-id", "Fråga", "Var du tittar", "Varför manuellt", "Svar", "Kommentar"}},
		{"en", "Manual checks", `"Yes,No,Partly"`, "No points need a manual check.",
			[]string{"Account", "Platform", "Link", "Owner", "Rule ID", "Question", "Where to look", "Why manual", "Answer", "Comment"}},
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
				row := append(rows[i+1], make([]string, 10)...)
				acc := it.Account.Result.Account
				want := []string{acc.Name, acc.PlatformName, acc.URL, acc.Owner, it.Rule.ID, it.Question.In(tt.lang), it.Where.In(tt.lang), it.Finding.Message.In(tt.lang), "", ""}
				if diff := cmp.Diff(want, row[:10]); diff != "" {
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
			wantRange := "I2:I" + strconv.Itoa(len(a.Checklist)+1)
			if len(dvs) != 1 || dvs[0].Type != "list" || dvs[0].Formula1 != tt.list || dvs[0].Sqref != wantRange || !dvs[0].AllowBlank {
				t.Fatalf("data validations %+v, want one list %s on %s", dvs, tt.list, wantRange)
			}
			accounts := workbook.Label(tt.lang, "sheet.accounts")
			for _, v := range []string{model.UnsupportedLabel(tt.lang, scanner.NoPublicSurface), model.UnsupportedLabel(tt.lang, scanner.NeedsMetaToken),
				model.CheckedLabel(tt.lang, scanner.FetchUnsupported), model.CheckedLabel(tt.lang, scanner.FetchOK)} {
				if findCell(t, f, accounts, v) == "" {
					t.Errorf("accounts sheet has no cell %q", v)
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
	r := model.Build(judged, checklistCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Registry: "konton.csv"}, model.Inputs{})
	data := writeXLSX(t, r, idrottSlug)
	if n := formulaElements(t, data); n != 0 {
		t.Errorf("%d formula elements in the workbook", n)
	}
	f := openXLSX(t, data)
	for _, col := range []string{"F", "H"} { // the question falls back to the message
		ref := ""
		rows, _ := f.GetRows("Manuell kontroll")
		for i, row := range rows {
			if len(row) > 7 && row[7] == hostile {
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
