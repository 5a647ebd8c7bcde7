package rules

import (
	"github.com/stockholm-stad/smaudit/scanner"
)

const accountExistsID = "account-exists"

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
		}, Evidence: []Evidence{{Label: Text{SV: "Konto", EN: "Account"}, Value: res.Account.URL, URL: sourceURL(res)}}}
	case scanner.FetchUnsupported:
		return unsupported(res)
	}
	if res.Err != nil && res.Err.Kind == scanner.ErrNotFound {
		detail := res.Err.Detail
		if detail == "" {
			detail = res.Err.Error()
		}
		return Finding{Status: Fail, Message: Text{
			SV: "Registret listar ett konto som inte finns: plattformen svarar att kontot saknas, är raderat eller avstängt.",
			EN: "The registry lists an account that does not exist: the platform answers that it is missing, deleted or suspended.",
		}, Evidence: []Evidence{{Label: Text{SV: "Plattformens svar", EN: "The platform's answer"}, Value: detail, URL: res.Err.URL}}}
	}
	return fetchFailed(res)
}
