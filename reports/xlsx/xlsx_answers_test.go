package xlsx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

func TestXLSXWaivedFindings(t *testing.T) {
	r := xhReport("sv")
	f := openXLSX(t, writeXLSX(t, r, kulturSlug))
	tb := readTable(t, f, "Resultat")
	status := tb.Where("Resultat", "Konto", "Stadsteatern")
	if !cmp.Equal(status, []string{"Undantagen", "Underkänd"}) {
		t.Fatalf("Stadsteatern's statuses %q, want the waived one and the one whose waiver expired", status)
	}
	msgs := tb.Where("Bedömning", "Konto", "Stadsteatern")
	for i, want := range []string{"Undantag till och med 2027-06-30, godkänt av Kommunikationsavdelningen: Teaterns varumärke står för sig självt",
		"Undantaget gällde till och med 2026-08-20 (godkänt av Kommunikationsavdelningen: Uppehåll under ombyggnad) och gäller inte längre"} {
		if !strings.Contains(msgs[i], want) {
			t.Errorf("message %d = %q, want it to contain %q", i, msgs[i], want)
		}
	}
	ref := findCell(t, f, "Resultat", "Undantagen")
	id, _ := f.GetCellStyle("Resultat", ref)
	st, err := f.GetStyle(id)
	if err != nil || len(st.Fill.Color) != 1 || !strings.EqualFold(st.Fill.Color[0], statusColours["waived"][0]) {
		t.Errorf("waived cell %s fill = %v (%v), want %s", ref, st.Fill.Color, err, statusColours["waived"][0])
	}
	t.Run("waived counts", func(t *testing.T) {
		if got := rowAfter(t, f, "Sammanfattning", "Undantagna", 1); len(got) < 6 || got[5] != "1" {
			t.Errorf("summary counts %q, want 1 waived in column F", got)
		}
		o := openXLSX(t, writeXLSX(t, r, model.OverviewSlug))
		adm := readTable(t, o, "Förvaltningar")
		if got := adm.Where("Undantagna", "Förvaltning", "Kulturförvaltningen"); !cmp.Equal(got, []string{"1"}) {
			t.Errorf("overview waived = %q, want 1", got)
		}
		w := readTable(t, o, "Undantag")
		if got := w.Where("Resultat", "Konto", "Stadsteatern"); !cmp.Equal(got, []string{"Undantagen", "Underkänd"}) {
			t.Errorf("overview waiver sheet statuses %q", got)
		}
	})
	t.Run("no waivers, no waiver sheet", func(t *testing.T) {
		o := openXLSX(t, writeXLSX(t, sampleReport("sv"), model.OverviewSlug))
		if idx, _ := o.GetSheetIndex("Undantag"); idx >= 0 {
			t.Errorf("waiver sheet without waivers")
		}
	})
}

func TestXLSXAnswerDropDown(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		r := xhReport(lang)
		for _, slug := range []string{kulturSlug, ostermalmSlug} {
			t.Run(slug+"."+lang, func(t *testing.T) {
				f := openXLSX(t, writeXLSX(t, r, slug))
				sheet := workbook.Label(lang, "sheet.findings")
				tb := readTable(t, f, sheet)
				answerCol := excelizeCol(t, tb, workbook.Label(lang, "col.answer"))
				keyCol := excelizeCol(t, tb, workbook.Label(lang, "col.key"))
				var failing []string // answer cells of failing rows
				for i, row := range tb.Rows {
					ref := answerCol + itoa(tb.Head+1+i)
					isFail := row[workbook.Label(lang, "col.status")] == model.StatusLabel(lang, "fail")
					if isFail {
						failing = append(failing, ref)
					}
					if (row[workbook.Label(lang, "col.key")] != "") != isFail {
						t.Errorf("row %d: key %q, status %q: want a key exactly on failing rows", tb.Head+1+i, row[workbook.Label(lang, "col.key")], row[workbook.Label(lang, "col.status")])
					}
					id, _ := f.GetCellStyle(sheet, ref)
					st, _ := f.GetStyle(id)
					input := len(st.Fill.Color) == 1 && strings.EqualFold(st.Fill.Color[0], "FFFDE7")
					if input != isFail {
						t.Errorf("%s: input fill %v, want it exactly on failing rows", ref, input)
					}
				}
				if len(failing) == 0 {
					t.Fatal("no failing rows in the sample")
				}
				dvs, err := f.GetDataValidations(sheet)
				if err != nil || len(dvs) != 1 {
					t.Fatalf("data validations %v (%v), want one", dvs, err)
				}
				dv := dvs[0]
				if dv.Type != "list" {
					t.Errorf("validation type %q, want list", dv.Type)
				}
				for _, a := range model.ResponseAnswers {
					if !strings.Contains(dv.Formula1, model.ResponseAnswer(lang, a.SV)) {
						t.Errorf("drop-down %q lacks %q", dv.Formula1, model.ResponseAnswer(lang, a.SV))
					}
				}
				if got := expandSqref(t, dv.Sqref); !cmp.Equal(got, failing) {
					t.Errorf("drop-down covers %q, want the failing rows' answer cells %q", got, failing)
				}
				if visible, err := f.GetColVisible(sheet, keyCol); err != nil || visible {
					t.Errorf("key column %s visible = %v (%v), want hidden", keyCol, visible, err)
				}
			})
		}
	}
}

// expandSqref lists every cell of a space-separated list of single
// cells and one-column ranges.
func expandSqref(t *testing.T, sqref string) []string {
	t.Helper()
	var out []string
	for _, part := range strings.Fields(sqref) {
		from, to, ok := strings.Cut(part, ":")
		if !ok {
			out = append(out, from)
			continue
		}
		col, r1, err1 := excelize.SplitCellName(from)
		_, r2, err2 := excelize.SplitCellName(to)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad sqref %q", sqref)
		}
		for r := r1; r <= r2; r++ {
			out = append(out, col+itoa(r))
		}
	}
	return out
}

func TestCellRanges(t *testing.T) {
	tests := []struct {
		rows []int
		want string
	}{
		{[]int{2}, "H2"},
		{[]int{2, 3, 4}, "H2:H4"},
		{[]int{2, 3, 6, 8, 9}, "H2:H3 H6 H8:H9"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := cellRanges("H", tt.rows); got != tt.want {
				t.Errorf("cellRanges(%v) = %q, want %q", tt.rows, got, tt.want)
			}
		})
	}
}

func TestXLSXAnswersAndRequests(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, xhReport("sv"), model.OverviewSlug))
	answers := readTable(t, f, "Svar")
	want := []map[string]string{
		{"Förvaltning": "Kulturförvaltningen", "Konto": "Kulturhuset", "Länk": xhKulturhusetURL, "Regel-id": "city-affiliation",
			"Regel": "Otydligt vem som står bakom kontot", "Svar": "Åtgärdad", "Svar på granskningen": "2026-08-20", "Läge nu": "Åtgärdad"},
		{"Förvaltning": "Östermalms stadsdelsförvaltning", "Konto": "Östermalm nyheter", "Länk": xhOstermalmURL, "Regel-id": "city-affiliation",
			"Regel": "Otydligt vem som står bakom kontot", "Svar": "Begär undantag", "Kommentar": "Profilen rymmer ingen mer text",
			"Svar på granskningen": "2026-08-20", "Läge nu": "Återkommande"},
		{"Förvaltning": "Östermalms stadsdelsförvaltning", "Konto": "Östermalm nyheter", "Länk": xhOstermalmURL, "Regel-id": "inactive-account",
			"Regel": "Kontot verkar inte användas", "Svar": "Kontot avslutas", "Kommentar": "Stängs i december",
			"Svar på granskningen": "2026-08-20", "Läge nu": "Kvarstår sedan 2026-05-20"},
	}
	if diff := cmp.Diff(want, answers.Rows); diff != "" {
		t.Errorf("answers sheet (-want +got):\n%s", diff)
	}
	requests := readTable(t, f, "Begärda undantag")
	if got := requests.Where("Kommentar", "Konto", "Östermalm nyheter", "Regel-id", "city-affiliation"); len(requests.Rows) != 1 || !cmp.Equal(got, []string{"Profilen rymmer ingen mer text"}) {
		t.Errorf("waiver requests = %v, want Östermalm's one", requests.Rows)
	}
	t.Run("English answers", func(t *testing.T) {
		f := openXLSX(t, writeXLSX(t, xhReport("en"), model.OverviewSlug))
		if got := readTable(t, f, "Answers").Where("Answer", "Rule ID", "inactive-account"); !cmp.Equal(got, []string{"Account will be closed"}) {
			t.Errorf("English answer = %q", got)
		}
	})
	t.Run("no requests, no request sheet", func(t *testing.T) {
		r := xhReport("sv")
		delete(r.History.Responses, xhKey(xhOstermalmURL, "city-affiliation"))
		f := openXLSX(t, writeXLSX(t, r, model.OverviewSlug))
		if idx, _ := f.GetSheetIndex("Begärda undantag"); idx >= 0 {
			t.Errorf("request sheet without requests")
		}
		if idx, _ := f.GetSheetIndex("Svar"); idx < 0 {
			t.Errorf("answers sheet missing")
		}
	})
}

func TestXLSXClosureWithHistory(t *testing.T) {
	r := xhReport("sv")
	t.Run("overview", func(t *testing.T) {
		tb := readTable(t, openXLSX(t, writeXLSX(t, r, model.OverviewSlug)), "Avslut")
		for _, tt := range []struct{ account, scans, answer string }{
			{"Östermalm nyheter", "3", "Kontot avslutas: Stängs i december"},
			{"Stadsteatern", "–", ""},
		} {
			if got := tb.Where("Inaktiv, granskningar i rad", "Konto", tt.account); !cmp.Equal(got, []string{tt.scans}) {
				t.Errorf("%s: inactive scans %q, want %q", tt.account, got, tt.scans)
			}
			if got := tb.Where("Förvaltningens svar", "Konto", tt.account); !cmp.Equal(got, []string{tt.answer}) {
				t.Errorf("%s: answer %q, want %q", tt.account, got, tt.answer)
			}
		}
	})
	t.Run("administration", func(t *testing.T) {
		f := openXLSX(t, writeXLSX(t, r, ostermalmSlug))
		tb := readTable(t, f, "Avslut")
		notice := tb.Where("Text att publicera på kontot när det avslutas", "Konto", "Östermalm nyheter")
		if want := model.ClosureNotice("Östermalm nyheter", "Östermalms stadsdelsförvaltning", "https://start.stockholm/ostermalm"); !cmp.Equal(notice, []string{want}) {
			t.Errorf("notice %q, want %q", notice, want)
		}
		if !regexp.MustCompile(`start\.stockholm/ostermalm`).MatchString(strings.Join(notice, "")) {
			t.Errorf("notice does not point to the account's web site")
		}
		if findCell(t, f, "Avslut", model.L("sv", "closure.howTo")) == "" {
			t.Errorf("closure sheet does not say what the policy requires when closing")
		}
	})
}
