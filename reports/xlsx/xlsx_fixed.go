package xlsx

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// fixedFindings are the findings that failed in the previous scan and
// pass now, in account order: what the overview PDF lists as fixed.
func fixedFindings(r *model.Report) []fixedFinding {
	var out []fixedFinding
	for _, j := range r.Accounts {
		for _, f := range j.Findings {
			if c, ok := r.ChangeOf(j, f.Rule); ok && c.Kind == model.ChangeFixed {
				out = append(out, fixedFinding{j, f})
			}
		}
	}
	return out
}

// fixedFinding is a fixed finding with its account.
type fixedFinding struct {
	account *rules.Judged
	finding rules.Finding
}

// fixedSheet lists, for the overview, the findings fixed since the
// previous scan, which the failing sheet no longer shows, each under
// the title it failed with.
func (b *xlsxBook) fixedSheet(s *xlsxSheet, list []fixedFinding) {
	lang := b.lang
	s.table(lang, "col.administration", "col.account", "col.platform", "col.url", "col.owner", "col.ruleId", "col.rule",
		"col.severity", "col.status")
	for _, ff := range list {
		acc := ff.account.Result.Account
		s.next()
		s.text(1, acc.Administration, b.st.text)
		s.text(2, acc.Name, b.st.text)
		s.text(3, acc.PlatformName, b.st.text)
		s.link(4, acc.URL)
		s.text(5, b.owner(acc), b.st.text)
		s.text(6, ff.finding.Rule, b.st.text)
		s.text(7, b.failTitle(ff.finding.Rule), b.st.text)
		s.text(8, b.severity(ff.finding), b.st.text)
		s.status(9, lang, ff.finding.Status)
	}
	s.endTable()
	s.explain(workbook.Label(lang, "fixed.explain"))
}
