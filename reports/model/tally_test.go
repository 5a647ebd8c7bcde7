package model

import (
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestTallyAndWorstOrder checks the per-account counts every writer shows
// and the worst-first order Build derives from them.
func TestTallyAndWorstOrder(t *testing.T) {
	judged := func(name string, st ...rules.Status) rules.Judged {
		j := rules.Judged{Result: scanner.Result{Account: scanner.Account{Administration: "A", Name: name, URL: "https://social.example/@" + name}, Status: scanner.FetchOK}}
		for _, s := range st {
			j.Findings = append(j.Findings, rules.Finding{Rule: "r", Status: s})
		}
		return j
	}
	r := Build([]rules.Judged{
		judged("ett", rules.Pass, rules.Manual),
		judged("två", rules.Fail, rules.Error, rules.Pass),
		judged("tre", rules.Error, rules.Error),
	}, nil, Meta{}, Inputs{})
	var order []string
	for _, j := range r.Administrations[0].Worst {
		order = append(order, j.Result.Account.Name)
	}
	if got := order; len(got) != 3 || got[0] != "två" || got[1] != "tre" || got[2] != "ett" {
		t.Errorf("worst first %v, want [två tre ett]", got)
	}
	c := r.Tally(r.Administrations[0].Worst[0])
	if c.Fail != 1 || c.Error != 1 || c.Pass != 1 || c.Manual != 0 || c.Accounts != 1 || c.AccountsFailing != 1 {
		t.Errorf("tally of två %+v, want one pass, fail and error", c)
	}
	other := judged("fyra", rules.Manual, rules.Manual)
	if c := r.Tally(&other); c.Manual != 2 || c.Accounts != 1 {
		t.Errorf("tally of an account Build did not see %+v, want two manual", c)
	}
}
