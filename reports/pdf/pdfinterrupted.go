package pdf

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// interrupted draws, under the title of an interrupted audit's report, a
// tinted box saying so with the accounts c counts: the first thing a
// reader sees, so a partial report is never taken for a whole one.
func (d *pdfDoc) interrupted(c model.Counts) {
	if !d.report.Meta.Interrupted {
		return
	}
	f := d.f
	tint, bar := pdfStatusStyles[rules.Fail].tint, pdfStatusStyles[rules.Fail].fill
	line, explain := model.InterruptedLine(d.lang, c), model.L(d.lang, "interrupted.explain")
	const pad, big = 2.0, 11.0
	// Measure first, so the box is drawn under the text.
	d.font("B", big, bar)
	h := float64(len(d.split(line, d.width()-6, "B"))) * big * 0.48
	d.font("", pdfBodySize, pdfInk)
	h += 0.8 + float64(len(d.split(explain, d.width()-6, "")))*pdfBodySize*0.48
	h += 2 * pad
	f.Ln(1)
	y := f.GetY()
	f.SetFillColor(tint.r, tint.g, tint.b)
	f.Rect(pdfMargin, y, d.width(), h, "F")
	f.SetFillColor(bar.r, bar.g, bar.b)
	f.Rect(pdfMargin, y, 1.6, h, "F")
	f.SetY(y + pad)
	d.indent(3)
	d.para(line, "B", big, bar)
	f.Ln(0.8)
	d.para(explain, "", pdfBodySize, pdfInk)
	d.indent(-3)
	f.SetY(y + h + 2)
}

// notReachedList lists, compactly, the accounts the interrupted scan
// never checked: one table row each, no findings.
func (d *pdfDoc) notReachedList(accounts []*rules.Judged) {
	if len(accounts) == 0 {
		return
	}
	lang := d.lang
	d.heading(model.L(lang, "section.notReached"))
	d.para(model.L(lang, "notReached.explain"), "", pdfBodySize, pdfInk)
	d.f.Ln(2)
	rows := make([]pdfRow, 0, len(accounts))
	for _, j := range accounts {
		acc := j.Result.Account
		rows = append(rows, pdfRow{{text: acc.Name, bold: true}, {text: acc.PlatformName}, {text: acc.URL}})
	}
	d.table([]pdfCol{
		{model.L(lang, "col.account"), 34, "L"},
		{model.L(lang, "col.platform"), 16, "L"},
		{model.L(lang, "col.url"), 50, "L"},
	}, rows)
}

// noShareNote writes, under a table with a compliance column, why a
// share shows "–".
func (d *pdfDoc) noShareNote(cs ...model.Counts) {
	if s := model.NoShareNote(d.lang, cs...); s != "" {
		d.para(s, "", 8, pdfMuted)
	}
}
