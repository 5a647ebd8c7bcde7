package rules

import (
	"github.com/stockholm-stad/smaudit/scanner"
)

// AccountExists is the ID of the rule that the registry's account exists on
// its platform. Like every rule ID it is stable forever: results.json, the
// history and waivers name rules by it.
const AccountExists = "account-exists"

// accountExistsRule is the AccountExists rule; it has no thresholds.
func accountExistsRule(Config) Rule {
	return Rule{
		ID:      AccountExists,
		Section: reqReportLink,
		Checks: Text{
			SV: "Att kontot i registret finns på plattformen, det vill säga inte är raderat, avstängt eller felstavat.",
			EN: "That the account in the registry exists on the platform, that is, is not deleted, suspended or misspelt.",
		},
		PassTitle: Text{SV: "Kontot finns", EN: "The account exists"},
		FailTitle: Text{SV: "Registret listar ett konto som inte finns", EN: "The registry lists an account that does not exist"},
		Question: Text{
			SV: "Finns kontot på länken i kontoförteckningen, och är det öppet (inte raderat eller avstängt)?",
			EN: "Does the account exist at the link in the registry, and is it open (not deleted or suspended)?",
		},
		// Severity high: a registered account that does not exist leaves the city's name open to
		// anyone who takes it, and readers sent there find nothing.
		Severity: SeverityHigh,
		Fix: Text{
			SV: "Kontrollera länken i kontoförteckningen. Om kontot är avslutat: ta bort det ur förteckningen och rapportera det som avslutat. Om länken är fel: rätta den.",
			EN: "Check the link in the registry. If the account has been closed, remove it from the registry and report it as closed. If the link is wrong, correct it.",
		},
		fix:        fixExists,
		Thresholds: Text{SV: "Plattformen svarar att kontot finns.", EN: "The platform answers that the account exists."},
		check:      checkExists,
		Samples:    existsSamples,
	}
}

// checkExists fails an account the platform says does not exist (deleted,
// suspended, unknown): the registry lists something that is not there. It
// judges the fetch itself, so it runs whatever the fetch's outcome.
func checkExists(in Input) Finding {
	res := in.Result
	switch res.Status {
	case scanner.FetchOK:
		return Finding{Status: Pass, Message: Text{
			SV: "Kontot finns på plattformen.",
			EN: "The account exists on the platform.",
		}, Evidence: []Evidence{accountEvidence(res)}}
	case scanner.FetchUnsupported:
		return unsupported(res)
	}
	if res.Err != nil && res.Err.Kind == scanner.ErrNotFound {
		page := ""
		if isWebURL(res.Account.URL) {
			page = res.Account.URL
		}
		ev := errorEvidence(res.Err, page)
		ev.Label = Text{SV: "Plattformens svar", EN: "The platform's answer"}
		return Finding{Status: Fail, Message: Text{
			SV: "Registret listar ett konto som inte finns: plattformen svarar att kontot saknas, är raderat eller avstängt.",
			EN: "The registry lists an account that does not exist: the platform answers that it is missing, deleted or suspended.",
		}, Evidence: []Evidence{ev}}
	}
	return fetchFailed(res)
}

// existsSamples: the demo's Kulturförvaltningen read in full, and its
// Kulturnatt Stockholm, whose lookup answers Mastodon's 404
// {"error":"Record not found"}.
var existsSamples = []Sample{
	{Name: "Kulturförvaltningen: the lookup answers the account", Result: demoFetched(demoProfile()), Want: Pass},
	{Name: "Kulturnatt Stockholm: the lookup answers 404 Record not found", Result: kulturnatt(), Want: Fail},
}

// kulturnatt is the demo's row 4, an account deleted from its instance.
func kulturnatt() scanner.Result {
	acc := demoAccount()
	acc.Row, acc.Name, acc.URL = 4, "Kulturnatt Stockholm", "https://mastodon.demo.example/@kulturnatt"
	lookup := "https://mastodon.demo.example/api/v1/accounts/lookup?acct=kulturnatt"
	return scanner.Result{Account: acc, Status: scanner.FetchFailed, Err: &scanner.FetchError{
		Kind: scanner.ErrNotFound, URL: lookup, StatusCode: 404, Detail: "Record not found",
	}}
}

// accountEvidence shows the account as a person opens it, with the
// address it was read from as the Source.
func accountEvidence(res *scanner.Result) Evidence {
	page, source := profilePage(res)
	return Evidence{Label: Text{SV: "Konto", EN: "Account"}, Value: page, URL: page, Source: source}
}

// fixExists names the registry row and the link to check.
func fixExists(acc scanner.Account) Text {
	row, name := registryRow(acc), accountName(acc)
	return Text{
		SV: "Kontrollera länken till " + name + " på " + row.SV + ". Om kontot är avslutat: ta bort det ur förteckningen och rapportera det som avslutat. Om länken är fel: rätta den.",
		EN: "Check the link to " + name + " on " + row.EN + ". If the account has been closed, remove it from the registry and report it as closed. If the link is wrong, correct it.",
	}
}
