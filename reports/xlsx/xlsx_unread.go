package xlsx

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// unreadSheet lists the accounts the scan could not read or did not
// reach: why, for how many scans in a row, and what to do next. The
// overview (overview set) names each account's administration.
func (b *xlsxBook) unreadSheet(s *xlsxSheet, list []model.Unread, overview bool) {
	lang := b.lang
	cols := xlsxColumns{"col.account", "col.platform", "col.url", "col.owner", "col.fetchError", "col.unreadScans", "col.nextStep"}
	if overview {
		cols = append(xlsxColumns{"col.administration"}, cols...)
	}
	s.table(lang, cols...)
	for _, u := range list {
		acc := u.Account.Result.Account
		s.next()
		if overview {
			s.text(cols.at("col.administration"), acc.Administration, b.st.text)
		}
		s.text(cols.at("col.account"), acc.Name, b.st.text)
		s.text(cols.at("col.platform"), acc.PlatformName, b.st.text)
		s.link(cols.at("col.url"), acc.URL)
		s.text(cols.at("col.owner"), b.owner(acc), b.st.text)
		s.text(cols.at("col.fetchError"), upperFirst(u.Reason.In(lang)), b.st.text)
		s.number(cols.at("col.unreadScans"), u.Streak, b.st.number)
		s.text(cols.at("col.nextStep"), u.NextStep.In(lang), b.st.text)
	}
	s.endTable()
	s.explain(workbook.Label(lang, "unread.explain"))
}
