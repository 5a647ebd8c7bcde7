package model

import "github.com/stockholm-stad/smaudit/rules"

// RuleTally is one rule's verdicts over every account in the city: how
// many fail it, as a basis for training and guidance where many do.
type RuleTally struct {
	Rule                              rules.Rule
	Fail, Pass, Manual, Error, Waived int // accounts by the rule's verdict
}

// Accounts is how many accounts the rule was judged on.
func (t RuleTally) Accounts() int { return t.Fail + t.Pass + t.Manual + t.Error + t.Waived }

// ruleTallies counts each catalog rule's verdicts over accounts, in
// catalog order. A finding of a rule the catalog lacks is not counted:
// there is no rule to name it by.
func ruleTallies(accounts []*rules.Judged, catalog []rules.Rule) []RuleTally {
	out := make([]RuleTally, len(catalog))
	at := make(map[string]int, len(catalog))
	for i, rl := range catalog {
		out[i].Rule = rl
		if _, dup := at[rl.ID]; !dup {
			at[rl.ID] = i
		}
	}
	for _, j := range accounts {
		for _, f := range j.Findings {
			i, ok := at[f.Rule]
			if !ok {
				continue
			}
			switch f.Status {
			case rules.Fail:
				out[i].Fail++
			case rules.Pass:
				out[i].Pass++
			case rules.Manual:
				out[i].Manual++
			case rules.Error:
				out[i].Error++
			case rules.Waived:
				out[i].Waived++
			}
		}
	}
	return out
}
