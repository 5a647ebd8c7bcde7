package html

import (
	"fmt"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// newPage starts a page in the report's language with its fixed words,
// its banner when the audit was interrupted (over the accounts c
// counts), and the facts under the title.
func newPage(r *model.Report, title, subtitle string, c model.Counts) *page {
	lang := r.Meta.Lang
	p := &page{Lang: lang, Title: title, Subtitle: subtitle, Words: words{
		Skip: hL(lang, "skip"), Contents: hL(lang, "contents"), Facts: hL(lang, "facts"), Home: hL(lang, "overview"),
	}}
	p.Author, p.Generator = r.Meta.Report.Sender, r.Meta.GeneratedBy
	if p.Author == "" {
		p.Author = "Stockholms stad" // the city's name, as the PDF's author
	}
	if r.Meta.Interrupted {
		p.Banner = &banner{Line: model.InterruptedLine(lang, c), Explain: model.L(lang, "interrupted.explain")}
	}
	p.Facts = append(senderFacts(lang, r.Meta.Report), []field{
		{Label: hL(lang, "report.policy"), Value: model.PolicyTitle + " (" + model.PolicyDiary + ")"},
		{Label: model.L(lang, "meta.asof"), Value: model.Date(r.Meta.AsOf)},
		{Label: model.L(lang, "meta.registry"), Value: r.Meta.Registry},
		{Label: model.L(lang, "meta.generated"), Value: r.Meta.GeneratedBy},
	}...)
	return p
}

// senderFacts say who sends the report, whom to ask, by when to answer
// and where to; what the config leaves out is left out.
func senderFacts(lang string, info model.ReportInfo) []field {
	var out []field
	if info.Sender != "" {
		out = append(out, field{Label: hL(lang, "report.sender"), Value: info.Sender})
	}
	if info.ContactName != "" || info.ContactEmail != "" {
		f := field{Label: hL(lang, "report.contact"), Value: info.ContactName}
		if info.ContactEmail != "" {
			f.Href, f.Link = "mailto:"+info.ContactEmail, info.ContactEmail
		}
		out = append(out, f)
	}
	if !info.ReplyBy.IsZero() {
		out = append(out, field{Label: hL(lang, "report.replyBy"), Value: model.Date(info.ReplyBy)})
	}
	if info.SendTo != "" {
		out = append(out, field{Label: hL(lang, "report.sendTo"), Value: info.SendTo})
	}
	return out
}

// add appends a section with its blocks.
func (p *page) add(id, heading string, blocks ...block) *section {
	for _, b := range blocks {
		if b.Table != nil {
			b.Table.Hint = hL(p.Lang, "scroll")
		}
	}
	s := &section{ID: id, Heading: heading, Blocks: blocks}
	p.Sections = append(p.Sections, s)
	return s
}

// summaryBlocks are the counts per status, the accounts, the compliance
// share with how it is computed, as the PDF's summary shows them.
func summaryBlocks(lang string, c model.Counts, cov model.Coverage) []block {
	t := &tiles{Label: hL(lang, "tiles")}
	for _, s := range []struct {
		status rules.Status
		n      int
		key    string
	}{{rules.Fail, c.Fail, "col.fail"}, {rules.Error, c.Error, "col.error"}, {rules.Manual, c.Manual, "col.manual"},
		{rules.Waived, c.Waived, "col.waived"}, {rules.Pass, c.Pass, "col.pass"}} {
		if s.status == rules.Waived && s.n == 0 {
			continue
		}
		t.Items = append(t.Items, tile{Status: s.status, Count: number(lang, s.n), Label: model.L(lang, s.key)})
	}
	facts := []field{{Label: model.L(lang, "col.accounts"), Value: number(lang, c.Accounts)}}
	if c.NotReached > 0 {
		facts = append(facts, field{Label: model.L(lang, "col.notReached"), Value: number(lang, c.NotReached)})
	}
	facts = append(facts, field{Label: model.L(lang, "col.compliance"), Value: model.ShareText(lang, c)},
		field{Label: hL(lang, "col.coverage"), Value: cov.Text(lang)})
	return []block{{Tiles: t}, {Fields: facts}, {Note: model.L(lang, "compliance.explain")}}
}

// number writes a count as lang writes it: "1 234" in Swedish.
func number(lang string, n int) string { return model.Number(lang, n) }

// countCell is a right-aligned count, bold when not zero.
func countCell(lang string, n int) cell { return cell{Text: number(lang, n), Num: true, Strong: n > 0} }

// statusCell shows a status as its badge: icon and word.
func statusCell(lang string, s rules.Status) cell {
	return cell{Status: s, Text: model.StatusLabel(lang, s)}
}

// catalogOf indexes the rule catalog by rule ID.
func catalogOf(catalog []rules.Rule) map[string]rules.Rule {
	m := make(map[string]rules.Rule, len(catalog))
	for _, rl := range catalog {
		m[rl.ID] = rl
	}
	return m
}

// ruleTitle names a rule by its failing title, or by its ID when the
// catalog lacks it.
func ruleTitle(lang string, catalog map[string]rules.Rule, id string) string {
	if rl, ok := catalog[id]; ok {
		return rl.FailTitle.In(lang)
	}
	return id
}

// notesSection lists the scan's notes, if any.
func (p *page) notesSection(notes []string) {
	if len(notes) == 0 {
		return
	}
	var items []field
	for _, n := range notes {
		items = append(items, field{Value: n})
	}
	p.add("notes", model.L(p.Lang, "section.notes"), block{Bullets: items})
}

// noShareNote explains a table's "–" in its compliance column.
func noShareNote(lang string, cs ...model.Counts) []block {
	if s := model.NoShareNote(lang, cs...); s != "" {
		return []block{{Note: s}}
	}
	return nil
}

// answerText is an answer with its comment, if any.
func answerText(lang string, resp model.Response) string {
	s := model.ResponseAnswer(lang, resp.Answer)
	if resp.Comment != "" {
		s += " – " + resp.Comment
	}
	return s
}

// quote puts policy text in the quotation marks of lang.
func quote(lang, s string) string {
	if lang == "en" {
		return "“" + s + "”"
	}
	return "”" + s + "”"
}

// sprintf fills a label's pattern.
func sprintf(lang, key string, args ...any) string { return fmt.Sprintf(hL(lang, key), args...) }

// severity words a rule's severity, "hög"; "–" for a rule the catalog
// lacks.
func severity(lang string, catalog map[string]rules.Rule, id string) string {
	if rl, ok := catalog[id]; ok {
		return rl.Severity.Label().In(lang)
	}
	return model.L(lang, "value.na")
}
