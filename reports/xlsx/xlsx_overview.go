package xlsx

import (
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// WriteOverviewXLSX writes the city-wide workbook: the administrations
// with their counts and a total, every failing finding, every account
// proposed for closure, the accounts missing from the registry when
// discovery ran, and the rule catalog with the policy's words. Findings
// with a waiver get a sheet of their own; with history, the workbook
// adds the change since the previous scan, each administration's
// compliance over the last scans as a table and a line chart, and the
// administrations' stored answers with the exception requests among them.
func WriteOverviewXLSX(w io.Writer, r *model.Report) error {
	title := model.L(r.Meta.Lang, "overview.title")
	b, err := newXLSXBook(r, title)
	if err != nil {
		return fmt.Errorf("overview workbook: %w", err)
	}
	b.overviewAdministrations(b.sheet("sheet.admins"), r, title)
	if r.History != nil && len(r.History.Trend) > 0 {
		b.trendSheet(b.sheet("sheet.trend"), r)
	}
	b.overviewFailing(b.sheet("sheet.failing"), r)
	if hasWaivers(r) {
		b.waiverSheet(b.sheet("sheet.waivers"), r)
	}
	if r.History != nil && len(r.History.Responses) > 0 {
		responses := r.Answers()
		b.answerSheet(b.sheet("sheet.answers"), r, responses)
		if requests := waiverRequests(responses); len(requests) > 0 {
			b.requestSheet(b.sheet("sheet.requests"), r, requests)
		}
	}
	b.closureTable(b.sheet("sheet.closure"), r, r.Closure, true)
	// Accounts found outside the registry, when discovery ran (xlsx_unregistered.go).
	if r.Unregistered != nil {
		b.unregisteredTable(b.sheet("sheet.unregistered"), r.Unregistered)
	}
	b.overviewRules(b.sheet("sheet.rules"), r)
	if err := b.write(w); err != nil {
		return fmt.Errorf("overview workbook: %w", err)
	}
	return nil
}

// overviewAdministrations writes one row per administration, a total row
// below the table and the scan's notes.
func (b *xlsxBook) overviewAdministrations(s *xlsxSheet, r *model.Report, title string) {
	lang := b.lang
	b.meta(s, r, title, "")
	b.interrupted(s, r, r.Summary)
	s.next()
	s.free(1, model.L(lang, "compliance.explain"), b.st.text)
	s.skip(1)
	head := []string{"col.administration", "col.file", "col.accounts", "col.pass", "col.fail", "col.manual", "col.error",
		"col.waived", "col.accountsFailing", "col.accountsUnreadable"}
	if r.Meta.Interrupted {
		head = append(head, "col.notReached")
	}
	s.table(lang, append(head, "col.compliance")...)
	counts := func(c model.Counts, number, share int) {
		ns := []int{c.Accounts, c.Pass, c.Fail, c.Manual, c.Error, c.Waived, c.AccountsFailing, c.AccountsUnreadable}
		if r.Meta.Interrupted {
			ns = append(ns, c.NotReached)
		}
		for i, n := range ns {
			s.number(i+3, n, number)
		}
		s.percent(len(ns)+3, c.Compliance(), share, number)
	}
	for _, a := range r.Administrations {
		s.next()
		s.text(1, a.Name, b.st.text)
		s.fileLink(2, a.Slug+".xlsx")
		counts(a.Counts, b.st.number, b.st.share)
	}
	s.endTable()
	s.next()
	s.text(1, workbook.Label(lang, "row.total"), b.st.totalText)
	s.text(2, "", b.st.totalText)
	counts(r.Summary, b.st.totalNumber, b.st.totalPct)
	all := []model.Counts{r.Summary}
	for _, a := range r.Administrations {
		all = append(all, a.Counts)
	}
	b.noShareNote(s, all...)
	if r.History != nil {
		b.overviewChanges(s, r)
	}
	b.notes(s, r.AllNotes())
}

// overviewFailing writes every failing finding in the city, with
// history how it moved since the previous scan.
func (b *xlsxBook) overviewFailing(s *xlsxSheet, r *model.Report) {
	lang := b.lang
	cols := xlsxColumns{"col.administration", "col.account", "col.platform", "col.url", "col.ruleId", "col.rule"}
	if r.History != nil {
		cols = append(cols, "col.change")
	}
	cols = append(cols, "col.message", "col.evidence", "col.fix", "col.policy")
	s.table(lang, cols...)
	n := 0
	for _, j := range r.Accounts {
		acc := j.Result.Account
		for _, f := range j.Findings {
			if f.Status != rules.Fail {
				continue
			}
			n++
			s.next()
			s.text(cols.at("col.administration"), acc.Administration, b.st.text)
			s.text(cols.at("col.account"), acc.Name, b.st.text)
			s.text(cols.at("col.platform"), acc.PlatformName, b.st.text)
			s.link(cols.at("col.url"), acc.URL)
			s.text(cols.at("col.ruleId"), f.Rule, b.st.text)
			s.text(cols.at("col.rule"), b.ruleTitle(f), b.st.text)
			if c, ok := r.ChangeOf(j, f.Rule); ok {
				s.text(cols.at("col.change"), model.ChangeLabel(lang, c), b.st.text)
			}
			s.text(cols.at("col.message"), b.message(f), b.st.text)
			s.text(cols.at("col.evidence"), evidence(lang, f), b.st.text)
			s.text(cols.at("col.fix"), b.fix(f), b.st.text)
			s.text(cols.at("col.policy"), b.section(f).Title.In(lang), b.st.text)
		}
	}
	s.endTable()
	if n == 0 {
		s.next()
		s.free(1, model.L(lang, "failing.none"), b.st.text)
	}
}

// overviewRules writes the rule catalog with the policy text each rule
// enforces.
func (b *xlsxBook) overviewRules(s *xlsxSheet, r *model.Report) {
	lang := b.lang
	s.table(lang, "col.ruleId", "col.policy", "col.checks", "col.thresholds", "col.fix", "col.policyText")
	for _, rule := range r.Rules {
		s.next()
		s.text(1, rule.ID, b.st.text)
		s.text(2, rule.Section.Title.In(lang), b.st.text)
		s.text(3, rule.Checks.In(lang), b.st.text)
		s.text(4, rule.Thresholds.In(lang), b.st.text)
		s.text(5, rule.Fix.In(lang), b.st.text)
		s.text(6, rule.Section.Quote.In(lang), b.st.text)
	}
	s.endTable()
}
