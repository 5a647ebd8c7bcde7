package html

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// unreadBlocks name every account that could not be read or was not
// reached, with the reason and for how many scans in a row; an
// administration's page also gives each a next step.
func unreadBlocks(lang string, list []model.Unread, withAdmin bool) []block {
	if len(list) == 0 {
		return []block{{Para: hL(lang, "unread.none")}}
	}
	t := &table{ID: "t-unread", Caption: hL(lang, "caption.unread"), Head: []header{{Text: model.L(lang, "col.account")}}}
	if withAdmin {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.administration")})
	}
	t.Head = append(t.Head, header{Text: model.L(lang, "col.platform")}, header{Text: model.L(lang, "col.fetchError")},
		header{Text: hL(lang, "col.streak"), Num: true})
	if !withAdmin {
		t.Head = append(t.Head, header{Text: hL(lang, "col.nextStep")})
	}
	for _, u := range list {
		acc := u.Account.Result.Account
		cells := []cell{{Text: acc.Name, Href: acc.URL}}
		if withAdmin {
			cells = append(cells, cell{Text: acc.Administration})
		}
		cells = append(cells, cell{Text: acc.PlatformName}, cell{Text: u.Reason.In(lang)}, cell{Text: number(lang, u.Streak), Num: true, Strong: u.Streak > 1})
		if !withAdmin {
			cells = append(cells, cell{Text: u.NextStep.In(lang)})
		}
		t.Rows = append(t.Rows, row{Cells: cells})
	}
	return []block{{Para: hL(lang, "unread.explain")}, {Table: t}}
}

// ruleTallyBlocks count, per rule, the accounts across the city by
// verdict, heaviest rules as the catalogue lists them.
func ruleTallyBlocks(r *model.Report) []block {
	lang := r.Meta.Lang
	t := &table{ID: "t-rule-tallies", Caption: hL(lang, "caption.ruleTallies"), Head: []header{
		{Text: model.L(lang, "col.rule")}, {Text: rules.SeverityName.In(lang)},
		{Text: model.L(lang, "col.fail"), Num: true}, {Text: model.L(lang, "col.error"), Num: true},
		{Text: model.L(lang, "col.manual"), Num: true}}}
	waived := false
	for _, rt := range r.RuleTallies {
		waived = waived || rt.Waived > 0
	}
	if waived {
		t.Head = append(t.Head, header{Text: model.L(lang, "col.waived"), Num: true})
	}
	t.Head = append(t.Head, header{Text: model.L(lang, "col.pass"), Num: true}, header{Text: model.L(lang, "col.accounts"), Num: true})
	for _, rt := range r.RuleTallies {
		cells := []cell{{Text: rt.Rule.Checks.In(lang)}, {Text: rt.Rule.Severity.Label().In(lang)},
			countCell(lang, rt.Fail), countCell(lang, rt.Error), countCell(lang, rt.Manual)}
		if waived {
			cells = append(cells, countCell(lang, rt.Waived))
		}
		cells = append(cells, cell{Text: number(lang, rt.Pass), Num: true}, cell{Text: number(lang, rt.Accounts()), Num: true})
		t.Rows = append(t.Rows, row{Cells: cells})
	}
	return []block{{Para: hL(lang, "ruleTallies.explain")}, {Table: t}}
}

// readFailures leaves out the accounts an interrupted scan did not
// reach, for a page that lists those on their own.
func readFailures(list []model.Unread) []model.Unread {
	var out []model.Unread
	for _, u := range list {
		if !model.IsNotReached(u.Account) {
			out = append(out, u)
		}
	}
	return out
}
