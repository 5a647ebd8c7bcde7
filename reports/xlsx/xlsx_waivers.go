package xlsx

import (
	"github.com/stockholm-stad/smaudit/reports/model"

	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// hasWaivers reports whether any finding names a waiver, applied or
// expired.
func hasWaivers(r *model.Report) bool {
	for _, j := range r.Accounts {
		for _, f := range j.Findings {
			if f.Waiver != nil {
				return true
			}
		}
	}
	return false
}

// waiverSheet lists, for the overview, every finding with a waiver:
// waived ones with their reason, approver and expiry, and those whose
// waiver has expired with the status they were judged.
func (b *xlsxBook) waiverSheet(s *xlsxSheet, r *model.Report) {
	lang := b.lang
	s.table(lang, "col.administration", "col.account", "col.platform", "col.url", "col.owner", "col.ruleId", "col.rule",
		"col.status", "col.waiver")
	for _, j := range r.Accounts {
		acc := j.Result.Account
		for _, f := range j.Findings {
			if f.Waiver == nil {
				continue
			}
			s.next()
			s.text(1, acc.Administration, b.st.text)
			s.text(2, acc.Name, b.st.text)
			s.text(3, acc.PlatformName, b.st.text)
			s.link(4, acc.URL)
			s.text(5, b.owner(acc), b.st.text)
			s.text(6, f.Rule, b.st.text)
			s.text(7, b.ruleTitle(f), b.st.text)
			s.status(8, lang, f.Status)
			s.text(9, model.WaiverLine(lang, f.Waiver), b.st.text)
		}
	}
	s.endTable()
	s.explain(workbook.Label(lang, "waivers.explain"))
}
