package html

import (
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// WriteOverview writes the city-wide overview page, oversikt.html: what
// the overview PDF shows (the totals, each administration with a link to
// its page, the change and trend with history, every failing and waived
// finding, the accounts proposed for closure, the answers, the accounts
// missing from the registry, the notes and the rules), with a filter of
// the failing findings by administration. Accounts that could not be
// read and the verdicts per rule have sections of their own.
func WriteOverview(w io.Writer, r *model.Report) error {
	if err := render(w, overviewPage(r)); err != nil {
		return errorf("overview page", err)
	}
	return nil
}

// overviewPage lays out the overview.
func overviewPage(r *model.Report) *page {
	lang := r.Meta.Lang
	p := newPage(r, model.L(lang, "overview.title"), "", r.Summary)
	summary := append(summaryLead(lang, r.Granskning), summaryBlocks(lang, r.Summary, r.Coverage)...)
	p.add("summary", model.L(lang, "section.summary"), append(summary, comparison(r, r.Accounts)...)...)
	p.granskningSections(r.Granskning)
	p.add("administrations", model.L(lang, "section.admins"), adminTable(r)...)
	p.add("unread", hL(lang, "section.unread"), unreadBlocks(lang, r.Unread, true)...)
	if r.History != nil {
		p.changeSection(r)
		p.trendSection(r)
	}
	p.failingSection(r)
	p.waivedSection(r)
	p.add("rule-tallies", hL(lang, "section.ruleTallies"), ruleTallyBlocks(r)...)
	p.add("closure", model.L(lang, "section.closure"), closureBlocks(r, r.Closure, true)...)
	if r.History != nil {
		p.answersSections(r)
	}
	if r.Unregistered != nil {
		p.add("unregistered", model.L(lang, "section.unregistered"), unregisteredBlocks(lang, r.Unregistered)...)
	}
	p.notesSection(r.AllNotes())
	p.add("rules", model.L(lang, "section.rules"), rulesTable(lang, r.Rules))
	return p
}

// AdministrationFile is the page's file name for an administration.
func AdministrationFile(a *model.Administration) string { return a.Slug + ".html" }

// OverviewFile is the overview page's file name.
const OverviewFile = model.OverviewSlug + ".html"

// adminTable lists every administration's tallies, each name linking to
// its page, with a total row; beside each share, how many of its
// checkpoints were assessed automatically: the coverage of the share.
func adminTable(r *model.Report) []block {
	lang := r.Meta.Lang
	t := &table{ID: "t-admins", Caption: hL(lang, "caption.admins"), Head: []header{
		{Text: model.L(lang, "col.administration")}, {Text: model.L(lang, "col.accounts"), Num: true},
		{Text: model.L(lang, "col.fail"), Num: true}, {Text: model.L(lang, "col.error"), Num: true},
		{Text: model.L(lang, "col.manual"), Num: true}}}
	waived, unreached := r.Summary.Waived > 0, r.Summary.NotReached > 0
	if waived {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.waived"), Num: true})
	}
	if unreached {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.notReached"), Num: true})
	}
	t.Head = append(t.Head, header{Text: model.L(lang, "col.pass"), Num: true}, header{Text: hL(lang, "col.automated"), Num: true},
		header{Text: model.L(lang, "col.compliance"), Num: true})
	line := func(name cell, c model.Counts, cov model.Coverage) row {
		cells := []cell{name, {Text: number(lang, c.Accounts), Num: true}, countCell(lang, c.Fail), countCell(lang, c.Error), countCell(lang, c.Manual)}
		if waived {
			cells = append(cells, countCell(lang, c.Waived))
		}
		if unreached {
			cells = append(cells, countCell(lang, c.NotReached))
		}
		automated := sprintf(lang, "automated.of", number(lang, cov.Automated), number(lang, cov.Points))
		return row{Cells: append(cells, cell{Text: number(lang, c.Pass), Num: true}, cell{Text: automated, Num: true},
			cell{Text: model.Percent(c.Compliance()), Num: true, Strong: true})}
	}
	counts := []model.Counts{r.Summary}
	for _, a := range r.Administrations {
		t.Rows = append(t.Rows, line(cell{Text: a.Name, Href: AdministrationFile(a)}, a.Counts, a.Coverage))
		counts = append(counts, a.Counts)
	}
	t.Foot = []row{line(cell{Text: hL(lang, "total")}, r.Summary, r.Coverage)}
	return append([]block{{Table: t}}, noShareNote(lang, counts...)...)
}

// failingSection lists every failing finding, filterable by
// administration, with its change since the previous scan; the account
// links to its profile and the rule to the finding on the
// administration's page.
func (p *page) failingSection(r *model.Report) {
	lang := r.Meta.Lang
	catalog := catalogOf(r.Rules)
	slugs := map[string]string{}
	onPage := map[*rules.Judged]string{} // the account's findings on its administration's page
	for _, a := range r.Administrations {
		slugs[a.Name] = a.Slug
		for j, key := range accountKeys(a.Accounts) {
			onPage[j] = AdministrationFile(a) + "#" + key
		}
	}
	t := &table{ID: "t-failing", Caption: hL(lang, "caption.failing"), Head: []header{
		{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.administration")},
		{Text: model.L(lang, "col.rule")}, {Text: rules.SeverityName.In(lang)}, {Text: model.L(lang, "col.message")}}}
	if r.History != nil {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.change")})
	}
	used := map[string]bool{}
	for _, j := range r.Accounts {
		acc := j.Result.Account
		for _, fd := range j.Findings {
			if fd.Status != rules.Fail {
				continue
			}
			msg := fd.Message.In(lang)
			if fd.Waiver != nil {
				msg += " " + model.WaiverLine(lang, fd.Waiver) + "."
			}
			cells := []cell{{Text: acc.Name, Href: acc.URL}, {Text: acc.Administration}, {Text: ruleTitle(lang, catalog, fd.Rule), Href: onPage[j]},
				{Text: severity(lang, catalog, fd.Rule)}, {Text: msg}}
			if r.History != nil {
				c := cell{Text: model.L(lang, "value.na")}
				if ch, ok := r.ChangeOf(j, fd.Rule); ok {
					c = cell{Text: model.ChangeLabel(lang, ch), Strong: true}
				}
				cells = append(cells, c)
			}
			t.Rows = append(t.Rows, row{Cells: cells, Account: slugs[acc.Administration]})
			used[acc.Administration] = true
		}
	}
	if len(t.Rows) == 0 {
		p.add("failing", model.L(lang, "section.failing"), block{Para: model.L(lang, "failing.none")})
		return
	}
	f := &filter{SelectLabel: hL(lang, "filter.admin"), SelectAll: hL(lang, "filter.all"), Help: hL(lang, "filter.helpAdmin"), ShownPattern: hL(lang, "filter.shown")}
	for _, a := range r.Administrations {
		if used[a.Name] {
			f.Options = append(f.Options, option{Key: a.Slug, Label: a.Name})
		}
	}
	p.add("failing", model.L(lang, "section.failing"), block{Filter: f}, block{Table: t})
}

// waivedSection lists every finding a waiver names: the waived ones and
// those whose waiver has expired. Nothing when none.
func (p *page) waivedSection(r *model.Report) {
	lang := r.Meta.Lang
	catalog := catalogOf(r.Rules)
	t := &table{ID: "t-waived", Caption: hL(lang, "section.waived"), Head: []header{
		{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.administration")}, {Text: model.L(lang, "col.rule")},
		{Text: model.L(lang, "col.status")}, {Text: model.L(lang, "col.waiver")}}}
	for _, j := range r.Accounts {
		acc := j.Result.Account
		for _, fd := range j.Findings {
			if fd.Waiver == nil {
				continue
			}
			t.Rows = append(t.Rows, row{Cells: []cell{{Text: acc.Name, Href: acc.URL}, {Text: acc.Administration},
				{Text: ruleTitle(lang, catalog, fd.Rule)}, statusCell(lang, fd.Status), {Text: model.WaiverLine(lang, fd.Waiver)}}})
		}
	}
	if len(t.Rows) > 0 {
		p.add("waived", hL(lang, "section.waived"), block{Table: t})
	}
}

// unregisteredBlocks explain the accounts discovery found outside the
// registry and list them with the pages that link to them.
func unregisteredBlocks(lang string, list []model.Unregistered) []block {
	blocks := []block{{Para: model.L(lang, "unregistered.explain")}}
	if len(list) == 0 {
		return append(blocks, block{Para: model.L(lang, "unregistered.none")})
	}
	t := &table{ID: "t-unregistered", Caption: model.L(lang, "section.unregistered"), Head: []header{
		{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.platform")}, {Text: model.L(lang, "col.foundOn")}}}
	for _, u := range list {
		t.Rows = append(t.Rows, row{Cells: []cell{{Text: u.URL, Href: u.URL}, {Text: model.PlatformName(u.Platform)}, {Links: u.FoundOn}}})
	}
	return append(blocks, block{Note: model.L(lang, "unregistered.check")}, block{Table: t})
}

// rulesTable is a short reference of the rules the scan applied.
func rulesTable(lang string, catalog []rules.Rule) block {
	t := &table{ID: "t-rules", Caption: hL(lang, "caption.rules"), Head: []header{
		{Text: model.L(lang, "col.policy")}, {Text: model.L(lang, "col.checks")}, {Text: model.L(lang, "col.ruleId")}}}
	for _, rl := range catalog {
		t.Rows = append(t.Rows, row{Cells: []cell{{Text: rl.Section.Title.In(lang)}, {Text: rl.Checks.In(lang)}, {Text: rl.ID}}})
	}
	return block{Table: t}
}

// closureBlocks explain the closure proposal and list its accounts; the
// overview also names each account's administration. With history they
// say for how many scans each account has been inactive and what its
// administration answered.
func closureBlocks(r *model.Report, list []model.Closure, withAdmin bool) []block {
	lang := r.Meta.Lang
	if len(list) == 0 {
		return []block{{Para: model.L(lang, "closure.none")}}
	}
	h := r.History
	t := &table{ID: "t-closure", Caption: hL(lang, "caption.closure"), Head: []header{{Text: model.L(lang, "col.account")}}}
	if withAdmin {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.administration")})
	}
	t.Head = append(t.Head, header{Text: model.L(lang, "col.lastOwnPost"), Num: true}, header{Text: model.L(lang, "col.daysSince"), Num: true})
	if h != nil {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.inactiveScans"), Num: true})
	}
	t.Head = append(t.Head, header{Text: model.L(lang, "col.owner")})
	if h != nil {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.answer")})
	}
	for _, c := range list {
		acc := c.Account.Result.Account
		last, days := model.L(lang, "value.none"), model.L(lang, "value.na")
		if !c.LastOwnPost.IsZero() {
			last = model.Date(c.LastOwnPost)
		}
		if c.DaysSince >= 0 {
			days = number(lang, c.DaysSince)
		}
		cells := []cell{{Text: acc.Name, Href: acc.URL}}
		if withAdmin {
			cells = append(cells, cell{Text: acc.Administration})
		}
		cells = append(cells, cell{Text: last, Num: true}, cell{Text: days, Num: true})
		key := model.AccountKey(acc)
		if h != nil {
			streak := model.L(lang, "value.na")
			if n, ok := h.InactiveScans[key]; ok {
				streak = number(lang, n)
			}
			cells = append(cells, cell{Text: streak, Num: true, Strong: h.InactiveScans[key] > 1})
		}
		cells = append(cells, cell{Text: acc.Owner})
		if h != nil {
			answer := model.L(lang, "value.na")
			if resp, ok := h.Responses[model.FindingKey{Account: key, Rule: rules.InactiveAccount}]; ok {
				answer = answerText(lang, resp)
			}
			cells = append(cells, cell{Text: answer})
		}
		t.Rows = append(t.Rows, row{Cells: cells})
	}
	return []block{{Para: fmt.Sprintf(model.L(lang, "closure.explain"), r.Meta.InactiveDays)}, {Table: t}}
}
