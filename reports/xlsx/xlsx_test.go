package xlsx

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
)

func TestAdministrationXLSXNamesOnlyItsOwnAccounts(t *testing.T) {
	for _, build := range []struct {
		name   string
		report func(lang string) *model.Report
	}{{"", sampleReport}, {"history/", xhReport}} {
		for _, lang := range []string{"sv", "en"} {
			r := build.report(lang)
			for _, a := range r.Administrations {
				t.Run(build.name+a.Slug+"."+lang, func(t *testing.T) {
					dump := dumpXLSX(t, writeXLSX(t, r, a.Slug))
					for _, own := range a.Accounts {
						if !strings.Contains(dump, own.Result.Account.Name) {
							t.Errorf("workbook does not name its own account %q", own.Result.Account.Name)
						}
					}
					for _, other := range r.Administrations {
						if other == a {
							continue
						}
						if strings.Contains(dump, other.Name) {
							t.Errorf("workbook names another administration %q", other.Name)
						}
						for _, j := range other.Accounts {
							acc := j.Result.Account
							if strings.Contains(dump, acc.Name) || strings.Contains(dump, acc.URL) {
								t.Errorf("workbook names another administration's account %q (%s)", acc.Name, acc.URL)
							}
						}
					}
				})
			}
		}
	}
	t.Run("Kulturförvaltningen never mentions Östermalm", func(t *testing.T) {
		dump := dumpXLSX(t, writeXLSX(t, sampleReport("sv"), kulturSlug))
		if strings.Contains(strings.ToLower(dump), "östermalm") {
			t.Errorf("Kulturförvaltningen's workbook mentions Östermalm:\n%s", dump)
		}
	})
}

func TestXLSXSheetNamesAndHeaders(t *testing.T) {
	tests := []struct {
		lang, slug string
		sheets     []string
		header     []string // row 1 of the second sheet, the first table's, first cells
		words      []string // words in the workbook's language
	}{
		{"sv", kulturSlug, []string{"Sammanfattning", "Konton", "Resultat", "Kunde inte läsas", "Manuell kontroll", "Avslut"}, []string{"Konto", "Plattform", "Länk", "Ansvarig", "Hämtning"},
			[]string{"Granskningsdatum", "Godkänd", "Manuell kontroll", "Kunde inte kontrolleras", "Inga konton föreslås för avslut."}},
		{"en", kulturSlug, []string{"Summary", "Accounts", "Findings", "Not read", "Manual checks", "Closure"}, []string{"Account", "Platform", "Link", "Owner", "Fetch"},
			[]string{"Audit date", "Pass", "Manual check", "Could not be checked", "No accounts are proposed for closure."}},
		{"sv", model.OverviewSlug, []string{"Översikt", "Förvaltningar", "Underkända", "Per regel", "Kunde inte läsas", "Avslut", "Regler"}, []string{"Förvaltning", "Fil", "Konton", "Godkända", "Underkända"},
			[]string{"Totalt", "Konton med underkända punkter", "Vad som kontrolleras"}},
		{"en", model.OverviewSlug, []string{"Overview", "Administrations", "Failing", "By rule", "Not read", "Closure", "Rules"}, []string{"Administration", "File", "Accounts", "Pass", "Fail"},
			[]string{"Total", "Accounts failing", "What is checked"}},
	}
	for _, tt := range tests {
		t.Run(tt.slug+"."+tt.lang, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, sampleReport(tt.lang), tt.slug))
			if diff := cmp.Diff(tt.sheets, f.GetSheetList()); diff != "" {
				t.Errorf("sheets (-want +got):\n%s", diff)
			}
			rows, err := f.GetRows(tt.sheets[1])
			if err != nil || len(rows) == 0 {
				t.Fatalf("sheet %q has no rows: %v", tt.sheets[1], err)
			}
			if got := rows[0][:min(len(rows[0]), len(tt.header))]; !cmp.Equal(tt.header, got) {
				t.Errorf("header row of %q = %q, want %q", tt.sheets[1], got, tt.header)
			}
			for _, w := range tt.words {
				found := false
				for _, s := range f.GetSheetList() {
					if findCell(t, f, s, w) != "" {
						found = true
					}
				}
				if !found {
					t.Errorf("no cell reads %q", w)
				}
			}
		})
	}
}

func TestXLSXKeepsSwedishLettersAndEmoji(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, sampleReport("sv"), model.OverviewSlug))
	for _, v := range []string{
		"Granskning av sociala medier – stadsövergripande översikt",
		"Kulturförvaltningen",
		"Östermalms stadsdelsförvaltning",
		"Matchad text: =HYPERLINK(\"x\") Vi är en del av Stockholms stad 🎉",
	} {
		found := false
		for _, s := range f.GetSheetList() {
			if findCell(t, f, s, v) != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("no cell reads %q", v)
		}
	}
}

func TestXLSXStatusCellsAreColoured(t *testing.T) {
	want := map[string]string{ // status word -> fill colour
		"Godkänd": "C6EFCE", "Underkänd": "FFC7CE", "Manuell kontroll": "FFEB9C", "Kunde inte kontrolleras": "D9D9D9",
	}
	seen := map[string]bool{}
	r := sampleReport("sv")
	for _, slug := range []string{kulturSlug, ostermalmSlug} {
		f := openXLSX(t, writeXLSX(t, r, slug))
		rows, err := f.GetRows("Resultat")
		if err != nil {
			t.Fatal(err)
		}
		col := excelizeCol(t, readTable(t, f, "Resultat"), "Resultat")
		for ri := 1; ri < len(rows); ri++ {
			ref := col + strconv.Itoa(ri+1)
			status, _ := f.GetCellValue("Resultat", ref)
			t.Run(slug+"/"+ref+"/"+status, func(t *testing.T) {
				colour, ok := want[status]
				if !ok {
					t.Fatalf("%s reads %q, not a status", ref, status)
				}
				seen[status] = true
				id, err := f.GetCellStyle("Resultat", ref)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				if len(st.Fill.Color) != 1 || !strings.EqualFold(st.Fill.Color[0], colour) {
					t.Errorf("%s (%s) fill = %v, want %s", ref, status, st.Fill.Color, colour)
				}
			})
		}
	}
	if len(seen) != len(want) {
		t.Errorf("statuses seen %v, want all of %v", seen, want)
	}
}

func TestXLSXHeaderRowsAreBoldAndFilled(t *testing.T) {
	// The history sample has every sheet an overview can have.
	f := openXLSX(t, writeXLSX(t, xhReport("sv"), model.OverviewSlug))
	for _, sheet := range f.GetSheetList() {
		t.Run(sheet, func(t *testing.T) {
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if panes.YSplit == 0 {
				t.Skip("no table on this sheet")
			}
			ref, _ := excelize.CoordinatesToCellName(1, panes.YSplit)
			id, _ := f.GetCellStyle(sheet, ref)
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
				t.Errorf("header cell %s: font %+v, fill %v; want bold with a fill", ref, st.Font, st.Fill.Color)
			}
		})
	}
}

func TestXLSXHyperlinks(t *testing.T) {
	r := sampleReport("sv")
	a := adminBySlug(t, r, kulturSlug)
	f := openXLSX(t, writeXLSX(t, r, kulturSlug))
	for _, sheet := range []string{"Konton", "Resultat"} {
		for _, j := range a.Accounts {
			url := j.Result.Account.URL
			t.Run(sheet+"/"+url, func(t *testing.T) {
				ref := findCell(t, f, sheet, url)
				if ref == "" {
					t.Fatalf("no cell reads %q", url)
				}
				ok, target, err := f.GetCellHyperLink(sheet, ref)
				if err != nil || !ok || target != url {
					t.Errorf("%s hyperlink = %v %q (%v), want %q", ref, ok, target, err, url)
				}
			})
		}
	}
	t.Run("overview links each administration's workbook", func(t *testing.T) {
		o := openXLSX(t, writeXLSX(t, r, model.OverviewSlug))
		for _, a := range r.Administrations {
			ref := findCell(t, o, "Förvaltningar", a.Slug+".xlsx")
			ok, target, _ := o.GetCellHyperLink("Förvaltningar", ref)
			if ref == "" || !ok || target != a.Slug+".xlsx" {
				t.Errorf("%s: cell %q link %v %q", a.Name, ref, ok, target)
			}
		}
	})
}

func TestXLSXFreezePanesFilterAndPrint(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		r := xhReport(lang) // with history: every sheet a workbook can have
		for _, slug := range []string{model.OverviewSlug, kulturSlug, ostermalmSlug} {
			f := openXLSX(t, writeXLSX(t, r, slug))
			names := map[string]map[string]string{} // sheet -> defined name -> refers to
			for _, d := range f.GetDefinedName() {
				if names[d.Scope] == nil {
					names[d.Scope] = map[string]string{}
				}
				names[d.Scope][d.Name] = d.RefersTo
			}
			for i, sheet := range f.GetSheetList() {
				t.Run(slug+"."+lang+"/"+sheet, func(t *testing.T) {
					panes, err := f.GetPanes(sheet)
					if err != nil {
						t.Fatal(err)
					}
					if i == 0 {
						// The summary: facts, counts and notes, no table;
						// frozen rows would only eat the screen.
						if panes.Freeze || panes.YSplit != 0 {
							t.Errorf("panes = %+v, want nothing frozen on the summary", panes)
						}
						return
					}
					// Exactly the header: the table's first row, alone.
					if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
						t.Fatalf("panes = %+v, want row 1, the header, frozen and nothing else", panes)
					}
					if st := cellStyle(t, f, sheet, "A1"); st.Font == nil || !st.Font.Bold {
						t.Errorf("A1 is not a header cell: %+v", st.Font)
					}
					head := "$" + strconv.Itoa(panes.YSplit)
					if got := names[sheet]["_xlnm._FilterDatabase"]; !strings.Contains(got, "!$A"+head+":") {
						t.Errorf("autofilter = %q, want it to start at A%s", got, head)
					}
					if got := names[sheet]["_xlnm.Print_Titles"]; !strings.HasSuffix(got, "!"+head+":"+head) {
						t.Errorf("print titles = %q, want row %d", got, panes.YSplit)
					}
					layout, err := f.GetPageLayout(sheet)
					if err != nil {
						t.Fatal(err)
					}
					if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
						t.Errorf("page layout = %+v, want landscape, one page wide", layout)
					}
					props, err := f.GetSheetProps(sheet)
					if err != nil || props.FitToPage == nil || !*props.FitToPage {
						t.Errorf("fit to page not set: %+v %v", props, err)
					}
					for col := 1; col <= 3; col++ {
						name, _ := excelize.ColumnNumberToName(col)
						w, err := f.GetColWidth(sheet, name)
						if err != nil || w < xlsxMinWidth || w > xlsxMaxWidth {
							t.Errorf("column %s width %v (%v), want %d..%d", name, w, err, xlsxMinWidth, xlsxMaxWidth)
						}
					}
				})
			}
		}
	}
}

// cellStyle is the style of a cell of a written workbook.
func cellStyle(t *testing.T, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
