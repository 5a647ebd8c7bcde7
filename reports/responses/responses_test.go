package responses

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// filled is an answer a person types into a workbook, by finding key.
type filled struct {
	key             model.FindingKey
	answer, comment string
}

// fillWorkbook answers findings in an administration's workbook as a
// person would in Excel: it finds each finding's row by its key and
// types into the answer and comment cells; then edit may tamper with
// the file before it is saved.
func fillWorkbook(t *testing.T, data []byte, lang string, answers []filled, edit func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := workbook.Label(lang, "sheet.findings")
	for _, a := range answers {
		tb := readTable(t, f, sheet)
		answerCol := excelizeCol(t, tb, workbook.Label(lang, "col.answer"))
		commentCol := excelizeCol(t, tb, workbook.Label(lang, "col.comment"))
		ref := findCell(t, f, sheet, model.ResponseKey(a.key))
		if ref == "" {
			t.Fatalf("no row has key %q", model.ResponseKey(a.key))
		}
		_, row, _ := excelize.SplitCellName(ref)
		if err := f.SetCellValue(sheet, answerCol+itoa(row), a.answer); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue(sheet, commentCol+itoa(row), a.comment); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// keyRow is the row of the finding with key in a written workbook.
func keyRow(t *testing.T, data []byte, sheet string, key model.FindingKey) int {
	t.Helper()
	ref := findCell(t, openXLSX(t, data), sheet, model.ResponseKey(key))
	_, row, err := excelize.SplitCellName(ref)
	if err != nil {
		t.Fatalf("no row has key %q", model.ResponseKey(key))
	}
	return row
}

func TestReadResponsesRoundTrip(t *testing.T) {
	city, closing := xhKey(xhOstermalmURL, "city-affiliation"), xhKey(xhOstermalmURL, "inactive-account")
	tests := []struct {
		name, lang string
		typed      []filled
		want       []filled // as stored: Swedish answers, trimmed comments
	}{
		{"Swedish answers", "sv",
			[]filled{{city, "Begär undantag", "Profilen rymmer ingen mer text"}, {closing, "Kontot avslutas", ""}},
			[]filled{{city, "Begär undantag", "Profilen rymmer ingen mer text"}, {closing, "Kontot avslutas", ""}}},
		{"English workbook", "en",
			[]filled{{city, "Exception requested", " No room left "}, {closing, "Account will be closed", "December"}},
			[]filled{{city, "Begär undantag", "No room left"}, {closing, "Kontot avslutas", "December"}}},
		{"either language, any case and spacing", "sv",
			[]filled{{city, "  åtgärd  PLANERAD ", ""}, {closing, "Wrong assessment", "Vi postar varje vecka"}},
			[]filled{{city, "Åtgärd planerad", ""}, {closing, "Felaktig bedömning", "Vi postar varje vecka"}}},
		{"empty answers are skipped", "sv",
			[]filled{{city, "", "bara en kommentar"}, {closing, "Åtgärdad", ""}},
			[]filled{{closing, "Åtgärdad", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := xhReport(tt.lang)
			written := writeXLSX(t, r, ostermalmSlug)
			data := fillWorkbook(t, written, tt.lang, tt.typed, nil)
			got, problems, err := ReadResponses("svar/"+ostermalmSlug+".xlsx", bytes.NewReader(data), model.ExpectationFrom(r))
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) > 0 {
				t.Fatalf("problems in a correctly filled workbook: %v", problems)
			}
			sheet := workbook.Label(tt.lang, "sheet.findings")
			var want []model.ReturnedAnswer
			for _, w := range tt.want {
				want = append(want, model.ReturnedAnswer{Administration: "Östermalms stadsdelsförvaltning", Key: w.key, Answer: w.answer,
					Comment: w.comment, AsOf: sampleAsOf,
					File: ostermalmSlug + ".xlsx", Sheet: sheet, Row: keyRow(t, written, sheet, w.key)})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadResponsesRejectsTampering(t *testing.T) {
	city, closing := xhKey(xhOstermalmURL, "city-affiliation"), xhKey(xhOstermalmURL, "inactive-account")
	teatern := xhKey(xhTeaternURL, "inactive-account")
	r := xhReport("sv")
	expected := model.ExpectationFrom(r)
	ostermalm, kultur := writeXLSX(t, r, ostermalmSlug), writeXLSX(t, r, kulturSlug)
	cityRow, closingRow := keyRow(t, ostermalm, "Resultat", city), keyRow(t, ostermalm, "Resultat", closing)
	teaternRow := keyRow(t, kultur, "Resultat", teatern)
	// The findings columns by their labels, as the reader finds them.
	findings := readTable(t, openXLSX(t, ostermalm), "Resultat")
	ruleCol, answerCol, keyCol := excelizeCol(t, findings, "Regel-id"), excelizeCol(t, findings, "Svar"), excelizeCol(t, findings, "Nyckel")
	set := func(sheet, ref, v string) func(f *excelize.File) {
		return func(f *excelize.File) {
			if err := f.SetCellValue(sheet, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name     string
		file     string
		data     []byte
		typed    []filled
		edit     func(f *excelize.File)
		expected func(e *model.Expectation)
		want     []string // every problem, in order
		answers  int      // answers still read from the rows without problems
	}{
		{name: "account cell changed", file: ostermalmSlug + ".xlsx", data: ostermalm,
			typed: []filled{{city, "Åtgärdad", ""}, {closing, "Kontot avslutas", ""}},
			edit:  set("Resultat", "A"+itoa(cityRow), "Annat konto"),
			want: []string{`ostermalms-stadsdelsforvaltning.xlsx: sheet "Resultat", row ` + itoa(cityRow) +
				`: altered row: column "Konto" reads "Annat konto", but the audit showed "Östermalm nyheter" for this key`},
			answers: 1},
		{name: "rule cell changed", file: ostermalmSlug + ".xlsx", data: ostermalm,
			typed:   []filled{{closing, "Kontot avslutas", ""}},
			edit:    set("Resultat", ruleCol+itoa(closingRow), "city-affiliation"),
			want:    []string{`sheet "Resultat", row ` + itoa(closingRow) + `: altered row: column "Regel-id" reads "city-affiliation"`},
			answers: 0},
		{name: "answer not in the list", file: ostermalmSlug + ".xlsx", data: ostermalm,
			typed: []filled{{city, "Åtgärdad", ""}, {closing, "Kanske", ""}},
			want: []string{`ostermalms-stadsdelsforvaltning.xlsx: sheet "Resultat", row ` + itoa(closingRow) +
				`: answer "Kanske" is not one of "Åtgärdad", "Åtgärd planerad", "Begär undantag", "Kontot avslutas", "Felaktig bedömning"`},
			answers: 1},
		{name: "Kulturförvaltningen's file as Östermalm's", file: ostermalmSlug + ".xlsx", data: kultur,
			typed:   []filled{{teatern, "Åtgärdad", ""}},
			want:    []string{`ostermalms-stadsdelsforvaltning.xlsx: sheet "Sammanfattning", row 2: the file is named for Östermalms stadsdelsförvaltning but the workbook is Kulturförvaltningen's`},
			answers: 1},
		{name: "administration cell changed to another", file: kulturSlug + ".xlsx", data: kultur,
			typed: []filled{{teatern, "Åtgärdad", ""}},
			edit:  set("Sammanfattning", "B2", "Östermalms stadsdelsförvaltning"),
			want: []string{`kulturforvaltningen.xlsx: sheet "Sammanfattning", row 2: the file is named for Kulturförvaltningen but the workbook is Östermalms stadsdelsförvaltning's`,
				`kulturforvaltningen.xlsx: sheet "Resultat", row ` + itoa(teaternRow) + `: key "social.example/@stadsteatern|inactive-account" is a finding of Kulturförvaltningen, not of Östermalms stadsdelsförvaltning`}},
		{name: "administration not in the audit", file: "svar.xlsx", data: kultur,
			edit: set("Sammanfattning", "B2", "Trafikkontoret"),
			want: []string{`svar.xlsx: sheet "Sammanfattning", row 2: administration "Trafikkontoret" is not one of this audit's`}},
		{name: "answer on a passing finding", file: kulturSlug + ".xlsx", data: kultur,
			edit: func(f *excelize.File) {
				ref := findCell(t, f, "Resultat", "Tydligt att kontot tillhör staden")
				_, row, _ := excelize.SplitCellName(ref)
				set("Resultat", answerCol+itoa(row), "Åtgärdad")(f)
			},
			want: []string{`: answer "Åtgärdad" on a row without a key: only failing findings can be answered`}},
		{name: "key edited", file: ostermalmSlug + ".xlsx", data: ostermalm,
			typed:   []filled{{city, "Åtgärdad", ""}},
			edit:    set("Resultat", keyCol+itoa(closingRow), "social.example/@ostermalm|no-such-rule"),
			want:    []string{`row ` + itoa(closingRow) + `: key "social.example/@ostermalm|no-such-rule" is not a failing finding of Östermalms stadsdelsförvaltning in this audit`},
			answers: 1},
		{name: "key garbled", file: ostermalmSlug + ".xlsx", data: ostermalm,
			edit: set("Resultat", keyCol+itoa(closingRow), "nyckel"),
			want: []string{`row ` + itoa(closingRow) + `: key "nyckel" is not a finding key`}},
		{name: "row copied", file: ostermalmSlug + ".xlsx", data: ostermalm,
			edit: func(f *excelize.File) {
				if err := f.DuplicateRow("Resultat", closingRow); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{`row ` + itoa(closingRow+1) + `: the same finding as row ` + itoa(closingRow)}},
		{name: "key column removed", file: ostermalmSlug + ".xlsx", data: ostermalm,
			edit: func(f *excelize.File) {
				if err := f.RemoveCol("Resultat", keyCol); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{`sheet "Resultat": no column "Nyckel" or "Key": the key column was removed`}},
		{name: "workbook of another audit", file: ostermalmSlug + ".xlsx", data: ostermalm,
			typed:    []filled{{city, "Åtgärdad", ""}},
			expected: func(e *model.Expectation) { e.AsOf = time.Date(2027, 2, 20, 0, 0, 0, 0, xhFirst.Location()) },
			want:     []string{`sheet "Sammanfattning", row 3: the workbook is from the audit of 2026-11-20, not of 2027-02-20`},
			answers:  1},
		{name: "not an administration's workbook", file: "oversikt.xlsx", data: writeXLSX(t, r, model.OverviewSlug),
			want: []string{`oversikt.xlsx: no sheet "Sammanfattning" or "Summary": not an administration's workbook`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := expected
			if tt.expected != nil {
				e = model.ExpectationFrom(r)
				tt.expected(&e)
			}
			data := fillWorkbook(t, tt.data, "sv", tt.typed, tt.edit)
			got, problems, err := ReadResponses(tt.file, bytes.NewReader(data), e)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != len(tt.want) {
				t.Fatalf("problems %q, want %d like %q", problems, len(tt.want), tt.want)
			}
			for i, p := range problems {
				if !strings.Contains(p.Error(), tt.want[i]) {
					t.Errorf("problem %d = %q, want it to contain %q", i, p.Error(), tt.want[i])
				}
			}
			if len(got) != tt.answers {
				t.Errorf("%d answers read, want %d: %+v", len(got), tt.answers, got)
			}
		})
	}
}

func TestReadResponsesNeedsAWorkbook(t *testing.T) {
	_, _, err := ReadResponses("svar.xlsx", strings.NewReader("Förvaltning;Svar\n"), model.ExpectationFrom(xhReport("sv")))
	if err == nil || !strings.Contains(err.Error(), "svar.xlsx") {
		t.Errorf("err = %v, want an error naming svar.xlsx", err)
	}
}

func TestExpectationFrom(t *testing.T) {
	e := model.ExpectationFrom(xhReport("sv"))
	want := map[string]map[model.FindingKey]model.ExpectedRow{
		"Kulturförvaltningen": {xhKey(xhTeaternURL, "inactive-account"): {Account: "Stadsteatern", Rule: "inactive-account"}},
		"Östermalms stadsdelsförvaltning": {
			xhKey(xhOstermalmURL, "city-affiliation"): {Account: "Östermalm nyheter", Rule: "city-affiliation"},
			xhKey(xhOstermalmURL, "inactive-account"): {Account: "Östermalm nyheter", Rule: "inactive-account"},
		},
	}
	if diff := cmp.Diff(want, e.Administrations); diff != "" {
		t.Errorf("failing findings (-want +got):\n%s", diff)
	}
	if e.Slugs[kulturSlug] != "Kulturförvaltningen" || e.Slugs[ostermalmSlug] != "Östermalms stadsdelsförvaltning" || !e.AsOf.Equal(sampleAsOf) {
		t.Errorf("slugs %v, as of %v", e.Slugs, e.AsOf)
	}
}

func TestResponseKeysAndAnswers(t *testing.T) {
	keys := []struct {
		in   string
		want model.FindingKey
		ok   bool
	}{
		{"social.example/@ostermalm|city-affiliation", model.FindingKey{Account: "social.example/@ostermalm", Rule: "city-affiliation"}, true},
		{" example.org/page?a=1|2|inactive-account ", model.FindingKey{Account: "example.org/page?a=1|2", Rule: "inactive-account"}, true},
		{"no-bar", model.FindingKey{}, false},
		{"|rule", model.FindingKey{}, false},
		{"account|", model.FindingKey{}, false},
	}
	for _, tt := range keys {
		t.Run("key "+tt.in, func(t *testing.T) {
			got, ok := model.ParseResponseKey(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseResponseKey(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
	for _, a := range model.ResponseAnswers {
		for _, typed := range []string{a.SV, a.EN, strings.ToUpper(a.SV), "  " + a.EN + " "} {
			t.Run("answer "+typed, func(t *testing.T) {
				if got, ok := model.ParseAnswer(typed); !ok || got != a.SV {
					t.Errorf("ParseAnswer(%q) = %q, %v; want %q", typed, got, ok, a.SV)
				}
			})
		}
	}
	if got, ok := model.ParseAnswer("Kanske"); ok {
		t.Errorf("ParseAnswer(Kanske) = %q, accepted", got)
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    model.Problem
		want string
	}{
		{model.Problem{File: "k.xlsx", Sheet: "Resultat", Row: 7, Message: "m"}, `k.xlsx: sheet "Resultat", row 7: m`},
		{model.Problem{File: "k.xlsx", Sheet: "Resultat", Message: "m"}, `k.xlsx: sheet "Resultat": m`},
		{model.Problem{File: "k.xlsx", Message: "m"}, `k.xlsx: m`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.p.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}
