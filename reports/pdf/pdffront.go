package pdf

import (
	"fmt"
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// The first pages of a report, in the order a Swedish municipal audit
// report (granskningsrapport) uses: who sends it and how to answer, the
// summary with the coverage beside the share, the assessment, the
// recommendations and the introduction. Each part is drawn only when the
// model has it: nothing here computes or words a finding of its own.

// reportFields draws, under the title, who sends the report, whom to ask,
// by when to answer and where to send the workbook, what the audit is
// measured against, and the audit's date, registry and generator.
func (d *pdfDoc) reportFields(r *model.Report) {
	lang := d.lang
	info := r.Meta.Report
	d.fieldLabels(pdfL(lang, "report.sender"), pdfL(lang, "report.contact"), pdfL(lang, "report.replyBy"), pdfL(lang, "report.sendTo"),
		pdfL(lang, "report.policy"), model.L(lang, "meta.asof"), model.L(lang, "meta.registry"), model.L(lang, "meta.generated"))
	defer d.fieldLabels()
	if info.Sender != "" {
		d.field(pdfL(lang, "report.sender"), info.Sender)
	}
	if contact := strings.TrimSpace(strings.Join(pdfNonEmpty(info.ContactName, info.ContactEmail), ", ")); contact != "" {
		d.field(pdfL(lang, "report.contact"), contact)
	}
	if !info.ReplyBy.IsZero() {
		d.field(pdfL(lang, "report.replyBy"), model.Date(info.ReplyBy))
	}
	if info.SendTo != "" {
		d.field(pdfL(lang, "report.sendTo"), info.SendTo)
	}
	d.field(pdfL(lang, "report.policy"), model.PolicyTitle+" ("+model.PolicyDiary+")")
	d.metaFields(r)
}

// pdfNonEmpty returns the strings that are not empty.
func pdfNonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// granskningSummary draws the summary paragraph, when the model has one.
func (d *pdfDoc) granskningSummary(g model.Granskning) {
	if s := g.Summary.In(d.lang); s != "" {
		d.para(s, "", 10, pdfInk)
		d.f.Ln(3)
	}
}

// granskning draws the assessment, the recommendations and the
// introduction, each under its heading, when the model has them.
func (d *pdfDoc) granskning(g model.Granskning) {
	lang := d.lang
	if len(g.Assessment) > 0 {
		d.heading(pdfL(lang, "section.assessment"))
		for i, p := range g.Assessment {
			if i > 0 {
				d.f.Ln(1.5)
			}
			d.para(p.In(lang), "", pdfBodySize, pdfInk)
		}
	}
	if len(g.Recommendations) > 0 {
		d.heading(pdfL(lang, "section.recommendations"))
		for i, rec := range g.Recommendations {
			d.recommendation(i+1, rec)
		}
	}
	if len(g.Intro) > 0 {
		d.heading(pdfL(lang, "section.intro"))
		for _, s := range g.Intro {
			d.f.Ln(1.5)
			d.need(15)
			d.subheading(s.Title.In(lang), 10)
			d.f.Ln(0.5)
			d.para(s.Body.In(lang), "", pdfBodySize, pdfInk)
		}
	}
}

// recommendation draws one numbered action with its severity and the
// accounts it concerns.
func (d *pdfDoc) recommendation(n int, rec model.Recommendation) {
	const numW = 7.0
	lang := d.lang
	f := d.f
	f.Ln(1.5)
	d.need(12)
	left, _, _, _ := f.GetMargins()
	d.font("B", pdfBodySize, pdfInk)
	f.SetX(left)
	d.cell(numW, pdfBodyLine, fmt.Sprintf("%d.", n), "L")
	d.indent(numW)
	d.para(rec.Text.In(lang), "B", pdfBodySize, pdfInk)
	detail := rules.SeverityName.In(lang) + ": " + rec.Severity.Label().In(lang)
	if len(rec.Accounts) > 0 {
		detail += ". " + pdfL(lang, "recommendation.accounts") + ": " + strings.Join(rec.Accounts, ", ")
	}
	d.para(detail+".", "", 8.5, pdfMuted)
	d.indent(-numW)
}

// coverageField draws the coverage that stands beside a compliance share.
func (d *pdfDoc) coverageField(cov model.Coverage) {
	d.field(pdfL(d.lang, "col.coverage"), cov.Text(d.lang))
}

// unread names every account that could not be read or was not reached,
// with the reason and for how many scans in a row; an administration's
// report also gives each a next step. The overview says when all could
// be read; an administration's report leaves the section out.
func (d *pdfDoc) unread(list []model.Unread, withAdmin bool) {
	lang := d.lang
	if len(list) == 0 && !withAdmin {
		return
	}
	d.headingKeep(pdfL(lang, "section.unread"), 25)
	if len(list) == 0 {
		d.para(pdfL(lang, "unread.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.para(pdfL(lang, "unread.explain"), "", pdfBodySize, pdfInk)
	d.f.Ln(2)
	cols := []pdfCol{{model.L(lang, "col.account"), 24, "L"}}
	if withAdmin {
		cols = append(cols, pdfCol{model.L(lang, "col.administration"), 24, "L"})
	}
	cols = append(cols, pdfCol{model.L(lang, "col.platform"), 13, "L"}, pdfCol{model.L(lang, "col.fetchError"), 30, "L"},
		pdfCol{pdfL(lang, "col.streak"), 13, "R"})
	if !withAdmin {
		cols = append(cols, pdfCol{pdfL(lang, "col.nextStep"), 36, "L"})
	}
	var rows []pdfRow
	for _, u := range list {
		acc := u.Account.Result.Account
		row := pdfRow{{text: acc.Name, bold: true}}
		if withAdmin {
			row = append(row, pdfCell{text: acc.Administration})
		}
		streak := pdfCell{text: model.Number(lang, u.Streak)}
		if u.Streak > 1 {
			streak = pdfCount(u.Streak, rules.Error)
			streak.text = model.Number(lang, u.Streak)
		}
		row = append(row, pdfCell{text: acc.PlatformName}, pdfCell{text: u.Reason.In(lang)}, streak)
		if !withAdmin {
			row = append(row, pdfCell{text: u.NextStep.In(lang)})
		}
		rows = append(rows, row)
	}
	d.table(cols, rows)
}

// pdfUnreadable leaves out of list the accounts an interrupted scan did
// not reach, for a report that lists those on their own.
func pdfUnreadable(list []model.Unread) []model.Unread {
	var out []model.Unread
	for _, u := range list {
		if !model.IsNotReached(u.Account) {
			out = append(out, u)
		}
	}
	return out
}

// ruleTallies counts, per rule, the accounts across the city by verdict:
// a basis for training where many fail.
func (d *pdfDoc) ruleTallies(list []model.RuleTally) {
	if len(list) == 0 {
		return
	}
	lang := d.lang
	d.headingKeep(pdfL(lang, "section.ruleTallies"), 25)
	d.para(pdfL(lang, "ruleTallies.explain"), "", pdfBodySize, pdfInk)
	d.f.Ln(2)
	waived := false
	for _, rt := range list {
		waived = waived || rt.Waived > 0
	}
	cols := []pdfCol{{model.L(lang, "col.rule"), 44, "L"}, {rules.SeverityName.In(lang), 16, "L"},
		{model.L(lang, "col.fail"), 13, "R"}, {model.L(lang, "col.error"), 14, "R"}, {model.L(lang, "col.manual"), 12, "R"}}
	if waived {
		cols = append(cols, pdfCol{model.L(lang, "col.waived"), 12, "R"})
	}
	cols = append(cols, pdfCol{model.L(lang, "col.pass"), 12, "R"}, pdfCol{model.L(lang, "col.accounts"), 10, "R"})
	var rows []pdfRow
	for _, rt := range list {
		row := pdfRow{{text: rt.Rule.Checks.In(lang)}, {text: rt.Rule.Severity.Label().In(lang)},
			pdfCount(rt.Fail, rules.Fail), pdfCount(rt.Error, rules.Error), pdfCount(rt.Manual, rules.Manual)}
		if waived {
			row = append(row, pdfCount(rt.Waived, rules.Waived))
		}
		row = append(row, pdfCell{text: model.Number(lang, rt.Pass)}, pdfCell{text: model.Number(lang, rt.Accounts()), bold: true})
		rows = append(rows, row)
	}
	d.table(cols, rows)
}
