package pdf

import (
	"fmt"
	"io"
	"strconv"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// WriteOverviewPDF writes the city-wide overview: the totals per
// administration, every failing finding, every waived finding, every
// account proposed for closure, the accounts missing from the registry
// when discovery ran, the scan's notes and a short reference of the rules.
// With history it adds the change since the previous scan, the trend over
// the last scans as a table and charts, and the administrations' answers
// with their waiver requests.
func WriteOverviewPDF(w io.Writer, r *model.Report) error {
	lang := r.Meta.Lang
	d, err := newPDFDoc(r, model.L(lang, "overview.title"))
	if err != nil {
		return fmt.Errorf("overview PDF: %w", err)
	}
	d.title(model.L(lang, "overview.title"))
	d.interrupted(r.Summary)
	d.reportFields(r) // pdffront.go
	d.heading(model.L(lang, "section.summary"))
	d.granskningSummary(r.Granskning)
	d.summary(r.Summary, r.Coverage)
	d.comparison(r.Accounts)
	d.granskning(r.Granskning)
	d.heading(model.L(lang, "section.admins"))
	d.adminTable(r)
	d.unread(r.Unread, true)
	if r.History != nil {
		d.changeSection() // pdfchange.go
		d.trendSection()  // pdftrend.go
	}
	d.heading(model.L(lang, "section.failing"))
	d.failingTable(r)
	d.waivedTable() // pdfanswers.go
	d.ruleTallies(r.RuleTallies)
	d.heading(model.L(lang, "section.closure"))
	d.closure(r, r.Closure, true)
	if r.History != nil {
		d.answers() // pdfanswers.go
	}
	// Accounts found outside the registry, when discovery ran (pdf_unregistered.go).
	if r.Unregistered != nil {
		d.heading(model.L(lang, "section.unregistered"))
		d.unregistered(r.Unregistered)
	}
	d.notes(r.AllNotes())
	d.heading(model.L(lang, "section.rules"))
	d.rulesTable(r.Rules)
	if err := d.finish(w); err != nil {
		return fmt.Errorf("overview PDF: %w", err)
	}
	return nil
}

// summary draws one tile per status with its count, then the compliance
// share with its coverage beside it, and how the share is computed.
func (d *pdfDoc) summary(c model.Counts, cov model.Coverage) {
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
	if c.Waived > 0 {
		tiles = append(tiles, struct {
			status rules.Status
			n      int
			label  string
		}{rules.Waived, c.Waived, "col.waived"})
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
		d.cell(tileW-4, 4.5, pdfL(d.lang, t.label), "L")
	}
	f.SetXY(pdfMargin, y+tileH+4)
	d.field(model.L(d.lang, "col.accounts"), strconv.Itoa(c.Accounts))
	if c.NotReached > 0 {
		d.field(model.L(d.lang, "col.notReached"), strconv.Itoa(c.NotReached))
	}
	d.field(model.L(d.lang, "col.compliance"), model.ShareText(d.lang, c))
	d.coverageField(cov)
	f.Ln(1)
	d.para(model.L(d.lang, "compliance.explain"), "", 8, pdfMuted)
}

// adminTable lists every administration's tallies with a total row, each
// with how many of its checkpoints were assessed automatically: the
// coverage of its share.
func (d *pdfDoc) adminTable(r *model.Report) {
	lang := d.lang
	waived := r.Summary.Waived > 0
	unreached := r.Summary.NotReached > 0
	nameW := 40.0
	if waived {
		nameW -= 8 // narrower names make room without breaking headers
	}
	if unreached {
		nameW = max(nameW-15, 22) // "Ej kontrollerade" is one long word: it needs the room whole
	}
	cols := []pdfCol{
		{model.L(lang, "col.administration"), nameW, "L"},
		{model.L(lang, "col.accounts"), 10, "R"},
		{pdfL(lang, "col.automated"), 13, "R"},
		{model.L(lang, "col.pass"), 11, "R"},
		{model.L(lang, "col.fail"), 12, "R"},
		{model.L(lang, "col.manual"), 11, "R"},
		{model.L(lang, "col.error"), 13, "R"},
	}
	if waived {
		cols = append(cols, pdfCol{pdfL(lang, "col.waived"), 13, "R"})
	}
	if unreached {
		cols = append(cols, pdfCol{model.L(lang, "col.notReached"), 16, "R"})
	}
	cols = append(cols, pdfCol{model.L(lang, "col.compliance"), 11, "R"})
	row := func(name string, c model.Counts, cov model.Coverage, bold bool) pdfRow {
		automated := fmt.Sprintf(pdfL(lang, "automated.of"), model.Number(lang, cov.Automated), model.Number(lang, cov.Points))
		out := pdfRow{{text: name, bold: true}, {text: strconv.Itoa(c.Accounts), bold: bold}, {text: automated, bold: bold},
			{text: strconv.Itoa(c.Pass), bold: bold}, pdfCount(c.Fail, rules.Fail), pdfCount(c.Manual, rules.Manual), pdfCount(c.Error, rules.Error)}
		if waived {
			out = append(out, pdfCount(c.Waived, rules.Waived))
		}
		if unreached {
			out = append(out, pdfCount(c.NotReached, rules.Error))
		}
		return append(out, pdfCell{text: model.Percent(c.Compliance()), bold: true})
	}
	var rows []pdfRow
	for _, a := range r.Administrations {
		rows = append(rows, row(a.Name, a.Counts, a.Coverage, false))
	}
	rows = append(rows, row(pdfL(lang, "total"), r.Summary, r.Coverage, true))
	d.table(cols, rows)
	counts := []model.Counts{r.Summary}
	for _, a := range r.Administrations {
		counts = append(counts, a.Counts)
	}
	d.noShareNote(counts...)
}

// failingTable lists every failing finding of the scan, with its change
// since the previous scan when there is history, and an expired waiver.
func (d *pdfDoc) failingTable(r *model.Report) {
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
			msg := fd.Message.In(lang)
			if fd.Waiver != nil {
				msg += " " + model.WaiverLine(lang, fd.Waiver) + "."
			}
			row := pdfCells(j.Result.Account.Administration, j.Result.Account.Name, title, msg)
			if r.History != nil {
				cell := pdfCell{text: model.L(lang, "value.na")}
				if c, ok := r.ChangeOf(j, fd.Rule); ok {
					cell = pdfCell{text: model.ChangeLabel(lang, c), bold: true, color: pdfChangeColor(c.Kind)}
				}
				row = append(row, cell)
			}
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		d.para(model.L(lang, "failing.none"), "", pdfBodySize, pdfInk)
		return
	}
	cols := []pdfCol{
		{model.L(lang, "col.administration"), 26, "L"},
		{model.L(lang, "col.account"), 24, "L"},
		{model.L(lang, "col.rule"), 26, "L"},
		{model.L(lang, "col.message"), 40, "L"},
	}
	if r.History != nil {
		cols[3].weight = 36
		cols = append(cols, pdfCol{pdfL(lang, "col.change"), 22, "L"})
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
		{model.L(lang, "col.ruleId"), 26, "L"},
		{model.L(lang, "col.policy"), 28, "L"},
		{model.L(lang, "col.checks"), 62, "L"},
	}, rows)
}
