package html

import (
	"fmt"
	"io"
	"strconv"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// WriteAdministration writes one administration's page: what its PDF
// shows (a summary, its accounts worst first, every finding with its
// evidence, remedy and policy text, the manual checklist, the accounts
// proposed for closure with the text to post, the notes), failures first
// and passed checks collapsed, with a filter by status and account. It
// names no other administration's accounts.
func WriteAdministration(w io.Writer, r *model.Report, a *model.Administration) error {
	if err := render(w, adminPage(r, a)); err != nil {
		return errorf(fmt.Sprintf("page of %q", a.Name), err)
	}
	return nil
}

// adminPage lays out an administration's page.
func adminPage(r *model.Report, a *model.Administration) *page {
	lang := r.Meta.Lang
	p := newPage(r, model.L(lang, "admin.title"), a.Name, a.Counts)
	p.Home = OverviewFile
	summary := append(summaryLead(lang, a.Granskning), summaryBlocks(lang, a.Counts, a.Coverage)...)
	summary = append(summary, comparison(r, a.Accounts)...)
	p.add("summary", model.L(lang, "section.summary"), append(summary, registryChanges(r, a.Name)...)...)
	p.granskningSections(a.Granskning)
	// Accounts not reached have no findings: one compact list, after the
	// accounts that have some.
	checked := model.Reached(a.Worst)
	keys := accountKeys(a.Accounts)
	p.add("accounts", model.L(lang, "section.accounts"), block{Table: accountTable(r, checked, keys)})
	// The accounts not reached have a list of their own below.
	if unread := readFailures(a.Unread); len(unread) > 0 {
		p.add("unread", hL(lang, "section.unread"), unreadBlocks(lang, unread, false)...)
	}
	if len(a.NotReached) > 0 {
		p.add("not-reached", model.L(lang, "section.notReached"), block{Para: model.L(lang, "notReached.explain")}, block{Table: notReachedTable(lang, a.NotReached)})
	}
	p.findingsSection(r, checked, keys)
	p.add("checklist", model.L(lang, "section.checklist"), checklistBlocks(lang, a.Checklist, keys)...)
	closure := closureBlocks(r, a.Closure, false)
	if len(a.Closure) > 0 {
		closure = append(closure, block{Para: model.L(lang, "closure.howTo")}, block{Notices: notices(lang, a)})
	}
	p.add("closure", model.L(lang, "section.closure"), closure...)
	p.notesSection(a.Notes)
	return p
}

// accountKeys gives each account an anchor and filter key, "konto-N" in
// the administration's order, so links and filters never depend on
// scraped names.
func accountKeys(accounts []*rules.Judged) map[*rules.Judged]string {
	keys := make(map[*rules.Judged]string, len(accounts))
	for i, j := range accounts {
		keys[j] = "konto-" + strconv.Itoa(i+1)
	}
	return keys
}

// accountTable lists accounts worst first with who checked them and
// their tallies; each name leads to the account's findings.
func accountTable(r *model.Report, accounts []*rules.Judged, keys map[*rules.Judged]string) *table {
	lang := r.Meta.Lang
	t := &table{ID: "t-accounts", Caption: hL(lang, "caption.accounts"), Head: []header{
		{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.platform")}, {Text: model.L(lang, "col.checkedBy")},
		{Text: model.L(lang, "col.fail"), Num: true}, {Text: model.L(lang, "col.error"), Num: true},
		{Text: model.L(lang, "col.manual"), Num: true}, {Text: model.L(lang, "col.lastOwnPost"), Num: true}}}
	for _, j := range accounts {
		c := r.Tally(j)
		t.Rows = append(t.Rows, row{Cells: []cell{{Text: j.Result.Account.Name, Href: "#" + keys[j]}, {Text: j.Result.Account.PlatformName},
			{Text: model.CheckedText(lang, &j.Result)}, countCell(lang, c.Fail), countCell(lang, c.Error), countCell(lang, c.Manual), {Text: lastPost(lang, j), Num: true}}})
	}
	return t
}

// notReachedTable lists the accounts an interrupted scan never checked.
func notReachedTable(lang string, accounts []*rules.Judged) *table {
	t := &table{ID: "t-not-reached", Caption: hL(lang, "caption.notReached"), Head: []header{
		{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.platform")}, {Text: model.L(lang, "col.url")}}}
	for _, j := range accounts {
		acc := j.Result.Account
		t.Rows = append(t.Rows, row{Cells: []cell{{Text: acc.Name}, {Text: acc.PlatformName}, {Text: acc.URL, Href: acc.URL}}})
	}
	return t
}

// lastPost is an account's newest own post date, or "–" when its posts
// were not read.
func lastPost(lang string, j *rules.Judged) string {
	if j.Result.Status != scanner.FetchOK || j.Result.Fetched.PostsHidden != "" {
		return model.L(lang, "value.na")
	}
	if j.LastOwnPost.IsZero() {
		return model.L(lang, "value.none")
	}
	return model.Date(j.LastOwnPost)
}

// notices are the ready Swedish texts to post on the accounts proposed
// for closure.
func notices(lang string, a *model.Administration) []notice {
	var out []notice
	for _, c := range a.Closure {
		acc := c.Account.Result.Account
		out = append(out, notice{Account: acc.Name, Label: model.L(lang, "closure.notice"), Text: model.ClosureNotice(acc.Name, a.Name, acc.Website)})
	}
	return out
}

// checklistBlocks lay out what a person must check by hand, account by
// account: where the account is, why a person must look when all its
// points share the reason, and its questions with where to look.
func checklistBlocks(lang string, items []model.ChecklistItem, keys map[*rules.Judged]string) []block {
	if len(items) == 0 {
		return []block{{Para: model.L(lang, "checklist.none")}}
	}
	var groups []checkAccount
	for start := 0; start < len(items); {
		end := start + 1
		for end < len(items) && items[end].Account == items[start].Account {
			end++
		}
		part := items[start:end]
		j := part[0].Account
		acc := j.Result.Account
		g := checkAccount{Key: keys[j], Name: acc.Name, Facts: []field{
			{Label: model.L(lang, "col.platform"), Value: acc.PlatformName}, {Label: model.L(lang, "col.url"), Href: acc.URL}}}
		if acc.Owner != "" {
			// The questions reach the person who can answer them.
			g.Facts = append(g.Facts, field{Label: model.L(lang, "col.owner"), Value: acc.Owner})
		}
		why := ""
		switch {
		case j.Result.Status == scanner.FetchUnsupported:
			why = model.UnsupportedLabel(lang, j.Result.Unsupported)
		case sameMessage(lang, part):
			why = part[0].Finding.Message.In(lang)
		}
		if why != "" {
			g.Facts = append(g.Facts, field{Label: model.L(lang, "col.why"), Value: why})
		}
		for _, it := range part {
			q := question{Text: it.Question.In(lang), Where: model.L(lang, "col.where") + ": " + it.Where.In(lang)}
			if why == "" {
				q.Why = model.L(lang, "col.why") + ": " + it.Finding.Message.In(lang)
			}
			g.Questions = append(g.Questions, q)
		}
		groups = append(groups, g)
		start = end
	}
	return []block{{Para: hL(lang, "checklist.explain")}, {Checks: groups}}
}

// sameMessage reports whether every item gives the same reason.
func sameMessage(lang string, items []model.ChecklistItem) bool {
	for _, it := range items[1:] {
		if it.Finding.Message.In(lang) != items[0].Finding.Message.In(lang) {
			return false
		}
	}
	return true
}
