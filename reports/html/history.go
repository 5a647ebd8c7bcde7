package html

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// comparison says, under a summary, what changed since the previous scan
// among the given accounts, or that there is nothing to compare with
// yet. Nothing without history.
func comparison(r *model.Report, accounts []*rules.Judged) []block {
	h := r.History
	if h == nil {
		return nil
	}
	lang := r.Meta.Lang
	if h.Previous.IsZero() {
		key := "change.first"
		if r.Meta.Interrupted {
			key = "change.firstUnsaved"
		}
		return []block{{Para: hL(lang, key)}}
	}
	t := r.ChangesOf(accounts)
	return []block{{Sub: sprintf(lang, "change.compared", model.Date(h.Previous))}, {Fields: []field{
		{Label: model.L(lang, "col.new"), Value: number(lang, t.New)}, {Label: model.L(lang, "col.persisting"), Value: number(lang, t.Persisting)},
		{Label: model.L(lang, "col.fixed"), Value: number(lang, t.Fixed)}, {Label: model.L(lang, "col.reopened"), Value: number(lang, t.Reopened)}}}}
}

// changeHead are the four change tallies' columns after the row header.
func changeHead(lang, first string) []header {
	return []header{{Text: first}, {Text: model.L(lang, "col.new"), Num: true}, {Text: model.L(lang, "col.persisting"), Num: true},
		{Text: model.L(lang, "col.fixed"), Num: true}, {Text: model.L(lang, "col.reopened"), Num: true}}
}

// changeRow is one row of change tallies.
func changeRow(lang, name string, t model.ChangeCounts) row {
	return row{Cells: []cell{{Text: name}, countCell(lang, t.New), countCell(lang, t.Persisting), countCell(lang, t.Fixed), countCell(lang, t.Reopened)}}
}

// changeSection lays out the overview's change since the previous scan:
// the tallies per administration with a total, the accounts added to and
// removed from the registry, and the findings fixed since. A first scan
// has none.
func (p *page) changeSection(r *model.Report) {
	h := r.History
	if h.Previous.IsZero() {
		return // the summary already says there is nothing to compare with
	}
	lang := r.Meta.Lang
	t := &table{ID: "t-change", Caption: sprintf(lang, "change.compared", model.Date(h.Previous)), Head: changeHead(lang, model.L(lang, "col.administration"))}
	for _, a := range r.Administrations {
		t.Rows = append(t.Rows, changeRow(lang, a.Name, r.ChangesOf(a.Accounts)))
	}
	t.Foot = []row{changeRow(lang, hL(lang, "total"), r.ChangesOf(r.Accounts))}
	blocks := []block{{Table: t}}
	for i, part := range []struct {
		key  string
		refs []model.AccountRef
	}{{"change.added", h.Added}, {"change.removed", h.Removed}} {
		if len(part.refs) == 0 {
			continue
		}
		rt := &table{ID: []string{"t-added", "t-removed"}[i], Caption: hL(lang, part.key), Head: []header{
			{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.administration")}, {Text: model.L(lang, "col.url")}}}
		for _, a := range part.refs {
			rt.Rows = append(rt.Rows, row{Cells: []cell{{Text: a.Name}, {Text: a.Administration}, {Text: a.URL, Href: a.URL}}})
		}
		blocks = append(blocks, block{Table: rt})
	}
	if ft := fixedTable(r); ft != nil {
		blocks = append(blocks, block{Table: ft})
	}
	p.add("change", hL(lang, "section.change"), blocks...)
}

// fixedTable lists the findings fixed since the previous scan, which the
// failing table no longer shows; nil when none.
func fixedTable(r *model.Report) *table {
	lang := r.Meta.Lang
	catalog := catalogOf(r.Rules)
	t := &table{ID: "t-fixed", Caption: hL(lang, "change.fixedList"), Head: []header{
		{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.administration")}, {Text: model.L(lang, "col.rule")}}}
	for _, j := range r.Accounts {
		for _, fd := range j.Findings {
			if c, ok := r.ChangeOf(j, fd.Rule); !ok || c.Kind != model.ChangeFixed {
				continue
			}
			acc := j.Result.Account
			t.Rows = append(t.Rows, row{Cells: []cell{{Text: acc.Name, Href: acc.URL}, {Text: acc.Administration}, {Text: ruleTitle(lang, catalog, fd.Rule)}}})
		}
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return t
}

// trendSection lays out each administration's compliance in the last
// scans as a table, each row with a small line of it: the PDF's charts
// in a form every reader gets.
func (p *page) trendSection(r *model.Report) {
	lang := r.Meta.Lang
	tt := r.History.TrendTable()
	if len(tt.Dates) == 0 {
		return
	}
	t := &table{ID: "t-trend", Caption: hL(lang, "caption.trend"), Head: []header{{Text: model.L(lang, "col.administration")}}}
	for _, d := range tt.Dates {
		t.Head = append(t.Head, header{Text: model.Date(d), Num: true})
	}
	t.Head = append(t.Head, header{Text: hL(lang, "col.trend")})
	line := func(name string, shares []float64) row {
		cells := []cell{{Text: name}}
		for _, v := range shares {
			cells = append(cells, cell{Text: model.Percent(v), Num: true})
		}
		return row{Cells: append(cells, cell{Spark: sparkOf(lang, shares)})}
	}
	for _, tr := range tt.Rows {
		t.Rows = append(t.Rows, line(tr.Administration, tr.Shares))
	}
	t.Foot = []row{line(hL(lang, "total"), tt.Total)}
	p.add("trend", hL(lang, "section.trend"), block{Para: hL(lang, "trend.explain")}, block{Table: t})
}

// answersSections lay out the administrations' answers and, apart, the
// waiver requests the communications unit must decide.
func (p *page) answersSections(r *model.Report) {
	lang := r.Meta.Lang
	catalog := catalogOf(r.Rules)
	head := func(cols ...string) []header {
		hs := []header{{Text: model.L(lang, "col.account")}, {Text: model.L(lang, "col.administration")}, {Text: model.L(lang, "col.rule")}}
		for _, c := range cols {
			hs = append(hs, header{Text: hL(lang, c)})
		}
		return hs
	}
	all := &table{ID: "t-answers", Caption: hL(lang, "section.responses"), Head: head("col.answer", "col.comment", "col.now")}
	req := &table{ID: "t-requests", Caption: hL(lang, "section.waiverRequests"), Head: head("col.comment", "col.now")}
	for _, a := range r.Answers() {
		admin, name, href := model.L(lang, "value.na"), a.Key.Account, ""
		if a.Account != nil {
			acc := a.Account.Result.Account
			admin, name, href = acc.Administration, acc.Name, acc.URL
		}
		rule := ruleTitle(lang, catalog, a.Key.Rule)
		now := answerNow(r, lang, a)
		all.Rows = append(all.Rows, row{Cells: []cell{{Text: name, Href: href}, {Text: admin}, {Text: rule},
			{Text: model.ResponseAnswer(lang, a.Response.Answer), Strong: true}, {Text: a.Response.Comment}, now}})
		if a.Response.Answer == waiverRequest {
			req.Rows = append(req.Rows, row{Cells: []cell{{Text: name, Href: href}, {Text: admin}, {Text: rule}, {Text: a.Response.Comment}, now}})
		}
	}
	if len(all.Rows) == 0 {
		p.add("answers", hL(lang, "section.responses"), block{Para: hL(lang, "responses.none")})
	} else {
		p.add("answers", hL(lang, "section.responses"), block{Para: hL(lang, "responses.explain")}, block{Table: all})
	}
	if len(req.Rows) == 0 {
		p.add("requests", hL(lang, "section.waiverRequests"), block{Para: hL(lang, "waiverRequests.none")})
		return
	}
	p.add("requests", hL(lang, "section.waiverRequests"), block{Para: hL(lang, "waiverRequests.explain")}, block{Table: req})
}

// waiverRequest is the answer that asks for a waiver, as stored.
const waiverRequest = "Begär undantag"

// answerNow says where an answered finding stands in this scan: its
// change (fixed, persisting since) or else its status.
func answerNow(r *model.Report, lang string, a model.Answer) cell {
	if c, ok := r.History.Changes[a.Key]; ok {
		return cell{Text: model.ChangeLabel(lang, c), Strong: true}
	}
	if a.Account != nil {
		for _, fd := range a.Account.Findings {
			if fd.Rule == a.Key.Rule {
				return statusCell(lang, fd.Status)
			}
		}
	}
	return cell{Text: model.L(lang, "value.na")}
}

// registryChanges lists the accounts of one administration added to or
// removed from the registry since the previous scan.
func registryChanges(r *model.Report, admin string) []block {
	if r.History == nil {
		return nil
	}
	lang := r.Meta.Lang
	var blocks []block
	for _, part := range []struct {
		key  string
		refs []model.AccountRef
	}{{"change.added", r.History.Added}, {"change.removed", r.History.Removed}} {
		var items []field
		for _, a := range part.refs {
			if a.Administration == admin {
				items = append(items, field{Value: a.Name, Href: a.URL})
			}
		}
		if len(items) > 0 {
			blocks = append(blocks, block{Sub: hL(lang, part.key)}, block{Bullets: items})
		}
	}
	return blocks
}
