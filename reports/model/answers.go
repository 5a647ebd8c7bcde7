package model

import (
	"sort"

	"github.com/stockholm-stad/smaudit/rules"
)

// Answer is a stored answer with the account it is about, when the
// account is still in the registry.
type Answer struct {
	Key      FindingKey
	Response Response
	Account  *rules.Judged // nil when the account has left the registry
}

// Answers orders the stored answers as the report orders its
// accounts, then by rule order; answers about accounts no longer in the
// registry come last, by key. Every writer lists answers in this order.
func (r *Report) Answers() []Answer {
	if r.History == nil {
		return nil
	}
	order := map[string]int{}
	accounts := map[string]*rules.Judged{}
	for i, j := range r.Accounts {
		key := AccountKey(j.Result.Account)
		if _, ok := accounts[key]; !ok {
			accounts[key] = j
			order[key] = i
		}
	}
	ruleOrder := map[string]int{}
	for i, rule := range r.Rules {
		ruleOrder[rule.ID] = i
	}
	list := make([]Answer, 0, len(r.History.Responses))
	for key, resp := range r.History.Responses {
		list = append(list, Answer{Key: key, Response: resp, Account: accounts[key.Account]})
	}
	sort.Slice(list, func(i, k int) bool {
		a, b := list[i], list[k]
		if (a.Account == nil) != (b.Account == nil) {
			return a.Account != nil
		}
		if a.Account != nil && order[a.Key.Account] != order[b.Key.Account] {
			return order[a.Key.Account] < order[b.Key.Account]
		}
		if a.Key.Account != b.Key.Account {
			return a.Key.Account < b.Key.Account
		}
		ra, oka := ruleOrder[a.Key.Rule]
		rb, okb := ruleOrder[b.Key.Rule]
		if oka && okb && ra != rb {
			return ra < rb
		}
		if oka != okb {
			return oka
		}
		return a.Key.Rule < b.Key.Rule
	})
	return list
}
