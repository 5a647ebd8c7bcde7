package pdf

import (
	"fmt"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// pdfWaiverRequest is the answer that asks for a waiver, as stored.
const pdfWaiverRequest = "Begär undantag"

// findingNotes draws, under a finding's message, its waiver (applied, or
// expired and so no longer applied) and the administration's answer to it
// in the previous scan.
func (d *pdfDoc) findingNotes(j *rules.Judged, fd rules.Finding) {
	lang := d.lang
	if fd.Waiver != nil {
		ink := pdfStatusStyles[rules.Waived].fill
		if fd.Waiver.Expired {
			ink = pdfStatusStyles[rules.Fail].fill
		}
		d.f.Ln(0.8)
		d.para(model.WaiverLine(lang, fd.Waiver)+".", "B", 8.5, ink)
	}
	if h := d.report.History; h != nil {
		if resp, ok := h.Responses[model.FindingKey{Account: model.AccountKey(j.Result.Account), Rule: fd.Rule}]; ok {
			d.f.Ln(0.8)
			d.para(fmt.Sprintf(pdfL(lang, "response.yours"), model.Date(resp.AsOf), pdfAnswerText(lang, resp)), "", 8.5, pdfMuted)
		}
	}
}

// pdfAnswerText is an answer with its comment, if any.
func pdfAnswerText(lang string, resp model.Response) string {
	s := model.ResponseAnswer(lang, resp.Answer)
	if resp.Comment != "" {
		s += " – " + resp.Comment
	}
	return s
}

// waivedTable lists, in the overview, every finding a waiver names: the
// waived ones and those whose waiver has expired. Nothing when none.
func (d *pdfDoc) waivedTable() {
	r := d.report
	lang := d.lang
	catalog := pdfCatalog(r.Rules)
	var rows []pdfRow
	for _, j := range r.Accounts {
		for _, fd := range j.Findings {
			if fd.Waiver == nil {
				continue
			}
			rows = append(rows, pdfRow{{text: j.Result.Account.Administration}, {text: j.Result.Account.Name, bold: true},
				{text: pdfRuleTitle(lang, catalog, fd.Rule)}, {text: model.StatusLabel(lang, fd.Status), bold: true, color: pdfStatusStyles[fd.Status].fill},
				{text: model.WaiverLine(lang, fd.Waiver)}})
		}
	}
	if len(rows) == 0 {
		return
	}
	d.heading(pdfL(lang, "section.waived"))
	d.table([]pdfCol{
		{model.L(lang, "col.administration"), 24, "L"},
		{model.L(lang, "col.account"), 22, "L"},
		{model.L(lang, "col.rule"), 24, "L"},
		{model.L(lang, "col.status"), 18, "L"},
		{pdfL(lang, "col.waiver"), 42, "L"},
	}, rows)
}

// pdfRuleTitle names a rule by its failing title, or by its ID when the
// catalog lacks it.
func pdfRuleTitle(lang string, catalog map[string]rules.Rule, id string) string {
	if rl, ok := catalog[id]; ok {
		return rl.FailTitle.In(lang)
	}
	return id
}

// pdfAnswer is one imported answer with the account it is about, if that
// account is in this scan.
type pdfAnswer struct {
	key     model.FindingKey
	resp    model.Response
	account *rules.Judged // nil when the account left the registry
}

// pdfAnswers lists the imported answers in the report's order
// (Report.Answers).
func pdfAnswers(r *model.Report) []pdfAnswer {
	var out []pdfAnswer
	for _, a := range r.Answers() {
		out = append(out, pdfAnswer{key: a.Key, resp: a.Response, account: a.Account})
	}
	return out
}

// who names an answer's administration and account.
func (a pdfAnswer) who() (admin, name string) {
	if a.account == nil {
		return "–", a.key.Account
	}
	return a.account.Result.Account.Administration, a.account.Result.Account.Name
}

// now says where the answered finding stands in this scan: its change
// (fixed, persisting since) or else its status.
func (a pdfAnswer) now(r *model.Report, lang string) pdfCell {
	if c, ok := r.History.Changes[a.key]; ok {
		return pdfCell{text: model.ChangeLabel(lang, c), bold: true, color: pdfChangeColor(c.Kind)}
	}
	if a.account != nil {
		for _, fd := range a.account.Findings {
			if fd.Rule == a.key.Rule {
				return pdfCell{text: model.StatusLabel(lang, fd.Status), bold: true, color: pdfStatusStyles[fd.Status].fill}
			}
		}
	}
	return pdfCell{text: model.L(lang, "value.na")}
}

// answers draws the overview's section of the administrations' answers
// and, apart, the waiver requests the communications unit must decide.
func (d *pdfDoc) answers() {
	r := d.report
	lang := d.lang
	catalog := pdfCatalog(r.Rules)
	list := pdfAnswers(r)
	d.heading(pdfL(lang, "section.responses"))
	var rows, requests []pdfRow
	for _, a := range list {
		admin, name := a.who()
		rule := pdfRuleTitle(lang, catalog, a.key.Rule)
		rows = append(rows, pdfRow{{text: admin}, {text: name, bold: true}, {text: rule},
			{text: model.ResponseAnswer(lang, a.resp.Answer), bold: true}, {text: a.resp.Comment}, a.now(r, lang)})
		if a.resp.Answer == pdfWaiverRequest {
			requests = append(requests, pdfRow{{text: admin}, {text: name, bold: true}, {text: rule}, {text: a.resp.Comment}, a.now(r, lang)})
		}
	}
	if len(rows) == 0 {
		d.para(pdfL(lang, "responses.none"), "", pdfBodySize, pdfInk)
	} else {
		d.para(pdfL(lang, "responses.explain"), "", pdfBodySize, pdfInk)
		d.f.Ln(2)
		d.table([]pdfCol{
			{model.L(lang, "col.administration"), 24, "L"},
			{model.L(lang, "col.account"), 20, "L"},
			{model.L(lang, "col.rule"), 22, "L"},
			{pdfL(lang, "col.answer"), 17, "L"},
			{pdfL(lang, "col.comment"), 26, "L"},
			{pdfL(lang, "col.now"), 20, "L"},
		}, rows)
	}
	d.heading(pdfL(lang, "section.waiverRequests"))
	if len(requests) == 0 {
		d.para(pdfL(lang, "waiverRequests.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.para(pdfL(lang, "waiverRequests.explain"), "", pdfBodySize, pdfInk)
	d.f.Ln(2)
	d.table([]pdfCol{
		{model.L(lang, "col.administration"), 24, "L"},
		{model.L(lang, "col.account"), 20, "L"},
		{model.L(lang, "col.rule"), 22, "L"},
		{pdfL(lang, "col.comment"), 42, "L"},
		{pdfL(lang, "col.now"), 20, "L"},
	}, requests)
}
