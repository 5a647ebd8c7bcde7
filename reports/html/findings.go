package html

import (
	"fmt"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// filterStatuses are the statuses a findings filter offers, in the order
// a reader acts on them.
var filterStatuses = []rules.Status{rules.Fail, rules.Error, rules.Manual, rules.Waived, rules.Pass}

// findingsSection lays out every checked account's findings under a
// filter by status and account.
func (p *page) findingsSection(r *model.Report, accounts []*rules.Judged, keys map[*rules.Judged]string) {
	lang := r.Meta.Lang
	catalog := catalogOf(r.Rules)
	f := &filter{Legend: hL(lang, "filter.legend"), SelectLabel: hL(lang, "filter.account"), SelectAll: hL(lang, "filter.all"),
		Help: hL(lang, "filter.help"), ShownPattern: hL(lang, "filter.shown")}
	present := map[rules.Status]bool{}
	var list []account
	for _, j := range accounts {
		acc := accountView(r, j, keys[j], catalog)
		list = append(list, acc)
		f.Options = append(f.Options, option{Key: acc.Key, Label: acc.Name})
		for _, fd := range j.Findings {
			present[fd.Status] = true
		}
	}
	for _, s := range filterStatuses {
		if present[s] {
			f.Statuses = append(f.Statuses, tile{Status: s, Label: model.StatusLabel(lang, s)})
		}
	}
	if len(list) == 0 {
		p.add("findings", model.L(lang, "section.findings"))
		return
	}
	p.add("findings", model.L(lang, "section.findings"), block{Filter: f}, block{Accounts: list})
}

// accountView is one account's part: who and where it is, how the fetch
// went, the findings to act on in the model's order, and the passed ones
// collapsed under a count.
func accountView(r *model.Report, j *rules.Judged, key string, catalog map[string]rules.Rule) account {
	lang := r.Meta.Lang
	acc := j.Result.Account
	a := account{Key: key, Name: acc.Name, Facts: []field{
		{Label: model.L(lang, "col.url"), Href: acc.URL},
		{Label: model.L(lang, "col.platform"), Value: acc.PlatformName}}}
	if acc.Owner != "" {
		a.Facts = append(a.Facts, field{Label: model.L(lang, "col.owner"), Value: acc.Owner})
	}
	a.Facts = append(a.Facts, field{Label: model.L(lang, "col.fetch"), Value: model.FetchText(lang, &j.Result)})
	if j.Result.Status == scanner.FetchFailed {
		a.Facts = append(a.Facts, field{Label: model.L(lang, "col.fetchError"), Value: model.ReadFailure(lang, &j.Result)})
	}
	if j.Result.Status == scanner.FetchOK {
		a.Facts = append(a.Facts, field{Label: model.L(lang, "col.lastOwnPost"), Value: lastPost(lang, j)})
	}
	findings := j.Findings
	if j.Result.Status != scanner.FetchOK {
		a.Unjudged, findings = unjudgedView(lang, findings, catalog)
	}
	for _, fd := range findings {
		v := findingView(r, j, fd, catalog)
		if fd.Status == rules.Pass {
			a.Passed = append(a.Passed, v)
		} else {
			a.Open = append(a.Open, v)
		}
	}
	if len(a.Passed) > 0 {
		a.PassedOf = sprintf(lang, "passed.summary", len(a.Passed), len(j.Findings))
	}
	return a
}

// unjudgedView gathers, once, the findings a failed or unsupported fetch
// left open (they share one message), so an unreadable account does not
// repeat the same sentence; it returns the other findings.
func unjudgedView(lang string, findings []rules.Finding, catalog map[string]rules.Rule) (*unjudged, []rules.Finding) {
	var open, judged []rules.Finding
	for _, fd := range findings {
		if fd.Status == rules.Error || fd.Status == rules.Manual {
			open = append(open, fd)
		} else {
			judged = append(judged, fd)
		}
	}
	if len(open) == 0 {
		return nil, judged
	}
	u := &unjudged{Status: open[0].Status, Label: model.StatusLabel(lang, open[0].Status),
		Lead: hL(lang, "unjudged."+string(open[0].Status)), Message: open[0].Message.In(lang)}
	for _, fd := range open {
		item := fd.Rule
		if rl, ok := catalog[fd.Rule]; ok {
			item = rl.Checks.In(lang) + " (" + rl.Section.Title.In(lang) + ")"
		}
		u.Items = append(u.Items, item)
	}
	return u, judged
}

// findingView is one verdict: its status and, with history, its change;
// the rule's title, the message, its waiver and the administration's
// previous answer, the evidence with its links, the remedy for a failure,
// and the policy text.
func findingView(r *model.Report, j *rules.Judged, fd rules.Finding, catalog map[string]rules.Rule) finding {
	lang := r.Meta.Lang
	rl, known := catalog[fd.Rule]
	v := finding{Status: fd.Status, Label: model.StatusLabel(lang, fd.Status), Title: fd.Rule, Message: fd.Message.In(lang),
		EvidenceH: model.L(lang, "col.evidence")}
	if known {
		switch fd.Status {
		case rules.Pass:
			v.Title = rl.PassTitle.In(lang)
		case rules.Manual, rules.Error:
			v.Title = rl.Checks.In(lang)
		default:
			v.Title = rl.FailTitle.In(lang)
		}
	}
	if known && fd.Status != rules.Pass {
		v.Severity = rules.SeverityName.In(lang) + ": " + rl.Severity.Label().In(lang)
	}
	if c, ok := r.ChangeOf(j, fd.Rule); ok {
		v.Change = model.ChangeLabel(lang, c)
	}
	if fd.Waiver != nil {
		v.Notes = append(v.Notes, model.WaiverLine(lang, fd.Waiver)+".")
	}
	if h := r.History; h != nil {
		if resp, ok := h.Responses[model.FindingKey{Account: model.AccountKey(j.Result.Account), Rule: fd.Rule}]; ok {
			v.Notes = append(v.Notes, fmt.Sprintf(hL(lang, "response.yours"), model.Date(resp.AsOf), answerText(lang, resp)))
		}
	}
	for _, e := range fd.Evidence {
		ev := field{Label: e.Label.In(lang), Value: e.ValueIn(lang), Href: e.URL}
		if ev.Value == e.URL {
			ev.Value = ""
		}
		v.Evidence = append(v.Evidence, ev)
	}
	if fix := rl.FixFor(j.Result.Account).In(lang); fd.Status == rules.Fail && known && fix != "" {
		// The fix names the account's own administration, platform and
		// purpose, not a placeholder.
		v.FixH, v.Fix = model.L(lang, "col.fix"), fix
	}
	if known {
		v.PolicyH = model.L(lang, "col.policy") + ": " + rl.Section.Title.In(lang)
		v.Quote = quote(lang, rl.Section.Quote.In(lang))
	} else if fd.PolicyRef != "" {
		v.PolicyH = model.L(lang, "col.policy") + ": " + fd.PolicyRef
	}
	return v
}
