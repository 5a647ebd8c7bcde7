package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// reportWith builds the sample report after change has edited the
// sample accounts; judged[1] is Kulturhuset of Kulturförvaltningen.
func reportWith(change func(judged []rules.Judged)) *model.Report {
	judged := sampleJudged()
	change(judged)
	return model.Build(judged, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: "sv", Registry: "konton.csv"}, model.Inputs{})
}

// quotePrefix reports whether a cell's style carries Excel's quote prefix.
func quotePrefix(t *testing.T, f *excelize.File, sheet, ref string) (prefix bool, numFmt int) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id) // also loads the style sheet into f.Styles
	if err != nil {
		t.Fatal(err)
	}
	xf := f.Styles.CellXfs.Xf[id]
	return xf.QuotePrefix != nil && *xf.QuotePrefix, st.NumFmt
}

func TestXLSXNeverWritesFormulas(t *testing.T) {
	tests := []struct {
		name, value, want string
		quoted            bool
	}{
		{"equals", "=1+1", "=1+1", true},
		{"plus", "+SUM(A1:A2)", "+SUM(A1:A2)", true},
		{"minus", "-2+3", "-2+3", true},
		{"at", "@SUM(A1)", "@SUM(A1)", true},
		{"tab", "\t=cmd|' /C calc'!A0", "\t=cmd|' /C calc'!A0", true},
		{"carriage return", "\r=1+1", "\n=1+1", true},
		{"full-width equals", "＝1+1", "＝1+1", true},
		{"hyperlink formula", `=HYPERLINK("https://evil.example","klicka")`, `=HYPERLINK("https://evil.example","klicka")`, true},
		{"ordinary name", "Kulturhuset i city", "Kulturhuset i city", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reportWith(func(j []rules.Judged) {
				j[1].Result.Account.Name = tt.value
				j[1].Result.Account.Owner = tt.value
				j[1].Findings[0].Evidence = []rules.Evidence{{Value: tt.value}}
				j[1].Findings[1].Status = rules.Fail // puts Kulturhuset on the closure sheet
			})
			data := writeXLSX(t, r, kulturSlug)
			f := openXLSX(t, data)
			cells := 0
			for _, sheet := range f.GetSheetList() {
				rows, _ := f.GetRows(sheet)
				for ri, row := range rows {
					for ci, v := range row {
						if v != tt.want {
							continue
						}
						cells++
						ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
						if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
							t.Errorf("%s!%s has formula %q", sheet, ref, formula)
						}
						if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString {
							t.Errorf("%s!%s has type %v, want a string", sheet, ref, typ)
						}
						prefix, numFmt := quotePrefix(t, f, sheet, ref)
						if prefix != tt.quoted {
							t.Errorf("%s!%s quote prefix = %v, want %v", sheet, ref, prefix, tt.quoted)
						}
						if numFmt != numFmtText {
							t.Errorf("%s!%s number format = %d, want text (%d)", sheet, ref, numFmt, numFmtText)
						}
					}
				}
			}
			// Name and evidence on the findings sheet, name and owner on
			// the closure sheet, name on the summary.
			if cells < 5 {
				t.Errorf("found the value in %d cells, want at least 5", cells)
			}
			if n := formulaElements(t, data); n != 0 {
				t.Errorf("workbook holds %d <f> elements", n)
			}
		})
	}
}

// formulaElements counts formula elements in the worksheets' XML.
func formulaElements(t *testing.T, data []byte) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		n += bytes.Count(body, []byte("<f>")) + bytes.Count(body, []byte("<f "))
	}
	return n
}

func TestXLSXHostileScrapedText(t *testing.T) {
	long := strings.Repeat("lång text ", 5000)
	r := reportWith(func(j []rules.Judged) {
		j[1].Result.Account.Name = "Kultur\x00hus\x1bet\uFFFE"
		j[1].Result.Account.URL = `javascript:alert(1)`
		j[1].Findings[0].Evidence = []rules.Evidence{{Value: long}}
		j[1].Findings[0].Message.SV = "bad \xff byte"
	})
	f := openXLSX(t, writeXLSX(t, r, kulturSlug))
	for _, want := range []string{"Kulturhuset", "bad \uFFFD byte"} {
		if findCell(t, f, "Resultat", want) == "" {
			t.Errorf("no cell reads %q", want)
		}
	}
	ref := findCell(t, f, "Resultat", "javascript:alert(1)")
	if ref == "" {
		t.Fatalf("the non-web link is not shown as text")
	}
	if ok, target, _ := f.GetCellHyperLink("Resultat", ref); ok {
		t.Errorf("%s links to %q; only http(s) addresses may be clickable", ref, target)
	}
	rows, _ := f.GetRows("Resultat")
	found := false
	for _, row := range rows {
		for _, v := range row {
			if !strings.HasPrefix(v, "lång text") {
				continue
			}
			found = true
			if n := len(utf16.Encode([]rune(v))); n > workbook.MaxCellChars {
				t.Errorf("evidence cell holds %d UTF-16 units, over Excel's %d", n, workbook.MaxCellChars)
			}
			if !strings.HasSuffix(v, "…") {
				t.Errorf("long evidence not cut with an ellipsis (ends %q)", v[len(v)-20:])
			}
		}
	}
	if !found {
		t.Errorf("long evidence cell missing")
	}
}

func TestXLSXIsDeterministic(t *testing.T) {
	first := map[string][]byte{}
	slugs := []string{model.OverviewSlug, kulturSlug, ostermalmSlug}
	for _, slug := range slugs {
		first[slug] = writeXLSX(t, sampleReport("sv"), slug)
	}
	for _, slug := range slugs {
		t.Run(slug, func(t *testing.T) {
			again := writeXLSX(t, sampleReport("sv"), slug)
			if !bytes.Equal(first[slug], again) {
				t.Errorf("two writes of the same report differ (%d and %d bytes)", len(first[slug]), len(again))
			}
			zipTimesUnset(t, again)
			props, err := openXLSX(t, again).GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			stamp := sampleAsOf.UTC().Format(time.RFC3339)
			if props.Created != stamp || props.Modified != stamp || props.Creator != "smaudit" {
				t.Errorf("doc props created %q modified %q creator %q, want %q, %q, smaudit", props.Created, props.Modified, props.Creator, stamp, stamp)
			}
		})
	}
}

func TestXLSXClosure(t *testing.T) {
	r := sampleReport("sv")
	tests := []struct {
		slug, sheet string
		want        []string // one row, from its first cell
	}{
		{ostermalmSlug, "Avslut", []string{"Östermalm nyheter", "mastodon", "https://social.example/@ostermalm", "2026-06-02", "171", "Anna Andersson",
			model.ClosureNotice("Östermalm nyheter", "Östermalms stadsdelsförvaltning", "")}},
		{model.OverviewSlug, "Avslut", []string{"Östermalms stadsdelsförvaltning", "Östermalm nyheter", "mastodon", "https://social.example/@ostermalm", "2026-06-02", "171", "Anna Andersson"}},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			f := openXLSX(t, writeXLSX(t, r, tt.slug))
			ref := findCell(t, f, tt.sheet, tt.want[0])
			if ref == "" {
				t.Fatalf("%s lists no closure row for %q", tt.sheet, tt.want[0])
			}
			_, row, _ := excelize.SplitCellName(ref)
			rows, _ := f.GetRows(tt.sheet)
			if got := rows[row-1]; strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("closure row = %q, want %q", got, tt.want)
			}
			if findCell(t, f, tt.sheet, fmt.Sprintf(model.L("sv", "closure.explain"), 90)) == "" {
				t.Errorf("%s: no closure explanation with 90 days", tt.sheet)
			}
		})
	}
	t.Run("no candidates", func(t *testing.T) {
		f := openXLSX(t, writeXLSX(t, r, kulturSlug))
		if findCell(t, f, "Avslut", model.L("sv", "closure.none")) == "" {
			t.Errorf("Kulturförvaltningen's closure sheet does not say there are no candidates")
		}
	})
}

// TestXLSXFilesReopen writes the overview and one administration's
// workbook to disk, as a user gets them, and reopens them with excelize.
func TestXLSXFilesReopen(t *testing.T) {
	r := sampleReport("sv")
	dir := t.TempDir()
	a := adminBySlug(t, r, ostermalmSlug)
	files := map[string]func(io.Writer) error{
		model.OverviewSlug + ".xlsx": func(w io.Writer) error { return WriteOverviewXLSX(w, r) },
		a.Slug + ".xlsx":             func(w io.Writer) error { return WriteAdministrationXLSX(w, r, a) },
	}
	for name, write := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			out, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := write(out); err != nil {
				out.Close()
				t.Fatalf("write %s: %v", name, err)
			}
			if err := out.Close(); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatalf("reopen %s: %v", name, err)
			}
			defer f.Close()
			if len(f.GetSheetList()) < 3 {
				t.Errorf("%s has sheets %q", name, f.GetSheetList())
			}
			if s := f.GetSheetList(); findCell(t, f, s[0], "Östermalms stadsdelsförvaltning")+findCell(t, f, s[1], "Östermalms stadsdelsförvaltning") == "" {
				t.Errorf("%s: neither of the first two sheets names Östermalms stadsdelsförvaltning", name)
			}
		})
	}
}

func TestWriteAdministrationXLSXNeedsAnAdministration(t *testing.T) {
	if err := WriteAdministrationXLSX(io.Discard, sampleReport("sv"), nil); err == nil {
		t.Errorf("WriteAdministrationXLSX(nil administration) succeeded")
	}
}

// zipTimesUnset fails the test when a part of the workbook's zip carries
// a modification time: excelize writes none, so one would come from the
// wall clock. With that, and the document properties held to the audit
// date (checked beside it), two writes need no pause between them to
// show that nothing in the file depends on when it was written.
func zipTimesUnset(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("workbook is not a zip: %v", err)
	}
	if len(zr.File) == 0 {
		t.Fatal("workbook has no parts")
	}
	for _, f := range zr.File {
		if f.ModifiedDate != 0 || f.ModifiedTime != 0 || len(f.Extra) != 0 {
			t.Errorf("part %s carries a time (%v); a workbook holds no time but the audit date", f.Name, f.Modified)
		}
	}
}
