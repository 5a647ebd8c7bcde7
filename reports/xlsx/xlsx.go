package xlsx

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
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
func newXLSXBook(r *model.Report, title string) (*xlsxBook, error) {
	f := excelize.NewFile()
	language := "sv-SE"
	if r.Meta.Lang == "en" {
		language = "en-GB"
	}
	stamp := r.Meta.AsOf.UTC().Format(time.RFC3339)
	err := f.SetDocProps(&excelize.DocProperties{
		Title: workbook.CellText(title), Creator: "smaudit", LastModifiedBy: "smaudit", Description: workbook.CellText(r.Meta.GeneratedBy),
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
	s := newSheet(b.f, b.st, workbook.Label(b.lang, key))
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
	parts, err := b.linkParts()
	if err != nil {
		return err
	}
	if len(parts) > 0 {
		b.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newLinkZip(w, parts) })
	}
	// excelize adds the image content types a chart's drawing may use in
	// map order; sorted, the same report gives the same bytes.
	if ct := b.f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, k int) bool { return ct.Defaults[i].Extension < ct.Defaults[k].Extension })
	}
	if _, err := b.f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// meta writes the title and the audit's facts at the top of a sheet:
// the administration (when given) in B2 and the audit date, a real date,
// in the row below, where the reader of returned workbooks looks for
// them by their labels.
func (b *xlsxBook) meta(s *xlsxSheet, r *model.Report, title string, administration string) {
	s.next()
	s.free(1, title, b.st.title)
	fact := func(key, v string) {
		s.next()
		s.text(1, model.L(b.lang, key), b.st.label)
		s.free(2, v, b.st.text)
	}
	if administration != "" {
		fact("meta.administration", administration)
	}
	s.next()
	s.text(1, model.L(b.lang, "meta.asof"), b.st.label)
	s.date(2, r.Meta.AsOf, b.st.date, model.Date(r.Meta.AsOf))
	fact("meta.registry", r.Meta.Registry)
	fact("meta.generated", r.Meta.GeneratedBy)
	b.reportBlock(s, r.Meta.Report)
}

// reportBlock writes who sends the report, whom to ask, the last day to
// answer (a real date) and where the answered workbook goes, under the
// facts. A field the config leaves empty is left out, never invented.
func (b *xlsxBook) reportBlock(s *xlsxSheet, info model.ReportInfo) {
	if info.IsZero() {
		return
	}
	s.skip(1)
	line := func(key, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		s.next()
		s.text(1, workbook.Label(b.lang, key), b.st.label)
		s.free(2, v, b.st.text)
	}
	line("report.sender", info.Sender)
	contact := info.ContactName
	if info.ContactEmail != "" {
		if contact != "" {
			contact += ", "
		}
		contact += info.ContactEmail
	}
	line("report.contact", contact)
	if !info.ReplyBy.IsZero() {
		s.next()
		s.text(1, workbook.Label(b.lang, "report.replyBy"), b.st.label)
		s.date(2, info.ReplyBy, b.st.date, model.Date(info.ReplyBy))
	}
	line("report.sendTo", info.SendTo)
}

// notes writes the scan's notes under a heading, if there are any.
func (b *xlsxBook) notes(s *xlsxSheet, notes []string) {
	if len(notes) == 0 {
		return
	}
	s.skip(1)
	s.next()
	s.free(1, model.L(b.lang, "section.notes"), b.st.heading)
	for _, n := range notes {
		s.next()
		s.free(1, n, b.st.text)
	}
}

// ruleTitle names a finding's rule as its status calls for: the pass or
// fail title (a waived finding failed), or for manual and error findings
// what the rule checks.
func (b *xlsxBook) ruleTitle(f rules.Finding) string {
	rule, ok := b.rules[f.Rule]
	if !ok {
		return f.Rule
	}
	switch f.Status {
	case rules.Pass:
		return rule.PassTitle.In(b.lang)
	case rules.Fail, rules.Waived:
		return rule.FailTitle.In(b.lang)
	}
	return rule.Checks.In(b.lang)
}

// owner names the person the registry makes responsible for an
// account, or says the registry names nobody: an empty cell would read
// as an oversight of the workbook's.
func (b *xlsxBook) owner(acc scanner.Account) string {
	if o := strings.TrimSpace(acc.Owner); o != "" {
		return acc.Owner
	}
	return workbook.Label(b.lang, "owner.missing")
}

// severity words how much a finding's rule weighs: "hög", "medel",
// "låg"; empty for a rule the catalog lacks or gives no severity.
func (b *xlsxBook) severity(f rules.Finding) string {
	return b.ruleSeverity(b.rules[f.Rule])
}

// ruleSeverity words how much a rule weighs, or "" when it has no
// severity.
func (b *xlsxBook) ruleSeverity(rule rules.Rule) string {
	if rule.Severity == 0 {
		return ""
	}
	return rule.Severity.Label().In(b.lang)
}

// message is a finding's assessment, with its waiver, applied or
// expired, on a line of its own.
func (b *xlsxBook) message(f rules.Finding) string {
	m := f.Message.In(b.lang)
	if w := model.WaiverLine(b.lang, f.Waiver); w != "" {
		m += "\n" + w
	}
	return m
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

// evidenceLink is the first address a finding's evidence names that a
// hyperlink can open: the profile, post or page a person looks at.
func evidenceLink(f rules.Finding) string {
	for _, e := range f.Evidence {
		if t := linkTarget(e.URL); t != "" {
			return t
		}
	}
	return ""
}

// evidence renders a finding's evidence one piece a line.
func evidence(lang string, f rules.Finding) string {
	lines := make([]string, 0, len(f.Evidence))
	for _, e := range f.Evidence {
		lines = append(lines, model.EvidenceLine(lang, e))
	}
	return strings.Join(lines, "\n")
}
