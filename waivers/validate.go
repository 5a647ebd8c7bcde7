package waivers

import (
	"errors"
	"fmt"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Validate reports every waiver that names a rule not in ruleIDs or an
// account not in the registry: a waiver that matches nothing would
// silently accept nothing, which its author did not mean. Accounts are
// compared the way the reports identify them across files, so a link
// spelt with or without "www." or a trailing slash is the same account.
func Validate(ws []Waiver, ruleIDs []string, accounts []scanner.Account) error {
	knownRules := make(map[string]bool, len(ruleIDs))
	for _, id := range ruleIDs {
		knownRules[id] = true
	}
	knownAccounts := make(map[string]bool, len(accounts))
	for _, a := range accounts {
		knownAccounts[accountKey(a.URL)] = true
	}
	var errs []error
	for _, w := range ws {
		if !knownRules[w.Rule] {
			errs = append(errs, &Error{File: w.File, Line: lineOr(w.RuleLine, w.Line), Msg: fmt.Sprintf("rule %q is not a rule; rules are: %s", w.Rule, strings.Join(ruleIDs, ", "))})
		}
		if !knownAccounts[accountKey(w.Account)] {
			errs = append(errs, &Error{File: w.File, Line: lineOr(w.AccountLine, w.Line), Msg: fmt.Sprintf("account %q is not in the registry", w.Account)})
		}
	}
	return errors.Join(errs...)
}

// lineOr is line, or fallback when a waiver built in code has none.
func lineOr(line, fallback int) int {
	if line > 0 {
		return line
	}
	return fallback
}
