package pdf

import (
	"strconv"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/scanner"
)

// Checklist metrics, in millimetres and points.
const (
	pdfCheckNumW  = 7.0 // the column of item numbers
	pdfCheckBox   = 3.4 // side of a tick box
	pdfCheckSmall = 8.5 // font size of where-to-look and why lines
	pdfCheckLine  = 4.1 // their line height
)

// checklist draws the section of what a person must check by hand,
// account by account: who and where the account is and, once, why a person
// must look; then numbered questions, each with where to look and boxes to
// tick. A checklist starts on a new page, so it can be printed on its own.
func (d *pdfDoc) checklist(items []model.ChecklistItem) {
	lang := d.lang
	if len(items) > 0 {
		d.f.AddPage()
	}
	d.heading(model.L(lang, "section.checklist"))
	if len(items) == 0 {
		d.para(model.L(lang, "checklist.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.para(pdfL(lang, "checklist.explain"), "", pdfBodySize, pdfInk)
	for start := 0; start < len(items); {
		end := start + 1
		for end < len(items) && items[end].Account == items[start].Account {
			end++
		}
		d.checklistAccount(items[start:end], start > 0)
		start = end
	}
}

// checklistAccount draws one account's questions; items all belong to it.
func (d *pdfDoc) checklistAccount(items []model.ChecklistItem, separate bool) {
	lang := d.lang
	f := d.f
	j := items[0].Account
	acc := j.Result.Account
	why := ""
	switch {
	case j.Result.Status == scanner.FetchUnsupported:
		why = model.UnsupportedLabel(lang, j.Result.Unsupported)
	case sameMessage(lang, items):
		why = items[0].Finding.Message.In(lang)
	}
	f.Ln(3)
	d.need(30 + d.checkItemHeight(items[0], why == ""))
	if separate && f.GetY() > pdfTop+1 {
		d.hline(f.GetY(), pdfLine)
		f.Ln(3)
	}
	d.para(acc.Name, "B", 11, pdfInk)
	f.Ln(1)
	d.field(model.L(lang, "col.platform"), acc.PlatformName)
	d.field(model.L(lang, "col.url"), acc.URL)
	if why != "" {
		d.field(model.L(lang, "col.why"), why)
	}
	for i, it := range items {
		d.checkItem(i+1, it, why == "")
	}
}

// sameMessage reports whether every item gives the same reason.
func sameMessage(lang string, items []model.ChecklistItem) bool {
	for _, it := range items[1:] {
		if it.Finding.Message.In(lang) != items[0].Finding.Message.In(lang) {
			return false
		}
	}
	return true
}

// checkItemLines wraps one item's texts to the item's text column: the
// question, where to look, and, when withWhy, why a person must look.
func (d *pdfDoc) checkItemLines(it model.ChecklistItem, withWhy bool) (question, where, why []string) {
	left, _, _, _ := d.f.GetMargins()
	w := d.width() - (left - pdfMargin) - pdfCheckNumW
	d.font("", pdfBodySize, pdfInk)
	question = d.split(pdfShorten(it.Question.In(d.lang), pdfMaxText), w, "")
	d.font("", pdfCheckSmall, pdfMuted)
	where = d.split(model.L(d.lang, "col.where")+": "+pdfShorten(it.Where.In(d.lang), pdfMaxText), w, "")
	if withWhy {
		why = d.split(model.L(d.lang, "col.why")+": "+pdfShorten(it.Finding.Message.In(d.lang), pdfMaxText), w, "")
	}
	return question, where, why
}

// checkItemHeight is the height checkItem draws.
func (d *pdfDoc) checkItemHeight(it model.ChecklistItem, withWhy bool) float64 {
	q, w, y := d.checkItemLines(it, withWhy)
	return 3 + float64(len(q))*pdfBodyLine + float64(len(w)+len(y))*pdfCheckLine + 2 + pdfCheckBox + 2
}

// checkItem draws one numbered question with where to look, why a person
// must look when withWhy, and drawn tick boxes for yes and no with a line
// for a comment. An item never breaks across pages; on a new page it names
// its account again.
func (d *pdfDoc) checkItem(n int, it model.ChecklistItem, withWhy bool) {
	f := d.f
	question, where, why := d.checkItemLines(it, withWhy)
	f.Ln(3)
	if h := d.checkItemHeight(it, withWhy) - 3; d.room() < h {
		f.AddPage()
		d.para(it.Account.Result.Account.Name+" "+pdfL(d.lang, "checklist.continued"), "B", pdfBodySize, pdfMuted)
		f.Ln(2)
	}
	left, _, _, _ := f.GetMargins()
	x := left + pdfCheckNumW
	d.font("B", pdfBodySize, pdfInk)
	f.SetX(left)
	d.text(pdfCheckNumW, pdfBodyLine, strconv.Itoa(n)+".", "L", 0, "")
	d.font("", pdfBodySize, pdfInk)
	for _, line := range question {
		f.SetX(x)
		d.text(0, pdfBodyLine, line, "L", 1, "")
	}
	d.font("", pdfCheckSmall, pdfMuted)
	for _, line := range append(where, why...) {
		f.SetX(x)
		d.text(0, pdfCheckLine, line, "L", 1, "")
	}
	f.Ln(2)
	d.tickBoxes(x)
	f.SetX(left)
}

// tickBoxes draws, from x on the current line, a box for yes, a box for
// no and a line to write a comment on, then moves below them.
func (d *pdfDoc) tickBoxes(x float64) {
	f := d.f
	y := f.GetY()
	f.SetDrawColor(pdfInk.r, pdfInk.g, pdfInk.b)
	f.SetLineWidth(0.3)
	d.font("", pdfBodySize, pdfInk)
	for _, key := range []string{"answer.yes", "answer.no"} {
		f.Rect(x, y, pdfCheckBox, pdfCheckBox, "D")
		label := d.clean.clean(model.L(d.lang, key))
		w := f.GetStringWidth(label) + 3
		f.SetXY(x+pdfCheckBox+0.5, y-0.6)
		d.text(w, pdfCheckBox+1.2, label, "L", 0, "")
		x += pdfCheckBox + 0.5 + w + 5
	}
	label := d.clean.clean(pdfL(d.lang, "checklist.comment"))
	w := f.GetStringWidth(label) + 3
	f.SetXY(x, y-0.6)
	d.text(w, pdfCheckBox+1.2, label, "L", 0, "")
	f.SetDrawColor(pdfLine.r, pdfLine.g, pdfLine.b)
	f.SetLineWidth(0.2)
	f.Line(x+w, y+pdfCheckBox, pdfMargin+d.width(), y+pdfCheckBox)
	f.SetXY(x, y+pdfCheckBox+2)
}
