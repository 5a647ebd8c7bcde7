package responses

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestReadResponsesRefusesEditsOutsideAnswers: a returned workbook in
// which anything but Svar and Kommentar was changed is refused, naming
// file, sheet, row and column; answers and comments alone pass.
func TestReadResponsesRefusesEditsOutsideAnswers(t *testing.T) {
	city, closing := xhKey(xhOstermalmURL, "city-affiliation"), xhKey(xhOstermalmURL, "inactive-account")
	r := xhReport("sv")
	expected := model.ExpectationFrom(r)
	data := writeXLSX(t, r, ostermalmSlug)
	cityRow := keyRow(t, data, "Resultat", city)
	typed := []filled{{city, "Felaktig bedömning", "Profilen nämner förvaltningen i sidfoten."}, {closing, "Kontot avslutas", ""}}
	// column finds a findings column by its Swedish label.
	column := func(f *excelize.File, label string) string {
		return excelizeCol(t, readTable(t, f, "Resultat"), label)
	}
	set := func(label string, row int, v string) func(f *excelize.File) {
		return func(f *excelize.File) {
			if err := f.SetCellValue("Resultat", column(f, label)+itoa(row), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	lastRow := func(f *excelize.File) int {
		rows, err := f.GetRows("Resultat")
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	where := `ostermalms-stadsdelsforvaltning.xlsx: sheet "Resultat", row `
	tests := []struct {
		name string
		edit func(f *excelize.File)
		want string // the only problem; empty for none
	}{
		{"answers and comments only", nil, ""},
		{"verdict Underkänd to Godkänd", set("Resultat", cityRow, "Godkänd"),
			where + itoa(cityRow) + `: column "Resultat" was changed (it reads "Godkänd"); only "Svar" and "Kommentar" may be filled in`},
		{"assessment edited", set("Bedömning", cityRow, "Profilen nämner förvaltningen."),
			where + itoa(cityRow) + `: column "Bedömning" was changed`},
		{"hidden check value edited", set("Kontroll", cityRow, "000000"),
			where + itoa(cityRow) + `: the row has`},
		{"a row added below", func(f *excelize.File) { set("Konto", lastRow(f)+1, "Ett nytt konto")(f) },
			`: column "Konto": "Ett nytt konto" was added`},
		{"the check column removed", func(f *excelize.File) {
			if err := f.RemoveCol("Resultat", column(f, "Kontroll")); err != nil {
				t.Fatal(err)
			}
		}, `sheet "Resultat", row 1: no column "Kontroll"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			returned := fillWorkbook(t, data, "sv", typed, tt.edit)
			answers, problems, err := ReadResponses(ostermalmSlug+".xlsx", bytes.NewReader(returned), expected)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(problems) != 0 || len(answers) != 2 {
					t.Errorf("untouched workbook: %d answers, problems %v", len(answers), problems)
				}
				return
			}
			if len(problems) != 1 || !strings.Contains(problems[0].Error(), tt.want) {
				t.Errorf("problems %v\nwant one containing %q", problems, tt.want)
			}
		})
	}
}

// TestReadResponsesRefusesEditOfUnansweredRow: a row no one can answer
// (a passing finding) is guarded too.
func TestReadResponsesRefusesEditOfUnansweredRow(t *testing.T) {
	r := xhReport("sv")
	data := writeXLSX(t, r, kulturSlug)
	returned := fillWorkbook(t, data, "sv", nil, func(f *excelize.File) {
		ref := findCell(t, f, "Resultat", "Godkänd")
		if ref == "" {
			t.Fatal("no passing row")
		}
		_, row, _ := excelize.SplitCellName(ref)
		col := excelizeCol(t, readTable(t, f, "Resultat"), "Resultat")
		if err := f.SetCellValue("Resultat", col+itoa(row), "Underkänd"); err != nil {
			t.Fatal(err)
		}
	})
	_, problems, err := ReadResponses(kulturSlug+".xlsx", bytes.NewReader(returned), model.ExpectationFrom(r))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), `column "Resultat" was changed (it reads "Underkänd")`) {
		t.Errorf("problems %v", problems)
	}
}

// TestCheckColumnIsHiddenAndCoversEveryOtherColumn: the check value has
// one hash per column but Svar, Kommentar and itself, and a person does
// not see it.
func TestCheckColumnIsHiddenAndCoversEveryOtherColumn(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, xhReport("en"), ostermalmSlug))
	tb := readTable(t, f, "Findings")
	col := excelizeCol(t, tb, "Check")
	visible, err := f.GetColVisible("Findings", col)
	if err != nil || visible {
		t.Errorf("check column visible %v (%v)", visible, err)
	}
	rows, _ := f.GetRows("Findings")
	for i, row := range rows[1:] {
		ci, _ := excelize.ColumnNameToNumber(col)
		if ci > len(row) || len(strings.Split(row[ci-1], ".")) != len(rows[0])-3 {
			t.Errorf("row %d: check %q for %d columns", i+2, row, len(rows[0]))
		}
	}
}
