package model

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// ChecklistItem is one question a person must answer by hand: a manual
// finding of one account, with the policy's question and where on the
// platform to look.
type ChecklistItem struct {
	Account  *rules.Judged
	Rule     rules.Rule // the catalog's rule; only ID is set for a rule the catalog lacks
	Finding  rules.Finding
	Question rules.Text // the rule's question, or what it checks when it has none
	Where    rules.Text // where on the account's platform to look
}

// checklist lists the manual findings of accounts, in account order and
// then in catalog order; findings of rules the catalog lacks come last in
// their own order.
func checklist(accounts []*rules.Judged, catalog []rules.Rule) []ChecklistItem {
	order := make(map[string]int, len(catalog))
	for i, rl := range catalog {
		if _, seen := order[rl.ID]; !seen {
			order[rl.ID] = i
		}
	}
	var items []ChecklistItem
	for _, j := range accounts {
		var known, unknown []ChecklistItem
		for _, f := range j.Findings {
			if f.Status != rules.Manual {
				continue
			}
			item := ChecklistItem{Account: j, Rule: rules.Rule{ID: f.Rule}, Finding: f,
				Where: rules.WhereToLook(j.Result.Account.Platform, f.Rule)}
			i, ok := order[f.Rule]
			if ok {
				item.Rule = catalog[i]
			}
			item.Question = checklistQuestion(item.Rule, f)
			if ok {
				known = append(known, item)
			} else {
				unknown = append(unknown, item)
			}
		}
		sort.SliceStable(known, func(a, b int) bool { return order[known[a].Rule.ID] < order[known[b].Rule.ID] })
		items = append(append(items, known...), unknown...)
	}
	return items
}

// checklistQuestion is what a person must answer for a finding: the
// rule's question in the policy's words, else what the rule checks, else
// the finding's own message.
func checklistQuestion(rl rules.Rule, f rules.Finding) rules.Text {
	switch {
	case rl.Question.SV != "":
		return rl.Question
	case rl.Checks.SV != "":
		return rl.Checks
	}
	return f.Message
}

// UnsupportedLabel says in lang why an account is not checked
// automatically; an unknown or empty reason reads as the platform not
// being checked automatically.
func UnsupportedLabel(lang string, r scanner.UnsupportedReason) string {
	if t, ok := labels["unsupported."+string(r)]; ok {
		return t.In(lang)
	}
	return L(lang, "unsupported."+string(scanner.NoAdapter))
}

// CheckedLabel says in lang who checked an account: automatically when it
// was fetched, a person when its platform is not fetched, and nobody when
// the fetch failed.
func CheckedLabel(lang string, s scanner.FetchStatus) string {
	switch s {
	case scanner.FetchOK:
		return L(lang, "checked.auto")
	case scanner.FetchUnsupported:
		return L(lang, "checked.manual")
	case scanner.FetchNotReached:
		return L(lang, "checked.notReached")
	}
	return L(lang, "checked.none")
}

// FetchText is an account's fetch outcome in words; for an unsupported
// account it says why it is not fetched.
func FetchText(lang string, res *scanner.Result) string {
	if res.Status == scanner.FetchUnsupported {
		return UnsupportedLabel(lang, res.Unsupported)
	}
	return FetchLabel(lang, res.Status)
}

// CheckedText says who checked an account and, when a person must, why:
// "Manuell: kräver Meta-token (Graph API)".
func CheckedText(lang string, res *scanner.Result) string {
	s := CheckedLabel(lang, res.Status)
	if res.Status != scanner.FetchUnsupported {
		return s
	}
	why := UnsupportedLabel(lang, res.Unsupported)
	r, n := utf8.DecodeRuneInString(why)
	return s + ": " + string(unicode.ToLower(r)) + why[n:]
}
