package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// WriteAdministrationPDF writes one administration's report for reading and
// printing: a summary, its accounts worst first, every finding with its
// evidence, remedy and policy text, a checklist of what a person must check
// by hand, the accounts proposed for closure, and the scan's notes. It
// names no other administration's accounts.
func WriteAdministrationPDF(w io.Writer, r *model.Report, a *model.Administration) error {
	lang := r.Meta.Lang
	title := model.L(lang, "admin.title") + " – " + a.Name
	d, err := newPDFDoc(r, title)
	if err != nil {
		return fmt.Errorf("administration PDF %q: %w", a.Name, err)
	}
	d.title(model.L(lang, "admin.title"), a.Name)
	d.interrupted(a.Counts)
	d.reportFields(r) // pdffront.go
	d.heading(model.L(lang, "section.summary"))
	d.granskningSummary(a.Granskning)
	d.summary(a.Counts, a.Coverage)
	d.comparison(a.Accounts)
	d.registryChanges(a.Name)
	d.granskning(a.Granskning)
	// Accounts not reached have no findings: one compact list, after the
	// accounts that have some (pdfinterrupted.go).
	checked := model.Reached(a.Worst)
	d.heading(model.L(lang, "section.accounts"))
	d.accountTable(checked)
	d.notReachedList(a.NotReached)
	d.unread(pdfUnreadable(a.Unread), false)             // the list above names those not reached
	d.headingKeep(model.L(lang, "section.findings"), 30) // the heading itself and an account's 48 mm start (account)
	catalog := pdfCatalog(r.Rules)
	for i, j := range checked {
		d.account(j, catalog, i > 0)
	}
	d.checklist(a.Checklist)
	d.heading(model.L(lang, "section.closure"))
	d.closure(r, a.Closure, false)
	d.closureNotices(a)
	d.notes(a.Notes)
	d.passedAppendix(checked, catalog) // pdfpassed.go
	if err := d.finish(w); err != nil {
		return fmt.Errorf("administration PDF %q: %w", a.Name, err)
	}
	return nil
}

// pdfCatalog indexes the rule catalog by rule ID.
func pdfCatalog(catalog []rules.Rule) map[string]rules.Rule {
	m := make(map[string]rules.Rule, len(catalog))
	for _, rl := range catalog {
		m[rl.ID] = rl
	}
	return m
}

// metaFields draws the audit date, registry and generator under the title.
func (d *pdfDoc) metaFields(r *model.Report) {
	d.field(model.L(d.lang, "meta.asof"), model.Date(r.Meta.AsOf))
	d.field(model.L(d.lang, "meta.registry"), r.Meta.Registry)
	d.field(model.L(d.lang, "meta.generated"), r.Meta.GeneratedBy)
}

// accountTable lists accounts with who checked them (and, for a person,
// why) and their tallies.
func (d *pdfDoc) accountTable(accounts []*rules.Judged) {
	lang := d.lang
	cols := []pdfCol{
		{model.L(lang, "col.account"), 31, "L"},
		{model.L(lang, "col.platform"), 17, "L"},
		{model.L(lang, "col.checkedBy"), 38, "L"},
		{model.L(lang, "col.fail"), 22, "R"},
		{model.L(lang, "col.error"), 22, "R"},
		{model.L(lang, "col.manual"), 22, "R"},
		{model.L(lang, "col.lastOwnPost"), 22, "R"},
	}
	var rows []pdfRow
	for _, j := range accounts {
		c := d.report.Tally(j)
		rows = append(rows, pdfRow{
			{text: j.Result.Account.Name, bold: true},
			{text: j.Result.Account.PlatformName},
			{text: model.CheckedText(lang, &j.Result)},
			pdfCount(c.Fail, rules.Fail),
			pdfCount(c.Error, rules.Error),
			pdfCount(c.Manual, rules.Manual),
			{text: pdfLastPost(lang, j)},
		})
	}
	d.table(cols, rows)
}

// pdfCount is a tally cell, bold in its status colour when not zero.
func pdfCount(n int, s rules.Status) pdfCell {
	c := pdfCell{text: strconv.Itoa(n)}
	if n > 0 {
		c.bold = true
		c.color = pdfStatusStyles[s].fill
		if s == rules.Manual {
			c.color = pdfRGB{150, 96, 0} // amber is too light for text
		}
	}
	return c
}

// pdfLastPost is an account's newest own post date, or "–" when its posts
// were not read.
func pdfLastPost(lang string, j *rules.Judged) string {
	if j.Result.Status != scanner.FetchOK || j.Result.Fetched.PostsHidden != "" {
		return model.L(lang, "value.na")
	}
	if j.LastOwnPost.IsZero() {
		return model.L(lang, "value.none")
	}
	return model.Date(j.LastOwnPost)
}

// account draws one account's section: who and where it is, how the fetch
// went, and each finding.
func (d *pdfDoc) account(j *rules.Judged, catalog map[string]rules.Rule, separate bool) {
	lang := d.lang
	acc := j.Result.Account
	d.f.Ln(3)
	d.need(45)
	if separate && d.f.GetY() > pdfTop+1 {
		d.hline(d.f.GetY(), pdfLine)
		d.f.Ln(3)
	}
	d.subheading(acc.Name, 12)
	d.f.Ln(1)
	d.field(model.L(lang, "col.url"), acc.URL)
	d.field(model.L(lang, "col.platform"), acc.PlatformName)
	if acc.Owner != "" {
		d.field(model.L(lang, "col.owner"), acc.Owner)
	}
	d.field(model.L(lang, "col.fetch"), model.FetchText(lang, &j.Result))
	if j.Result.Status == scanner.FetchFailed && j.Result.Err != nil {
		d.field(model.L(lang, "col.fetchError"), model.ReadFailure(lang, &j.Result))
	}
	if j.Result.Status == scanner.FetchOK {
		d.field(model.L(lang, "col.lastOwnPost"), pdfLastPost(lang, j))
	}
	findings := j.Findings
	if j.Result.Status != scanner.FetchOK {
		findings = d.unjudged(findings, catalog)
	}
	open, passed := pdfOpenFirst(findings)
	for _, fd := range open {
		d.finding(j, fd, catalog)
	}
	// A pass that changed since the previous scan (fixed) is news: it is
	// drawn in full, and named in the passed line too.
	for _, fd := range passed {
		if _, ok := d.report.ChangeOf(j, fd.Rule); ok {
			d.finding(j, fd, catalog)
		}
	}
	d.passedLine(len(j.Findings), passed, catalog)
}

// unjudged draws, once, the findings a failed or unsupported fetch left
// unjudged (they share one message), so an unreadable account does not
// fill pages with the same sentence. It returns the other findings.
func (d *pdfDoc) unjudged(findings []rules.Finding, catalog map[string]rules.Rule) (judged []rules.Finding) {
	var open []rules.Finding
	for _, fd := range findings {
		if fd.Status == rules.Error || fd.Status == rules.Manual {
			open = append(open, fd)
		} else {
			judged = append(judged, fd)
		}
	}
	if len(open) == 0 {
		return judged
	}
	lang := d.lang
	f := d.f
	f.Ln(3)
	d.need(25)
	bw := d.badge(open[0].Status, 5)
	f.SetX(f.GetX() + 2)
	d.indent(bw + 2)
	d.para(pdfL(lang, "unjudged."+string(open[0].Status)), "B", 10, pdfInk)
	d.indent(-bw - 2)
	d.indent(4)
	f.Ln(0.8)
	d.para(open[0].Message.In(lang), "", pdfBodySize, pdfInk)
	f.Ln(0.8)
	// The points by the policy's sections, one paragraph: the checklist
	// asks a manual point's question in full, and a list of whole
	// sentences would fill pages with what was not done.
	items := make([]string, len(open))
	for i, fd := range open {
		items[i] = fd.Rule
		if rl, ok := catalog[fd.Rule]; ok {
			items[i] = rl.Section.Title.In(lang)
		}
	}
	d.para(pdfL(lang, "unjudged.points")+": "+strings.Join(items, "; ")+".", "", 8.5, pdfInk)
	d.indent(-4)
	return judged
}

// finding draws one verdict: a status badge (and, with history, its change
// since the previous scan) with the rule's title, the message, its waiver
// and the administration's previous answer, the evidence, the remedy for a
// failure, and the policy text.
func (d *pdfDoc) finding(j *rules.Judged, fd rules.Finding, catalog map[string]rules.Rule) {
	const badgeH = 5.0
	lang := d.lang
	f := d.f
	rl, known := catalog[fd.Rule]
	title := fd.Rule
	if known {
		title = rl.PassTitle.In(lang)
		if fd.Status != rules.Pass {
			title = rl.FailTitle.In(lang)
		}
		if fd.Status == rules.Manual || fd.Status == rules.Error {
			title = rl.Checks.In(lang)
		}
	}
	f.Ln(3)
	d.need(25)
	bw := d.badge(fd.Status, badgeH)
	if c, ok := d.report.ChangeOf(j, fd.Rule); ok {
		f.SetX(f.GetX() + 1.5)
		bw += 1.5 + d.tag(c, badgeH)
	}
	f.SetX(f.GetX() + 2)
	d.indent(bw + 2)
	d.para(title, "B", 10, pdfInk)
	d.indent(-bw - 2)
	d.indent(4)
	f.Ln(0.8)
	d.para(fd.Message.In(lang), "", pdfBodySize, pdfInk)
	if known && fd.Status != rules.Pass {
		d.para(rules.SeverityName.In(lang)+": "+rl.Severity.Label().In(lang), "", 8.5, pdfMuted)
	}
	d.findingNotes(j, fd)
	if len(fd.Evidence) > 0 {
		f.Ln(0.8)
		d.para(model.L(lang, "col.evidence")+":", "B", 8.5, pdfMuted)
		for _, e := range fd.Evidence {
			d.bullet(model.EvidenceLine(lang, e))
		}
	}
	if fix := rl.FixFor(j.Result.Account).In(lang); fd.Status == rules.Fail && known && fix != "" {
		f.Ln(0.8)
		d.para(model.L(lang, "col.fix")+":", "B", 8.5, pdfStatusStyles[rules.Fail].fill)
		d.para(fix, "", pdfBodySize, pdfInk)
	}
	if known {
		f.Ln(0.8)
		d.para(model.L(lang, "col.policy")+": "+rl.Section.Title.In(lang), "B", 8.5, pdfMuted)
		d.quote(pdfQuote(lang, rl.Section.Quote.In(lang)))
	} else if fd.PolicyRef != "" {
		f.Ln(0.8)
		d.para(model.L(lang, "col.policy")+": "+fd.PolicyRef, "B", 8.5, pdfMuted)
	}
	d.indent(-4)
}

// bullet draws one list item with a hanging indent.
func (d *pdfDoc) bullet(s string) {
	d.font("", 8.5, pdfInk)
	d.begin("P")
	d.text(4, 4.1, "•", "L", 0, "")
	d.indent(4)
	d.multi(4.1, pdfShorten(s, pdfMaxText))
	d.indent(-4)
	d.end()
}

// quote draws policy text in italics beside a bar.
func (d *pdfDoc) quote(s string) { d.quoteAt(s, 8.5) }

// quoteAt draws policy text in italics at size points beside a bar; the
// appendix's list of every checked section uses a smaller size than a
// finding's own quote, as a reference list does.
func (d *pdfDoc) quoteAt(s string, size float64) {
	f := d.f
	y0, page := f.GetY(), f.PageNo()
	d.indent(3)
	d.para(s, "I", size, pdfMuted)
	d.indent(-3)
	if f.PageNo() == page {
		left, _, _, _ := f.GetMargins()
		f.SetDrawColor(pdfLine.r, pdfLine.g, pdfLine.b)
		f.SetLineWidth(0.8)
		f.Line(left+0.6, y0+0.5, left+0.6, f.GetY()-0.5)
	}
}

// notes draws the scan's notes, if any.
func (d *pdfDoc) notes(notes []string) {
	if len(notes) == 0 {
		return
	}
	d.heading(model.L(d.lang, "section.notes"))
	for _, n := range notes {
		d.bullet(n)
	}
}
