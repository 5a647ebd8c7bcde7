package xlsx

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// interrupted writes, under a sheet's facts, that the audit was
// interrupted and how many of the accounts c counts were checked: the
// first sheet's first lines, so a partial workbook is never taken for a
// whole one.
func (b *xlsxBook) interrupted(s *xlsxSheet, r *model.Report, c model.Counts) {
	if !r.Meta.Interrupted {
		return
	}
	s.skip(1)
	s.next()
	s.free(1, model.InterruptedLine(b.lang, c), b.st.status[rules.Fail])
	s.next()
	s.free(1, model.L(b.lang, "interrupted.explain"), b.st.text)
}

// noShareNote writes, under a table with a compliance column, why a
// share shows "–".
func (b *xlsxBook) noShareNote(s *xlsxSheet, cs ...model.Counts) {
	if note := model.NoShareNote(b.lang, cs...); note != "" {
		s.next()
		s.free(1, note, b.st.text)
	}
}
