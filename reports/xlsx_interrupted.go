package reports

import "github.com/stockholm-stad/smaudit/rules"

// interrupted writes, under a sheet's facts, that the audit was
// interrupted and how many of the accounts c counts were checked: the
// first sheet's first lines, so a partial workbook is never taken for a
// whole one.
func (b *xlsxBook) interrupted(s *xlsxSheet, r *Report, c Counts) {
	if !r.Meta.Interrupted {
		return
	}
	s.skip(1)
	s.next()
	s.free(1, InterruptedLine(b.lang, c), b.st.status[rules.Fail])
	s.next()
	s.free(1, L(b.lang, "interrupted.explain"), b.st.text)
}

// noShareNote writes, under a table with a compliance column, why a
// share shows "–".
func (b *xlsxBook) noShareNote(s *xlsxSheet, cs ...Counts) {
	if note := noShareNote(b.lang, cs...); note != "" {
		s.next()
		s.free(1, note, b.st.text)
	}
}
