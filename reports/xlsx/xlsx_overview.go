package xlsx

import (
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// WriteOverviewXLSX writes the city-wide workbook: a first sheet with
// the audit's facts, who sends it and the city's counts beside their
// coverage; the administrations with their counts and a total; every
// failing finding; every account proposed for closure; the accounts
// missing from the registry when discovery ran; and the rule catalog
// with the policy's words. Findings with a waiver get a sheet of their
// own; with history, the workbook adds the change since the previous
// scan, the findings fixed since, each administration's compliance over
// the last scans as a table and a line chart with the city total, and
// the administrations' stored answers with the exception requests among
// them. Every table starts in its sheet's first row, the only row
// frozen.
func WriteOverviewXLSX(w io.Writer, r *model.Report) error {
	title := model.L(r.Meta.Lang, "overview.title")
	b, err := newXLSXBook(r, title)
	if err != nil {
		return fmt.Errorf("overview workbook: %w", err)
	}
	b.overviewSummary(b.sheet("sheet.overview"), r, title)
	b.overviewAdministrations(b.sheet("sheet.admins"), r)
	if r.History != nil && len(r.History.Trend) > 0 {
		b.trendSheet(b.sheet("sheet.trend"), r)
	}
	b.overviewFailing(b.sheet("sheet.failing"), r)
	if r.History != nil {
		if fixed := fixedFindings(r); len(fixed) > 0 {
			b.fixedSheet(b.sheet("sheet.fixed"), fixed)
		}
	}
	b.ruleTallySheet(b.sheet("sheet.ruleTally"), r.RuleTallies)
	if len(r.Unread) > 0 {
		b.unreadSheet(b.sheet("sheet.unread"), r.Unread, true)
	}
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

// overviewSummary writes the audit's facts, the city's counts, the
// change since the previous scan and the scan's notes. It holds no
// table, so nothing on it is frozen.
func (b *xlsxBook) overviewSummary(s *xlsxSheet, r *model.Report, title string) {
	b.meta(s, r, title, "")
	c := r.Summary
	b.interrupted(s, r, c)
	s.skip(1)
	b.counts(s, r, c, r.Coverage, true)
	b.granskning(s, r.Granskning)
	if r.History != nil {
		b.overviewChanges(s, r)
	}
	b.notes(s, r.AllNotes())
}

// overviewAdministrations writes one row per administration under a
// header in the first row, and a total row below the table.
func (b *xlsxBook) overviewAdministrations(s *xlsxSheet, r *model.Report) {
	lang := b.lang
	head := []string{"col.administration", "col.file", "col.accounts", "col.pass", "col.fail", "col.manual", "col.error",
		"col.waived", "col.accountsFailing", "col.accountsUnreadable"}
	if r.Meta.Interrupted {
		head = append(head, "col.notReached")
	}
	s.table(lang, append(head, "col.compliance", "col.coverage")...)
	counts := func(c model.Counts, cov model.Coverage, number, share, text int) {
		ns := []int{c.Accounts, c.Pass, c.Fail, c.Manual, c.Error, c.Waived, c.AccountsFailing, c.AccountsUnreadable}
		if r.Meta.Interrupted {
			ns = append(ns, c.NotReached)
		}
		for i, n := range ns {
			s.number(i+3, n, number)
		}
		s.percent(len(ns)+3, c.Compliance(), share, number)
		s.text(len(ns)+4, cov.Text(lang), text)
	}
	for _, a := range r.Administrations {
		s.next()
		s.text(1, a.Name, b.st.text)
		s.fileLink(2, a.Slug+".xlsx")
		counts(a.Counts, a.Coverage, b.st.number, b.st.share, b.st.text)
	}
	s.endTable()
	s.next()
	s.text(1, workbook.Label(lang, "row.total"), b.st.totalText)
	s.text(2, "", b.st.totalText)
	counts(r.Summary, r.Coverage, b.st.totalNumber, b.st.totalPct, b.st.totalText)
	all := []model.Counts{r.Summary}
	for _, a := range r.Administrations {
		all = append(all, a.Counts)
	}
	b.noShareNote(s, all...)
}

// overviewFailing writes every failing finding in the city, with
// history how it moved since the previous scan.
func (b *xlsxBook) overviewFailing(s *xlsxSheet, r *model.Report) {
	lang := b.lang
	cols := xlsxColumns{"col.administration", "col.account", "col.platform", "col.url", "col.owner", "col.ruleId", "col.rule",
		"col.severity"}
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
			s.text(cols.at("col.owner"), b.owner(acc), b.st.text)
			s.text(cols.at("col.ruleId"), f.Rule, b.st.text)
			s.text(cols.at("col.rule"), b.ruleTitle(f), b.st.text)
			s.text(cols.at("col.severity"), b.severity(f), b.st.text)
			if c, ok := r.ChangeOf(j, f.Rule); ok {
				s.text(cols.at("col.change"), model.ChangeLabel(lang, c), b.st.text)
			}
			s.text(cols.at("col.message"), b.message(f), b.st.text)
			s.linked(cols.at("col.evidence"), evidence(lang, f), evidenceLink(f))
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
	s.table(lang, "col.ruleId", "col.severity", "col.policy", "col.checks", "col.thresholds", "col.fix", "col.policyText")
	for _, rule := range r.Rules {
		s.next()
		s.text(1, rule.ID, b.st.text)
		s.text(2, b.ruleSeverity(rule), b.st.text)
		s.text(3, rule.Section.Title.In(lang), b.st.text)
		s.text(4, rule.Checks.In(lang), b.st.text)
		s.text(5, rule.Thresholds.In(lang), b.st.text)
		s.text(6, rule.Fix.In(lang), b.st.text)
		s.text(7, rule.Section.Quote.In(lang), b.st.text)
	}
	s.endTable()
}
