package xlsx

import (
	"fmt"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// changeNumbers lists a tally in the columns' order.
func changeNumbers(c model.ChangeCounts) []int {
	return []int{c.New, c.Persisting, c.Fixed, c.Reopened}
}

// comparedWith heads a change block: the audit compared with, or that
// there is none.
func (b *xlsxBook) comparedWith(s *xlsxSheet, r *model.Report) bool {
	s.skip(1)
	s.next()
	if r.History.Previous.IsZero() {
		s.free(1, workbook.Label(b.lang, "history.first"), b.st.heading)
		return false
	}
	s.free(1, fmt.Sprintf(workbook.Label(b.lang, "history.compared"), model.Date(r.History.Previous)), b.st.heading)
	return true
}

// changeSummary writes, on an administration's summary sheet, how its
// findings moved since the previous scan and which of its accounts were
// added to or removed from the registry.
func (b *xlsxBook) changeSummary(s *xlsxSheet, r *model.Report, a *model.Administration) {
	if !b.comparedWith(s, r) {
		return
	}
	s.header(b.lang, "col.new", "col.persisting", "col.fixed", "col.reopened")
	s.next()
	for i, n := range changeNumbers(r.ChangesOf(a.Accounts)) {
		s.number(i+1, n, b.st.number)
	}
	b.accountChanges(s, r, a.Name)
}

// overviewChanges writes, on the overview's first sheet, how each
// administration's findings moved since the previous scan, with a
// total, and every account added to or removed from the registry.
func (b *xlsxBook) overviewChanges(s *xlsxSheet, r *model.Report) {
	if !b.comparedWith(s, r) {
		return
	}
	s.header(b.lang, "col.administration", "col.new", "col.persisting", "col.fixed", "col.reopened")
	for _, a := range r.Administrations {
		s.next()
		s.text(1, a.Name, b.st.text)
		for i, n := range changeNumbers(r.ChangesOf(a.Accounts)) {
			s.number(i+2, n, b.st.number)
		}
	}
	s.next()
	s.text(1, workbook.Label(b.lang, "row.total"), b.st.totalText)
	for i, n := range changeNumbers(r.ChangesOf(r.Accounts)) {
		s.number(i+2, n, b.st.totalNumber)
	}
	b.accountChanges(s, r, "")
}

// accountChanges lists the accounts added to and removed from the
// registry: administration's own, or with administration "" all of
// them with their administration named.
func (b *xlsxBook) accountChanges(s *xlsxSheet, r *model.Report, administration string) {
	lists := []struct {
		heading, none string
		refs          []model.AccountRef
	}{
		{"history.added", "history.noneAdded", r.History.Added},
		{"history.removed", "history.noneRemoved", r.History.Removed},
	}
	for _, l := range lists {
		var refs []model.AccountRef
		for _, ref := range l.refs {
			if administration == "" || ref.Administration == administration {
				refs = append(refs, ref)
			}
		}
		s.skip(1)
		s.next()
		s.free(1, workbook.Label(b.lang, l.heading), b.st.heading)
		if len(refs) == 0 {
			s.next()
			s.free(1, workbook.Label(b.lang, l.none), b.st.text)
			continue
		}
		if administration == "" {
			s.header(b.lang, "col.administration", "col.account", "col.url")
		} else {
			s.header(b.lang, "col.account", "col.url")
		}
		for _, ref := range refs {
			s.next()
			col := 1
			if administration == "" {
				s.text(col, ref.Administration, b.st.text)
				col++
			}
			s.text(col, ref.Name, b.st.text)
			s.link(col+1, ref.URL)
		}
	}
}
