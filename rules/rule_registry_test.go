package rules

import (
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestRegistryComplete(t *testing.T) {
	missing := func(change func(*scanner.Account)) scanner.Result {
		r := scanner.Result{Account: account(), Status: scanner.FetchOK}
		change(&r.Account)
		return r
	}
	failed := missing(func(*scanner.Account) {})
	failed.Status, failed.Err = scanner.FetchFailed, &scanner.FetchError{Kind: scanner.ErrTimeout}
	unsupported := missing(func(a *scanner.Account) { a.Owner = "" })
	unsupported.Status = scanner.FetchUnsupported
	runSamples(t, RegistryComplete, []sample{
		{name: "complete", res: missing(func(*scanner.Account) {}), want: Pass, evident: "konton.xlsx:7"},
		{name: "one missing", res: missing(func(a *scanner.Account) { a.Audience = "" }), want: Fail, msg: "saknar Målgrupp för", msgEN: "audience (Målgrupp)", exact: "Målgrupp"},
		{name: "blank counts as missing", res: missing(func(a *scanner.Account) { a.Goals, a.Owner = " \t", "" }), want: Fail, msg: "saknar Mål och Ansvarig", exact: "Mål, Ansvarig"},
		{name: "all missing", res: missing(func(a *scanner.Account) { a.Purpose, a.Goals, a.Audience, a.Owner = "", "", "", "" }), want: Fail, msg: "Syfte, Mål, Målgrupp och Ansvarig"},
		{name: "judged when the fetch failed", res: failed, want: Pass},
		{name: "judged when the platform is unsupported", res: unsupported, want: Fail, msg: "Ansvarig"},
	})
}
