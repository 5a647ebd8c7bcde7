package xlsx

import "github.com/stockholm-stad/smaudit/reports/model"

// counts writes the tallies c under their headers, the compliance share
// with its coverage beside it, why there is no share when there is none,
// and how the share is computed. The overview (city) also counts the
// accounts failing and unreadable; an interrupted scan adds the accounts
// not reached.
func (b *xlsxBook) counts(s *xlsxSheet, r *model.Report, c model.Counts, cov model.Coverage, city bool) {
	lang := b.lang
	head := []string{"col.accounts", "col.pass", "col.fail", "col.manual", "col.error", "col.waived"}
	counts := []int{c.Accounts, c.Pass, c.Fail, c.Manual, c.Error, c.Waived}
	if city {
		head = append(head, "col.accountsFailing", "col.accountsUnreadable")
		counts = append(counts, c.AccountsFailing, c.AccountsUnreadable)
	}
	if r.Meta.Interrupted {
		head, counts = append(head, "col.notReached"), append(counts, c.NotReached)
	}
	s.header(lang, append(head, "col.compliance", "col.coverage")...)
	s.next()
	for i, n := range counts {
		s.number(i+1, n, b.st.number)
	}
	s.percent(len(counts)+1, c.Compliance(), b.st.share, b.st.text)
	s.free(len(counts)+2, cov.Text(lang), b.st.text)
	b.noShareNote(s, c)
	s.para(model.L(lang, "compliance.explain"), b.st.wrap)
}
