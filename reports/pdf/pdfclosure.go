package pdf

import (
	"fmt"
	"strconv"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// Metrics of the closure notice box, in millimetres and points.
const (
	pdfNoticePad  = 3.0 // space inside the box
	pdfNoticeSize = 9.0 // font size
	pdfNoticeLine = 4.4 // line height
)

// closure explains the closure proposal and lists its accounts; the
// overview also names each account's administration. With history, it
// says how many scans in a row each account has been inactive and what
// its administration answered.
func (d *pdfDoc) closure(r *model.Report, list []model.Closure, withAdmin bool) {
	lang := d.lang
	if len(list) == 0 {
		d.para(model.L(lang, "closure.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.para(fmt.Sprintf(model.L(lang, "closure.explain"), r.Meta.InactiveDays), "", pdfBodySize, pdfInk)
	d.f.Ln(2)
	h := r.History
	// Weights without and with history's two columns, chosen so no
	// header or date breaks inside a word.
	w := map[string]float64{"admin": 30, "account": 30, "last": 16, "days": 12, "owner": 24}
	if h != nil {
		w = map[string]float64{"admin": 26, "account": 22, "last": 18, "days": 10, "streak": 18, "owner": 17, "answer": 26}
	}
	var cols []pdfCol
	if withAdmin {
		cols = append(cols, pdfCol{model.L(lang, "col.administration"), w["admin"], "L"})
	}
	cols = append(cols,
		pdfCol{model.L(lang, "col.account"), w["account"], "L"},
		pdfCol{model.L(lang, "col.lastOwnPost"), w["last"], "R"},
		pdfCol{model.L(lang, "col.daysSince"), w["days"], "R"})
	if h != nil {
		cols = append(cols, pdfCol{pdfL(lang, "col.inactiveScans"), w["streak"], "R"})
	}
	cols = append(cols, pdfCol{model.L(lang, "col.owner"), w["owner"], "L"})
	if h != nil {
		cols = append(cols, pdfCol{pdfL(lang, "col.answer"), w["answer"], "L"})
	}
	var rows []pdfRow
	for _, c := range list {
		acc := c.Account.Result.Account
		last, days := model.L(lang, "value.none"), model.L(lang, "value.na")
		if !c.LastOwnPost.IsZero() {
			last = model.Date(c.LastOwnPost)
		}
		if c.DaysSince >= 0 {
			days = strconv.Itoa(c.DaysSince)
		}
		var row pdfRow
		if withAdmin {
			row = append(row, pdfCell{text: acc.Administration})
		}
		row = append(row, pdfCell{text: acc.Name, bold: true}, pdfCell{text: last}, pdfCell{text: days})
		key := model.AccountKey(acc)
		if h != nil {
			streak := model.L(lang, "value.na")
			if n, ok := h.InactiveScans[key]; ok {
				streak = strconv.Itoa(n)
			}
			row = append(row, pdfCell{text: streak, bold: h.InactiveScans[key] > 1})
		}
		row = append(row, pdfCell{text: acc.Owner})
		if h != nil {
			answer := model.L(lang, "value.na")
			if resp, ok := h.Responses[model.FindingKey{Account: key, Rule: rules.InactiveAccount}]; ok {
				answer = pdfAnswerText(lang, resp)
			}
			row = append(row, pdfCell{text: answer})
		}
		rows = append(rows, row)
	}
	d.table(cols, rows)
}

// closureNotices draws, for an administration's closure candidates, what
// the policy requires when closing and, per account, the ready Swedish
// text to post on it in a quoted box.
func (d *pdfDoc) closureNotices(a *model.Administration) {
	if len(a.Closure) == 0 {
		return
	}
	lang := d.lang
	d.f.Ln(1)
	d.para(model.L(lang, "closure.howTo"), "", pdfBodySize, pdfInk)
	for _, c := range a.Closure {
		acc := c.Account.Result.Account
		text := model.ClosureNotice(acc.Name, a.Name, acc.Website)
		d.font("I", pdfNoticeSize, pdfInk)
		lines := d.split(text, d.width()-2*pdfNoticePad-1.5, "I")
		boxH := float64(len(lines))*pdfNoticeLine + 2*pdfNoticePad
		d.f.Ln(4)
		d.need(boxH + 12)
		d.para(acc.Name, "B", 10, pdfInk)
		d.para(model.L(lang, "closure.notice")+":", "B", 8.5, pdfMuted)
		d.f.Ln(1.5)
		d.noticeBox(lines, boxH)
	}
}

// noticeBox draws text lines in a tinted box with a bar on its left, the
// look of a quotation to copy.
func (d *pdfDoc) noticeBox(lines []string, boxH float64) {
	f := d.f
	x, y := pdfMargin, f.GetY()
	f.SetFillColor(pdfZebra.r, pdfZebra.g, pdfZebra.b)
	f.SetDrawColor(pdfLine.r, pdfLine.g, pdfLine.b)
	f.SetLineWidth(0.2)
	f.Rect(x, y, d.width(), boxH, "FD")
	f.SetFillColor(pdfAccent.r, pdfAccent.g, pdfAccent.b)
	f.Rect(x, y, 1.5, boxH, "F")
	d.font("I", pdfNoticeSize, pdfInk)
	for i, line := range lines {
		f.SetXY(x+1.5+pdfNoticePad-f.GetCellMargin(), y+pdfNoticePad+float64(i)*pdfNoticeLine)
		d.text(d.width()-2*pdfNoticePad-1.5, pdfNoticeLine, line, "L", 0, "")
	}
	f.SetXY(pdfMargin, y+boxH)
}
