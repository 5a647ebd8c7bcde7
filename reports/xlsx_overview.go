package reports

import (
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/rules"
)

// WriteOverviewXLSX writes the city-wide workbook: the administrations
// with their counts and a total, every failing finding, every account
// proposed for closure, the accounts missing from the registry when
// discovery ran, and the rule catalog with the policy's words.
func WriteOverviewXLSX(w io.Writer, r *Report) error {
	title := L(r.Meta.Lang, "overview.title")
	b, err := newXLSXBook(r, title)
	if err != nil {
		return fmt.Errorf("overview workbook: %w", err)
	}
	b.overviewAdministrations(b.sheet("sheet.admins"), r, title)
	b.overviewFailing(b.sheet("sheet.failing"), r)
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
func (b *xlsxBook) overviewAdministrations(s *xlsxSheet, r *Report, title string) {
	lang := b.lang
	b.meta(s, r, title, "")
	s.next()
	s.free(1, L(lang, "compliance.explain"), b.st.text)
	s.skip(1)
	s.table(lang, "col.administration", "col.file", "col.accounts", "col.pass", "col.fail", "col.manual", "col.error",
		"col.accountsFailing", "col.accountsUnreadable", "col.compliance")
	counts := func(c Counts, number, share int) {
		for i, n := range []int{c.Accounts, c.Pass, c.Fail, c.Manual, c.Error, c.AccountsFailing, c.AccountsUnreadable} {
			s.number(i+3, n, number)
		}
		s.percent(10, c.Compliance(), share, number)
	}
	for _, a := range r.Administrations {
		s.next()
		s.text(1, a.Name, b.st.text)
		s.fileLink(2, a.Slug+".xlsx")
		counts(a.Counts, b.st.number, b.st.share)
	}
	s.endTable()
	s.next()
	s.text(1, xl(lang, "row.total"), b.st.totalText)
	s.text(2, "", b.st.totalText)
	counts(r.Summary, b.st.totalNumber, b.st.totalPct)
	b.notes(s, r.AllNotes())
}

// overviewFailing writes every failing finding in the city.
func (b *xlsxBook) overviewFailing(s *xlsxSheet, r *Report) {
	lang := b.lang
	s.table(lang, "col.administration", "col.account", "col.platform", "col.url", "col.ruleId", "col.rule",
		"col.message", "col.evidence", "col.fix", "col.policy")
	n := 0
	for _, j := range r.Accounts {
		acc := j.Result.Account
		for _, f := range j.Findings {
			if f.Status != rules.Fail {
				continue
			}
			n++
			s.next()
			s.text(1, acc.Administration, b.st.text)
			s.text(2, acc.Name, b.st.text)
			s.text(3, acc.PlatformName, b.st.text)
			s.link(4, acc.URL)
			s.text(5, f.Rule, b.st.text)
			s.text(6, b.ruleTitle(f), b.st.text)
			s.text(7, f.Message.In(lang), b.st.text)
			s.text(8, evidence(lang, f), b.st.text)
			s.text(9, b.fix(f), b.st.text)
			s.text(10, b.section(f).Title.In(lang), b.st.text)
		}
	}
	s.endTable()
	if n == 0 {
		s.next()
		s.free(1, L(lang, "failing.none"), b.st.text)
	}
}

// overviewRules writes the rule catalog with the policy text each rule
// enforces.
func (b *xlsxBook) overviewRules(s *xlsxSheet, r *Report) {
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
