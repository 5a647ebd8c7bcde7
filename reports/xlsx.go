package reports

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/rules"
)

// xlsxBook is one workbook being written.
type xlsxBook struct {
	f      *excelize.File
	st     *xlsxStyles
	lang   string
	rules  map[string]rules.Rule
	sheets []*xlsxSheet
}

// newXLSXBook starts a workbook whose document properties depend only on
// the report, never on the clock, so the same report gives the same bytes.
func newXLSXBook(r *Report, title string) (*xlsxBook, error) {
	f := excelize.NewFile()
	language := "sv-SE"
	if r.Meta.Lang == "en" {
		language = "en-GB"
	}
	stamp := r.Meta.AsOf.UTC().Format(time.RFC3339)
	err := f.SetDocProps(&excelize.DocProperties{
		Title: cellText(title), Creator: "smaudit", LastModifiedBy: "smaudit", Description: cellText(r.Meta.GeneratedBy),
		Created: stamp, Modified: stamp, Language: language,
	})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("workbook properties: %w", err)
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	b := &xlsxBook{f: f, st: st, lang: r.Meta.Lang, rules: map[string]rules.Rule{}}
	for _, rule := range r.Rules {
		b.rules[rule.ID] = rule
	}
	return b, nil
}

// sheet adds a sheet named by a label key.
func (b *xlsxBook) sheet(key string) *xlsxSheet {
	s := newSheet(b.f, b.st, xl(b.lang, key))
	b.sheets = append(b.sheets, s)
	return s
}

// write finishes every sheet and writes the workbook, opening on its
// first sheet.
func (b *xlsxBook) write(w io.Writer) error {
	defer b.f.Close()
	for _, s := range b.sheets {
		if err := s.finish(); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(0)
	if _, err := b.f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// meta writes the title and the audit's facts at the top of a sheet.
func (b *xlsxBook) meta(s *xlsxSheet, r *Report, title string, administration string) {
	s.next()
	s.free(1, title, b.st.title)
	facts := [][2]string{}
	if administration != "" {
		facts = append(facts, [2]string{"meta.administration", administration})
	}
	facts = append(facts,
		[2]string{"meta.asof", Date(r.Meta.AsOf)},
		[2]string{"meta.registry", r.Meta.Registry},
		[2]string{"meta.generated", r.Meta.GeneratedBy})
	for _, fact := range facts {
		s.next()
		s.text(1, L(b.lang, fact[0]), b.st.label)
		s.free(2, fact[1], b.st.text)
	}
}

// notes writes the scan's notes under a heading, if there are any.
func (b *xlsxBook) notes(s *xlsxSheet, notes []string) {
	if len(notes) == 0 {
		return
	}
	s.skip(1)
	s.next()
	s.free(1, L(b.lang, "section.notes"), b.st.heading)
	for _, n := range notes {
		s.next()
		s.free(1, n, b.st.text)
	}
}

// ruleTitle names a finding's rule as its status calls for: the pass or
// fail title, or for manual and error findings what the rule checks.
func (b *xlsxBook) ruleTitle(f rules.Finding) string {
	rule, ok := b.rules[f.Rule]
	if !ok {
		return f.Rule
	}
	switch f.Status {
	case rules.Pass:
		return rule.PassTitle.In(b.lang)
	case rules.Fail:
		return rule.FailTitle.In(b.lang)
	}
	return rule.Checks.In(b.lang)
}

// section returns the policy section a finding enforces.
func (b *xlsxBook) section(f rules.Finding) rules.Section {
	if rule, ok := b.rules[f.Rule]; ok {
		return rule.Section
	}
	return rules.Section{Ref: f.PolicyRef, Title: rules.Text{SV: f.PolicyRef}}
}

// fix is a finding's remedy: the rule's fix for a failure, else nothing.
func (b *xlsxBook) fix(f rules.Finding) string {
	if f.Status != rules.Fail {
		return ""
	}
	return b.rules[f.Rule].Fix.In(b.lang)
}

// evidence renders a finding's evidence one piece a line.
func evidence(lang string, f rules.Finding) string {
	lines := make([]string, 0, len(f.Evidence))
	for _, e := range f.Evidence {
		lines = append(lines, EvidenceLine(lang, e))
	}
	return strings.Join(lines, "\n")
}

// closureTable writes the accounts proposed for closure, with their
// administration first when withAdministration is set.
func (b *xlsxBook) closureTable(s *xlsxSheet, r *Report, list []Closure, withAdministration bool) {
	s.next()
	s.free(1, fmt.Sprintf(L(b.lang, "closure.explain"), r.Meta.InactiveDays), b.st.text)
	s.skip(1)
	keys := []string{"col.account", "col.platform", "col.url", "col.lastOwnPost", "col.daysSince", "col.owner"}
	if withAdministration {
		keys = append([]string{"col.administration"}, keys...)
	}
	s.table(b.lang, keys...)
	for _, c := range list {
		acc := c.Account.Result.Account
		s.next()
		col := 1
		if withAdministration {
			s.text(col, acc.Administration, b.st.text)
			col++
		}
		s.text(col, acc.Name, b.st.text)
		s.text(col+1, acc.PlatformName, b.st.text)
		s.link(col+2, acc.URL)
		last := L(b.lang, "value.none")
		if !c.LastOwnPost.IsZero() {
			last = Date(c.LastOwnPost)
		}
		s.text(col+3, last, b.st.text)
		if c.DaysSince < 0 {
			s.text(col+4, L(b.lang, "value.na"), b.st.text)
		} else {
			s.number(col+4, c.DaysSince, b.st.number)
		}
		s.text(col+5, acc.Owner, b.st.text)
	}
	s.endTable()
	if len(list) == 0 {
		s.next()
		s.free(1, L(b.lang, "closure.none"), b.st.text)
	}
}
