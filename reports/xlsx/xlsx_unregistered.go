package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// WriteUnregisteredXLSX writes a workbook of its own with the accounts
// discovery found outside the registry, for `smaudit discover`: a first
// sheet with the audit's facts, how many accounts were found and the
// notes on pages that could not be read, which holds no table and freezes nothing, and a sheet with the
// accounts, whose table starts in the first row, the only row frozen,
// as in the audit's workbooks. A nil Report.Unregistered is shown as an
// empty list.
func WriteUnregisteredXLSX(w io.Writer, r *model.Report) error {
	title := model.L(r.Meta.Lang, "section.unregistered")
	b, err := newXLSXBook(r, title)
	if err != nil {
		return fmt.Errorf("unregistered-accounts workbook: %w", err)
	}
	facts := b.sheet("sheet.summary")
	b.meta(facts, r, title, "")
	// How many accounts the next sheet lists, labelled with its name, so
	// the first sheet says where to look.
	facts.skip(1)
	facts.next()
	facts.text(1, workbook.Label(b.lang, "sheet.unregistered"), b.st.label)
	facts.number(2, len(r.Unregistered), b.st.number)
	b.notes(facts, r.AllNotes())
	b.unregisteredTable(b.sheet("sheet.unregistered"), r.Unregistered)
	if err := b.write(w); err != nil {
		return fmt.Errorf("unregistered-accounts workbook: %w", err)
	}
	return nil
}

// unregisteredTable explains the list and writes one row per account:
// its platform, its link, the first page linking to it (clickable) and
// the other pages, one a line.
func (b *xlsxBook) unregisteredTable(s *xlsxSheet, list []model.Unregistered) {
	lang := b.lang
	s.table(lang, "col.platform", "col.account", "col.foundOn", "col.alsoOn")
	for _, u := range list {
		s.next()
		s.text(1, model.PlatformName(u.Platform), b.st.text)
		s.link(2, u.URL)
		if len(u.FoundOn) > 0 {
			s.link(3, u.FoundOn[0])
		}
		if len(u.FoundOn) > 1 {
			s.text(4, strings.Join(u.FoundOn[1:], "\n"), b.st.text)
		}
	}
	s.endTable()
	if len(list) == 0 {
		s.next()
		s.free(1, model.L(lang, "unregistered.none"), b.st.text)
	}
	s.explain(model.L(lang, "unregistered.explain"), model.L(lang, "unregistered.check"))
}
