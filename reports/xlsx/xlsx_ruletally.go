package xlsx

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// ruleTallySheet writes, per rule in catalog order, how many accounts
// fail, pass, need a person, could not be checked or are waived, city-wide:
// a basis for training.
func (b *xlsxBook) ruleTallySheet(s *xlsxSheet, tallies []model.RuleTally) {
	lang := b.lang
	s.table(lang, "col.ruleId", "col.rule", "col.severity", "col.fail", "col.pass", "col.manual", "col.error", "col.waived",
		"col.accounts")
	for _, t := range tallies {
		s.next()
		s.text(1, t.Rule.ID, b.st.text)
		s.text(2, t.Rule.PassTitle.In(lang), b.st.text) // the requirement, as a short title
		s.text(3, b.ruleSeverity(t.Rule), b.st.text)
		for i, n := range []int{t.Fail, t.Pass, t.Manual, t.Error, t.Waived, t.Accounts()} {
			s.number(4+i, n, b.st.number)
		}
	}
	s.endTable()
	s.explain(workbook.Label(lang, "ruleTally.explain"))
}
