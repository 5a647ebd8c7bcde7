package audit

import (
	"sort"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// DiffLine is one changed finding between two stored scans.
type DiffLine struct {
	Administration, Account, Rule string
	// Change is the change as the reports word it ("Ny", "Kvarstår sedan
	// 2026-11-20").
	Change string
	// Message is the later scan's finding message, empty when the
	// finding is gone.
	Message string
}

// DiffGroup is the changed findings of one kind.
type DiffGroup struct {
	Kind  model.ChangeKind
	Lines []DiffLine
}

// DiffGroups groups the changes h found between two scans by kind (new,
// reopened, persisting, fixed: every kind, even when empty), each sorted
// by administration and account in Swedish order (as the reports list
// them), then by rule, so the same scans always read the same.
func DiffGroups(lang string, from, to history.Scan, h *model.History) []DiffGroup {
	accounts := map[string]history.Account{}
	for _, s := range []history.Scan{from, to} {
		for _, a := range s.Accounts {
			accounts[a.Key] = a
		}
	}
	messages := map[model.FindingKey]string{}
	for _, a := range to.Accounts {
		for _, f := range a.Findings {
			messages[model.FindingKey{Account: a.Key, Rule: f.Rule}] = f.Message
		}
	}
	byKind := map[model.ChangeKind][]DiffLine{}
	for k, c := range h.Changes {
		acc := accounts[k.Account]
		byKind[c.Kind] = append(byKind[c.Kind], DiffLine{acc.Administration, acc.Name, k.Rule, model.ChangeLabel(lang, c), messages[k]})
	}
	var groups []DiffGroup
	col := model.NewCollation()
	for _, kind := range []model.ChangeKind{model.ChangeNew, model.ChangeReopened, model.ChangePersisting, model.ChangeFixed} {
		lines := byKind[kind]
		sort.Slice(lines, func(i, k int) bool {
			a, b := lines[i], lines[k]
			if c := col.CompareRows([]string{a.Administration, a.Account}, []string{b.Administration, b.Account}); c != 0 {
				return c < 0
			}
			return a.Rule < b.Rule
		})
		groups = append(groups, DiffGroup{Kind: kind, Lines: lines})
	}
	return groups
}
