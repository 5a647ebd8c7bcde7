package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// bothWays writes a workbook with the hyperlinks added while zipping and
// with excelize's own SetCellHyperLink.
func bothWays(t *testing.T, write func(io.Writer) error) (batch, direct []byte) {
	t.Helper()
	render := func(directLinks bool) []byte {
		xlsxDirectLinks = directLinks
		defer func() { xlsxDirectLinks = false }()
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("write (direct links %v): %v", directLinks, err)
		}
		return buf.Bytes()
	}
	return render(false), render(true)
}

// awkwardLinksReport is the sample report with account addresses that
// need escaping in XML: ampersands, quotes, angle brackets, non-ASCII.
func awkwardLinksReport(lang string) *model.Report {
	judged := sampleJudged()
	judged[0].Result.Account.URL = `https://social.example/@östermalm?a=1&b="två"&c='3'<x>`
	judged[1].Result.Account.URL = "https://social.example/@kultur#&amp;"
	r := sampleReport(lang)
	return model.Build(judged, r.Rules, r.Meta, model.Inputs{})
}

// TestXLSXLinksSameBytes proves that writing hyperlinks in one pass gives
// byte for byte the workbook excelize's SetCellHyperLink gives, for every
// sample workbook: without and with history, with the checklist, with
// discovered accounts and with addresses that need escaping.
func TestXLSXLinksSameBytes(t *testing.T) {
	reports := map[string]*model.Report{
		"sample-sv": sampleReport("sv"), "sample-en": sampleReport("en"),
		"history-sv": xhReport("sv"), "history-en": xhReport("en"),
		"checklist-sv":    checklistReport("sv"),
		"unregistered-sv": unregisteredReport("sv", sampleUnregistered()),
		"awkward-sv":      awkwardLinksReport("sv"),
		// 45 accounts in one administration: 24 links each on its
		// findings sheet, 1,080, past relationship id rId999. More prove
		// nothing more and cost n² in excelize's SetCellHyperLink (300
		// accounts took a minute under -race).
		"scaled-45": linkReport(45),
	}
	links := 0
	for name, r := range reports {
		books := map[string]func(io.Writer) error{model.OverviewSlug: func(w io.Writer) error { return WriteOverviewXLSX(w, r) }}
		for _, a := range r.Administrations {
			books[a.Slug] = func(w io.Writer) error { return WriteAdministrationXLSX(w, r, a) }
		}
		for slug, write := range books {
			t.Run(name+"/"+slug, func(t *testing.T) {
				batch, direct := bothWays(t, write)
				if !bytes.Equal(batch, direct) {
					t.Fatalf("workbook differs from excelize's own hyperlinks: %d bytes, want %d", len(batch), len(direct))
				}
				if name == "scaled-45" && slug != model.OverviewSlug && !hasSheetRel(t, batch, "rId1000") {
					t.Error("no sheet of the scaled administration's workbook reaches relationship id rId1000")
				}
				links += countLinks(t, batch)
			})
		}
	}
	if links < 300 {
		t.Errorf("the workbooks hold %d hyperlinks in all; the comparison needs many", links)
	}
	// The escaped address must be in the workbook as written.
	got := dumpXLSX(t, writeXLSX(t, reports["awkward-sv"], model.OverviewSlug))
	if want := `-> https://social.example/@östermalm?a=1&b="två"&c='3'<x>`; !strings.Contains(got, want) {
		t.Errorf("overview lacks the link %q:\n%s", want, got)
	}
}

// hasSheetRel reports whether a worksheet's relationships in the workbook
// data have the id.
func hasSheetRel(t *testing.T, data []byte, id string) bool {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/_rels/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		if bytes.Contains(part, []byte(`Id="`+id+`"`)) {
			return true
		}
	}
	return false
}

// TestXLSXLinksBeforeChart covers a sheet with both hyperlinks and a
// chart: the links go to excelize before the chart, so the chart's
// relationship follows them as it would have.
func TestXLSXLinksBeforeChart(t *testing.T) {
	r := xhReport("sv")
	write := func(w io.Writer) error {
		b, err := newXLSXBook(r, "test")
		if err != nil {
			return err
		}
		s := b.sheet("sheet.trend")
		s.table("sv", "col.administration", "col.url")
		for _, u := range []string{"https://a.example/", "https://b.example/?x=1&y=2"} {
			s.next()
			s.text(1, "Kulturförvaltningen", b.st.text)
			s.link(2, u)
		}
		s.endTable()
		b.trendChart(s, s.row+2, s.head+1, s.row, 1, []int{0})
		return b.write(w)
	}
	batch, direct := bothWays(t, write)
	if !bytes.Equal(batch, direct) {
		t.Fatalf("workbook with a chart differs from excelize's own hyperlinks")
	}
	if n := countLinks(t, batch); n != 2 {
		t.Errorf("%d hyperlinks, want 2", n)
	}
}

// TestLinkZipMissingPart makes sure links meant for a part excelize never
// writes are an error, not silently dropped.
func TestLinkZipMissingPart(t *testing.T) {
	z := newLinkZip(io.Discard, map[string][]xlsxLink{"xl/worksheets/sheet9.xml": {{ref: "A1", target: "https://a.example/"}}})
	if err := z.Close(); err == nil || !strings.Contains(err.Error(), "sheet9.xml") {
		t.Errorf("Close = %v, want an error naming sheet9.xml", err)
	}
}
