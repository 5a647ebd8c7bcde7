package reports

import (
	"fmt"
	"io"
	"strconv"

	"github.com/stockholm-stad/smaudit/rules"
)

// WriteOverviewPDF writes the city-wide overview: the totals per
// administration, every failing finding, every account proposed for
// closure, the accounts missing from the registry when discovery ran, the
// scan's notes and a short reference of the rules.
func WriteOverviewPDF(w io.Writer, r *Report) error {
	lang := r.Meta.Lang
	d, err := newPDFDoc(r, L(lang, "overview.title"))
	if err != nil {
		return fmt.Errorf("overview PDF: %w", err)
	}
	d.title(L(lang, "overview.title"))
	d.metaFields(r)
	d.heading(L(lang, "section.summary"))
	d.summary(r.Summary)
	d.heading(L(lang, "section.admins"))
	d.adminTable(r)
	d.heading(L(lang, "section.failing"))
	d.failingTable(r)
	d.heading(L(lang, "section.closure"))
	d.closure(r, r.Closure, true)
	// Accounts found outside the registry, when discovery ran (pdf_unregistered.go).
	if r.Unregistered != nil {
		d.heading(L(lang, "section.unregistered"))
		d.unregistered(r.Unregistered)
	}
	d.notes(r.AllNotes())
	d.heading(L(lang, "section.rules"))
	d.rulesTable(r.Rules)
	if err := d.finish(w); err != nil {
		return fmt.Errorf("overview PDF: %w", err)
	}
	return nil
}

// summary draws one tile per status with its count, then the compliance
// share and how it is computed.
func (d *pdfDoc) summary(c Counts) {
	const gap, tileH = 4.0, 17.0
	f := d.f
	d.need(tileH + 25)
	tiles := []struct {
		status rules.Status
		n      int
		label  string
	}{
		{rules.Pass, c.Pass, "col.pass"},
		{rules.Fail, c.Fail, "col.fail"},
		{rules.Manual, c.Manual, "col.manual"},
		{rules.Error, c.Error, "col.error"},
	}
	tileW := (d.width() - gap*float64(len(tiles)-1)) / float64(len(tiles))
	y := f.GetY()
	for i, t := range tiles {
		st := pdfStatusStyles[t.status]
		x := pdfMargin + float64(i)*(tileW+gap)
		f.SetFillColor(st.tint.r, st.tint.g, st.tint.b)
		f.RoundedRect(x, y, tileW, tileH, 1.5, "1234", "F")
		f.SetFillColor(st.fill.r, st.fill.g, st.fill.b)
		f.Rect(x, y, 1.6, tileH, "F")
		f.SetXY(x+3, y+2)
		d.font("B", 17, pdfInk)
		d.cell(tileW-4, 8, strconv.Itoa(t.n), "L")
		f.SetXY(x+3, y+10.5)
		d.font("", 8, pdfInk)
		d.cell(tileW-4, 4.5, L(d.lang, t.label), "L")
	}
	f.SetXY(pdfMargin, y+tileH+4)
	d.field(L(d.lang, "col.accounts"), strconv.Itoa(c.Accounts))
	d.field(L(d.lang, "col.compliance"), Percent(c.Compliance()))
	f.Ln(1)
	d.para(L(d.lang, "compliance.explain"), "", 8, pdfMuted)
}

// adminTable lists every administration's tallies with a total row.
func (d *pdfDoc) adminTable(r *Report) {
	lang := d.lang
	cols := []pdfCol{
		{L(lang, "col.administration"), 40, "L"},
		{L(lang, "col.accounts"), 11, "R"},
		{L(lang, "col.pass"), 12, "R"},
		{L(lang, "col.fail"), 13, "R"},
		{L(lang, "col.manual"), 12, "R"},
		{L(lang, "col.error"), 14, "R"},
		{L(lang, "col.compliance"), 12, "R"},
	}
	row := func(name string, c Counts, bold bool) pdfRow {
		out := pdfRow{{text: name, bold: true}, {text: strconv.Itoa(c.Accounts), bold: bold}, {text: strconv.Itoa(c.Pass), bold: bold},
			pdfCount(c.Fail, rules.Fail), pdfCount(c.Manual, rules.Manual), pdfCount(c.Error, rules.Error),
			{text: Percent(c.Compliance()), bold: true}}
		return out
	}
	var rows []pdfRow
	for _, a := range r.Administrations {
		rows = append(rows, row(a.Name, a.Counts, false))
	}
	rows = append(rows, row(pdfL(lang, "total"), r.Summary, true))
	d.table(cols, rows)
}

// failingTable lists every failing finding of the scan.
func (d *pdfDoc) failingTable(r *Report) {
	lang := d.lang
	catalog := pdfCatalog(r.Rules)
	var rows []pdfRow
	for _, j := range r.Accounts {
		for _, fd := range j.Findings {
			if fd.Status != rules.Fail {
				continue
			}
			title := fd.Rule
			if rl, ok := catalog[fd.Rule]; ok {
				title = rl.FailTitle.In(lang)
			}
			rows = append(rows, pdfCells(j.Result.Account.Administration, j.Result.Account.Name, title, fd.Message.In(lang)))
		}
	}
	if len(rows) == 0 {
		d.para(L(lang, "failing.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.table([]pdfCol{
		{L(lang, "col.administration"), 26, "L"},
		{L(lang, "col.account"), 24, "L"},
		{L(lang, "col.rule"), 26, "L"},
		{L(lang, "col.message"), 40, "L"},
	}, rows)
}

// closure explains the closure proposal and lists its accounts; the
// overview also names each account's administration.
func (d *pdfDoc) closure(r *Report, list []Closure, withAdmin bool) {
	lang := d.lang
	if len(list) == 0 {
		d.para(L(lang, "closure.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.para(fmt.Sprintf(L(lang, "closure.explain"), r.Meta.InactiveDays), "", pdfBodySize, pdfInk)
	d.f.Ln(2)
	var cols []pdfCol
	if withAdmin {
		cols = append(cols, pdfCol{L(lang, "col.administration"), 30, "L"})
	}
	cols = append(cols,
		pdfCol{L(lang, "col.account"), 30, "L"},
		pdfCol{L(lang, "col.lastOwnPost"), 16, "R"},
		pdfCol{L(lang, "col.daysSince"), 12, "R"},
		pdfCol{L(lang, "col.owner"), 24, "L"})
	var rows []pdfRow
	for _, c := range list {
		acc := c.Account.Result.Account
		last, days := L(lang, "value.none"), L(lang, "value.na")
		if !c.LastOwnPost.IsZero() {
			last = Date(c.LastOwnPost)
		}
		if c.DaysSince >= 0 {
			days = strconv.Itoa(c.DaysSince)
		}
		var row pdfRow
		if withAdmin {
			row = append(row, pdfCell{text: acc.Administration})
		}
		row = append(row, pdfCell{text: acc.Name, bold: true}, pdfCell{text: last}, pdfCell{text: days}, pdfCell{text: acc.Owner})
		rows = append(rows, row)
	}
	d.table(cols, rows)
}

// rulesTable is a short reference of the rules the scan applied.
func (d *pdfDoc) rulesTable(catalog []rules.Rule) {
	lang := d.lang
	var rows []pdfRow
	for _, rl := range catalog {
		rows = append(rows, pdfRow{{text: rl.ID, bold: true}, {text: rl.Section.Title.In(lang)}, {text: rl.Checks.In(lang)}})
	}
	d.table([]pdfCol{
		{L(lang, "col.ruleId"), 26, "L"},
		{L(lang, "col.policy"), 28, "L"},
		{L(lang, "col.checks"), 62, "L"},
	}, rows)
}
