package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// TestXLSXReportBlock checks the first sheet of every workbook names
// the sender, the contact, the reply-by date (a real date) and where to
// send the workbook, under the audit's facts, and leaves out what the
// config left empty.
func TestXLSXReportBlock(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		r := sampleReport(lang)
		r.Meta.Report = model.ReportInfo{Sender: "Stadsledningskontoret, kommunikationsenheten", ContactName: "Eva Ek",
			ContactEmail: "eva.ek@stockholm.se", ReplyBy: time.Date(2026, 12, 18, 0, 0, 0, 0, rules.Stockholm),
			SendTo: "sociala.medier@stockholm.se"}
		for _, slug := range []string{model.OverviewSlug, kulturSlug} {
			t.Run(lang+"/"+slug, func(t *testing.T) {
				f := openXLSX(t, writeXLSX(t, r, slug))
				first := f.GetSheetList()[0]
				rows, err := f.GetRows(first)
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]string{}
				for _, row := range rows {
					if len(row) >= 2 {
						got[row[0]] = row[1]
					}
				}
				for key, want := range map[string]string{
					"report.sender":  "Stadsledningskontoret, kommunikationsenheten",
					"report.contact": "Eva Ek, eva.ek@stockholm.se",
					"report.replyBy": "2026-12-18",
					"report.sendTo":  "sociala.medier@stockholm.se",
				} {
					if v := got[workbook.Label(lang, key)]; v != want {
						t.Errorf("%s: %q, want %q", workbook.Label(lang, key), v, want)
					}
				}
				assertDateCell(t, f, first, strings.Replace(findCell(t, f, first, workbook.Label(lang, "report.replyBy")), "A", "B", 1))
			})
		}
	}
	t.Run("empty fields left out", func(t *testing.T) {
		r := sampleReport("sv")
		r.Meta.Report = model.ReportInfo{Sender: "Kommunikationsenheten"}
		f := openXLSX(t, writeXLSX(t, r, kulturSlug))
		if findCell(t, f, "Sammanfattning", "Avsändare") == "" {
			t.Error("no sender")
		}
		for _, label := range []string{"Kontaktperson", "Svara senast", "Skicka arbetsboken till"} {
			if ref := findCell(t, f, "Sammanfattning", label); ref != "" {
				t.Errorf("%s shows %q though the config gave none", ref, label)
			}
		}
	})
	t.Run("no report block", func(t *testing.T) {
		r := sampleReport("sv")
		r.Meta.Report = model.ReportInfo{}
		f := openXLSX(t, writeXLSX(t, r, kulturSlug))
		if ref := findCell(t, f, "Sammanfattning", "Avsändare"); ref != "" {
			t.Errorf("%s names a sender though the config gave none", ref)
		}
	})
}

// TestXLSXCoverageBesideShare checks that the share on each summary and
// each row of the administrations' table has its coverage beside it.
func TestXLSXCoverageBesideShare(t *testing.T) {
	r := xhReport("sv")
	f := openXLSX(t, writeXLSX(t, r, model.OverviewSlug))
	tb := readTable(t, f, "Förvaltningar")
	want := map[string]string{workbook.Label("sv", "row.total"): r.Coverage.Text("sv")}
	for _, a := range r.Administrations {
		want[a.Name] = a.Coverage.Text("sv")
	}
	rows, _ := f.GetRows("Förvaltningar")
	got := map[string]string{}
	cov := len(tb.Cols) - 1
	if tb.Cols[cov] != "Täckning" || tb.Cols[cov-1] != "Andel uppfyllda" {
		t.Fatalf("columns %q: want the coverage right of the share", tb.Cols)
	}
	for _, row := range rows[1:] {
		if len(row) > cov {
			got[row[0]] = row[cov]
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("coverage by administration (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		slug, sheet, want string
	}{{model.OverviewSlug, "Översikt", r.Coverage.Text("sv")}, {kulturSlug, "Sammanfattning", adminBySlug(t, r, kulturSlug).Coverage.Text("sv")}} {
		g := openXLSX(t, writeXLSX(t, r, tt.slug))
		label := findCell(t, g, tt.sheet, "Andel uppfyllda")
		cov := findCell(t, g, tt.sheet, tt.want)
		if label == "" || cov == "" {
			t.Errorf("%s: share label at %q, coverage %q at %q", tt.sheet, label, tt.want, cov)
			continue
		}
		lc, lr, _ := excelize.CellNameToCoordinates(label)
		cc, cr, _ := excelize.CellNameToCoordinates(cov)
		// The share stands under its label; the coverage right of it.
		if cc != lc+1 || cr != lr+1 {
			t.Errorf("%s: coverage at %s, want right of the share under %s", tt.sheet, cov, label)
		}
	}
}

// TestOverviewXLSXSheets checks the overview carries, as the overview
// PDF does, the findings fixed since the previous scan, answers and
// waivers, each in a sheet of its own with the right rows.
func TestOverviewXLSXSheets(t *testing.T) {
	r := xhReport("sv")
	f := openXLSX(t, writeXLSX(t, r, model.OverviewSlug))
	want := []string{"Översikt", "Förvaltningar", "Utveckling", "Underkända", "Åtgärdade", "Per regel", "Kunde inte läsas",
		"Undantag", "Svar", "Begärda undantag", "Avslut", "Regler"}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	fixed := readTable(t, f, "Åtgärdade")
	var rows []string
	for _, row := range fixed.Rows {
		rows = append(rows, row["Förvaltning"]+"|"+row["Konto"]+"|"+row["Regel-id"]+"|"+row["Regel"])
	}
	if diff := cmp.Diff([]string{"Kulturförvaltningen|Kulturhuset|city-affiliation|Otydligt vem som står bakom kontot"}, rows); diff != "" {
		t.Errorf("fixed findings (-want +got):\n%s", diff)
	}
	var unread []string
	for _, row := range readTable(t, f, "Kunde inte läsas").Rows {
		unread = append(unread, row["Förvaltning"]+"|"+row["Konto"]+"|"+row["Ansvarig"]+"|"+row["Kunde inte läsas, granskningar i rad"]+"|"+
			row["Orsak"]+"|"+row["Nästa steg"])
	}
	var wantUnread []string
	for _, u := range r.Unread {
		acc := u.Account.Result.Account
		wantUnread = append(wantUnread, acc.Administration+"|"+acc.Name+"|"+acc.Owner+"|"+strconv.Itoa(u.Streak)+"|"+
			upperFirst(u.Reason.SV)+"|"+u.NextStep.SV)
	}
	if len(wantUnread) == 0 {
		t.Fatal("the sample has no unread account; the test proves nothing")
	}
	if diff := cmp.Diff(wantUnread, unread); diff != "" {
		t.Errorf("unread accounts (-want +got):\n%s", diff)
	}
	var tally, wantTally []string
	for _, row := range readTable(t, f, "Per regel").Rows {
		tally = append(tally, strings.Join([]string{row["Regel-id"], row["Underkända"], row["Godkända"], row["Manuell kontroll"],
			row["Kunde inte kontrolleras"], row["Undantagna"], row["Konton"]}, "|"))
	}
	failing := 0
	for _, rt := range r.RuleTallies {
		failing += rt.Fail
		wantTally = append(wantTally, fmt.Sprintf("%s|%d|%d|%d|%d|%d|%d", rt.Rule.ID, rt.Fail, rt.Pass, rt.Manual, rt.Error, rt.Waived, rt.Accounts()))
	}
	if failing == 0 {
		t.Fatal("no rule fails in the sample; the test proves nothing")
	}
	if diff := cmp.Diff(wantTally, tally); diff != "" {
		t.Errorf("per-rule tally (-want +got):\n%s", diff)
	}
	t.Run("no history, no fixed sheet", func(t *testing.T) {
		g := openXLSX(t, writeXLSX(t, sampleReport("sv"), model.OverviewSlug))
		if idx, _ := g.GetSheetIndex("Åtgärdade"); idx >= 0 {
			t.Error("a fixed sheet without history")
		}
	})
}

// TestXLSXGranskning checks the first sheet carries the report's summary
// paragraph and its recommendations, most important first, each wrapped
// across the sheet in a row tall enough to show it.
func TestXLSXGranskning(t *testing.T) {
	r := xhReport("sv")
	for _, tt := range []struct {
		slug, sheet string
		g           model.Granskning
	}{{model.OverviewSlug, "Översikt", r.Granskning}, {kulturSlug, "Sammanfattning", adminBySlug(t, r, kulturSlug).Granskning}} {
		t.Run(tt.slug, func(t *testing.T) {
			if tt.g.Summary.SV == "" || len(tt.g.Recommendations) == 0 {
				t.Fatal("the sample has no summary or no recommendation; the test proves nothing")
			}
			f := openXLSX(t, writeXLSX(t, r, tt.slug))
			merged, err := f.GetMergeCells(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			spans := map[string]string{}
			for _, m := range merged {
				spans[m.GetStartAxis()] = m.GetEndAxis()
			}
			paras := []string{tt.g.Summary.SV}
			for i, rec := range tt.g.Recommendations {
				want := fmt.Sprintf("%d. %s\nAllvarlighetsgrad: %s", i+1, rec.Text.SV, rec.Severity.Label().SV)
				paras = append(paras, want)
			}
			rows, _ := f.GetRows(tt.sheet)
			last := 0
			for i, want := range paras {
				at := 0
				for ri, row := range rows {
					if len(row) > 0 && strings.HasPrefix(row[0], want) {
						at = ri + 1
					}
				}
				if at == 0 {
					t.Errorf("no paragraph starts %q", want)
					continue
				}
				if at <= last {
					t.Errorf("paragraph %d in row %d, not below the one before (row %d)", i, at, last)
				}
				last = at
				ref := "A" + strconv.Itoa(at)
				if end := spans[ref]; end == "" || end[0] < 'H' {
					t.Errorf("%s: merged to %q, want across at least A:H", ref, end)
				}
				h, _ := f.GetRowHeight(tt.sheet, at)
				if lines := strings.Count(rows[at-1][0], "\n") + 1; h < float64(lines*xlsxLinePoints) {
					t.Errorf("%s: row height %v for %d lines", ref, h, lines)
				}
				if st := cellStyle(t, f, tt.sheet, ref); st.Alignment == nil || !st.Alignment.WrapText {
					t.Errorf("%s does not wrap", ref)
				}
			}
		})
	}
}

func TestParaLines(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		want  int
	}{
		{"kort", 80, 1},
		{strings.Repeat("a", 100), 80, 2},
		{"rad ett\nrad två", 80, 2},
		{strings.Repeat("å", 160) + "\nslut", 80, 4}, // 176 units over 80 is 3 lines, then 1
	} {
		if got := paraLines(tt.text, tt.width); got != tt.want {
			t.Errorf("paraLines(%.20q, %v) = %d, want %d", tt.text, tt.width, got, tt.want)
		}
	}
}
