package pdf

import (
	"fmt"
	"strconv"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// pdfChangeColor is the ink of a change tag: red for what got worse,
// amber for what stays, green for what got better.
func pdfChangeColor(k model.ChangeKind) pdfRGB {
	switch k {
	case model.ChangeFixed:
		return pdfStatusStyles[rules.Pass].fill
	case model.ChangePersisting:
		return pdfRGB{150, 96, 0}
	}
	return pdfStatusStyles[rules.Fail].fill
}

// tag draws a finding's change as an outlined label at the current
// position and returns its width. Outline and words, not fill, keep it
// apart from the status badge beside it, in colour and in grey.
func (d *pdfDoc) tag(c model.Change, h float64) float64 {
	f := d.f
	ink := pdfChangeColor(c.Kind)
	d.font("B", 7.5, ink)
	label := d.clean.clean(model.ChangeLabel(d.lang, c))
	w := f.GetStringWidth(label) + 4
	x, y := f.GetXY()
	f.SetDrawColor(ink.r, ink.g, ink.b)
	f.SetLineWidth(0.3)
	f.RoundedRect(x+0.15, y+0.15, w-0.3, h-0.3, 1.2, "1234", "D")
	f.SetXY(x, y)
	d.text(w, h, label, "C", 0, "")
	return w
}

// comparison draws, under a summary, what changed since the previous scan
// among the given accounts: the date compared with and the tallies, or
// that there is nothing to compare with yet. Nothing without history.
func (d *pdfDoc) comparison(accounts []*rules.Judged) {
	r := d.report
	if r.History == nil {
		return
	}
	lang := d.lang
	d.f.Ln(3)
	if r.History.Previous.IsZero() {
		// Only a stored scan can be "the first stored audit".
		key := "change.first"
		if r.Meta.Interrupted {
			key = "change.firstUnsaved"
		}
		d.para(pdfL(lang, key), "", pdfBodySize, pdfInk)
		return
	}
	d.need(25)
	d.para(fmt.Sprintf(pdfL(lang, "change.compared"), model.Date(r.History.Previous)), "B", 10, pdfInk)
	d.f.Ln(1.5)
	t := r.ChangesOf(accounts)
	d.table(pdfChangeCols(lang), []pdfRow{pdfChangeRow(t)})
}

// pdfChangeCols are the four change tallies' columns.
func pdfChangeCols(lang string) []pdfCol {
	return []pdfCol{
		{pdfL(lang, "col.new"), 12, "R"},
		{pdfL(lang, "col.persisting"), 12, "R"},
		{pdfL(lang, "col.fixed"), 12, "R"},
		{pdfL(lang, "col.reopened"), 12, "R"},
	}
}

// pdfChangeRow shows a tally, bold in the change colour when not zero.
func pdfChangeRow(t model.ChangeCounts) pdfRow {
	cell := func(n int, k model.ChangeKind) pdfCell {
		c := pdfCell{text: strconv.Itoa(n)}
		if n > 0 {
			c.bold, c.color = true, pdfChangeColor(k)
		}
		return c
	}
	return pdfRow{cell(t.New, model.ChangeNew), cell(t.Persisting, model.ChangePersisting), cell(t.Fixed, model.ChangeFixed), cell(t.Reopened, model.ChangeReopened)}
}

// registryChanges lists, as bullets, the accounts of one administration
// added to or removed from the registry since the previous scan.
func (d *pdfDoc) registryChanges(admin string) {
	r := d.report
	if r.History == nil {
		return
	}
	for _, part := range []struct {
		key  string
		refs []model.AccountRef
	}{{"change.added", r.History.Added}, {"change.removed", r.History.Removed}} {
		var mine []model.AccountRef
		for _, a := range part.refs {
			if a.Administration == admin {
				mine = append(mine, a)
			}
		}
		if len(mine) == 0 {
			continue
		}
		d.f.Ln(2)
		d.need(15)
		d.para(pdfL(d.lang, part.key)+":", "B", 8.5, pdfMuted)
		for _, a := range mine {
			d.bullet(a.Name + " (" + a.URL + ")")
		}
	}
}

// changeSection draws the overview's change since the previous scan: the
// tallies per administration with a total, the accounts added to and
// removed from the registry, and the findings fixed since. A first scan
// has none.
func (d *pdfDoc) changeSection() {
	r := d.report
	lang := d.lang
	if r.History.Previous.IsZero() {
		return // the summary already says there is nothing to compare with
	}
	d.heading(pdfL(lang, "section.change"))
	d.para(fmt.Sprintf(pdfL(lang, "change.compared"), model.Date(r.History.Previous)), "B", 10, pdfInk)
	d.f.Ln(1.5)
	cols := append([]pdfCol{{model.L(lang, "col.administration"), 30, "L"}}, pdfChangeCols(lang)...)
	var rows []pdfRow
	for _, a := range r.Administrations {
		rows = append(rows, append(pdfRow{{text: a.Name, bold: true}}, pdfChangeRow(r.ChangesOf(a.Accounts))...))
	}
	rows = append(rows, append(pdfRow{{text: pdfL(lang, "total"), bold: true}}, pdfChangeRow(r.ChangesOf(r.Accounts))...))
	d.table(cols, rows)
	for _, part := range []struct {
		key  string
		refs []model.AccountRef
	}{{"change.added", r.History.Added}, {"change.removed", r.History.Removed}} {
		if len(part.refs) == 0 {
			continue
		}
		d.need(25)
		d.para(pdfL(lang, part.key), "B", 10, pdfInk)
		d.f.Ln(1.5)
		var rows []pdfRow
		for _, a := range part.refs {
			rows = append(rows, pdfRow{{text: a.Administration}, {text: a.Name, bold: true}, {text: a.URL}})
		}
		d.table([]pdfCol{{model.L(lang, "col.administration"), 30, "L"}, {model.L(lang, "col.account"), 30, "L"}, {model.L(lang, "col.url"), 40, "L"}}, rows)
	}
	d.fixedTable()
}

// fixedTable lists the findings fixed since the previous scan, which the
// failing table no longer shows.
func (d *pdfDoc) fixedTable() {
	r := d.report
	lang := d.lang
	catalog := pdfCatalog(r.Rules)
	var rows []pdfRow
	for _, j := range r.Accounts {
		for _, fd := range j.Findings {
			if c, ok := r.ChangeOf(j, fd.Rule); !ok || c.Kind != model.ChangeFixed {
				continue
			}
			title := fd.Rule
			if rl, ok := catalog[fd.Rule]; ok {
				title = rl.FailTitle.In(lang)
			}
			rows = append(rows, pdfRow{{text: j.Result.Account.Administration}, {text: j.Result.Account.Name, bold: true}, {text: title}})
		}
	}
	if len(rows) == 0 {
		return
	}
	d.need(25)
	d.para(pdfL(lang, "change.fixedList"), "B", 10, pdfInk)
	d.f.Ln(1.5)
	d.table([]pdfCol{{model.L(lang, "col.administration"), 30, "L"}, {model.L(lang, "col.account"), 30, "L"}, {model.L(lang, "col.rule"), 40, "L"}}, rows)
}
