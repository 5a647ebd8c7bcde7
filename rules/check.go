package rules

import (
	"fmt"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Check judges one account. A rule that needs fetched data answers Error
// when the account could not be read and Manual when the platform is not
// checked automatically; otherwise the rule's own check decides. The
// finding always names the rule and its policy section.
func (r Rule) Check(in Input) Finding {
	var f Finding
	switch {
	case in.Result == nil:
		f = Finding{Status: Error, Message: Text{
			SV: "Det finns inget skanningsresultat för kontot.",
			EN: "There is no scan result for the account.",
		}}
	case r.NeedsFetch && in.Result.Status == scanner.FetchFailed:
		f = fetchFailed(in.Result)
	case r.NeedsFetch && in.Result.Status == scanner.FetchUnsupported:
		f = unsupported(in.Result)
	case r.NeedsFetch && in.Result.Status == scanner.FetchNotReached:
		// Judge gives such accounts no findings; a caller asking one rule
		// still gets the reason, never a verdict.
		f = Finding{Status: Error, Message: Text{
			SV: "Granskningen avbröts innan kontot kontrollerades. Regeln kunde därför inte bedömas.",
			EN: "The audit was interrupted before the account was checked. The rule could therefore not be judged.",
		}}
	case r.NeedsFetch && in.Result.Status != scanner.FetchOK:
		f = Finding{Status: Error, Message: Text{
			SV: fmt.Sprintf("Kontot har okänd hämtningsstatus %q.", in.Result.Status),
			EN: fmt.Sprintf("The account has an unknown fetch status %q.", in.Result.Status),
		}}
	case r.check == nil:
		f = Finding{Status: Error, Message: Text{
			SV: "Regeln saknar kontroll.",
			EN: "The rule has no check.",
		}}
	default:
		f = r.check(in)
	}
	f.Rule = r.ID
	f.PolicyRef = r.Section.Ref
	return f
}

// fetchFailed explains why the account could not be read.
func fetchFailed(res *scanner.Result) Finding {
	why := ReadFailure(res)
	var ev []Evidence
	if e := res.Err; e != nil {
		page := ""
		if isWebURL(res.Account.URL) {
			page = res.Account.URL
		}
		ev = append(ev, errorEvidence(e, page))
	}
	return Finding{
		Status: Error,
		Message: Text{
			SV: "Kontot kunde inte läsas: " + why.SV + ". Regeln kunde därför inte bedömas.",
			EN: "The account could not be read: " + why.EN + ". The rule could therefore not be judged.",
		},
		Evidence: ev,
	}
}

// ReadFailure says why the account of a failed fetch could not be read,
// for a report: FetchReason, and for an unusable registry row the row's
// own problems, each in the reader's language ("Länk: … är ingen
// http(s)-adress").
func ReadFailure(res *scanner.Result) Text {
	if res == nil || res.Err == nil {
		return Text{SV: "okänt fel", EN: "unknown error"}
	}
	why := FetchReason(res.Err)
	if res.Err.Kind == scanner.ErrInvalidInput && len(res.Account.Problems) > 0 {
		rp := rowProblems(res.Account.Problems)
		why.SV += " (" + rp.SV + ")"
		why.EN += " (" + rp.EN + ")"
	}
	return why
}

// rowProblems words a registry row's problems, "Länk: …; Konto: …".
func rowProblems(ps []scanner.RowProblem) Text {
	var sv, en []string
	for _, p := range ps {
		msg := p.MessageSV
		if msg == "" {
			msg = p.Message
		}
		sv = append(sv, p.Column+": "+msg)
		en = append(en, p.Column+": "+p.Message)
	}
	return Text{SV: strings.Join(sv, "; "), EN: strings.Join(en, "; ")}
}

// unsupportedWhy explains, per reason, why a platform is not fetched.
var unsupportedWhy = map[scanner.UnsupportedReason]Text{
	scanner.NoPublicSurface: {
		SV: "visar ingenting för besökare som inte är inloggade",
		EN: "shows nothing to visitors who are not logged in",
	},
	scanner.NeedsMetaToken: {
		SV: "kan bara läsas automatiskt med en Meta-token (Graph API), och ingen är inställd",
		EN: "can only be read automatically with a Meta token (Graph API), and none is configured",
	},
	scanner.NeedsXToken: {
		SV: "kan bara läsas automatiskt med en token för X API, och ingen är inställd",
		EN: "can only be read automatically with an X API token, and none is configured",
	},
}

// unsupported hands the rule to a person: the platform is not fetched.
func unsupported(res *scanner.Result) Finding {
	name := strings.TrimSpace(res.Account.PlatformName)
	if name == "" {
		name = string(res.Account.Platform)
	}
	why, ok := unsupportedWhy[res.Unsupported]
	if !ok {
		why = Text{SV: "kontrolleras inte automatiskt", EN: "is not checked automatically"}
	}
	return Finding{
		Status: Manual,
		Message: Text{
			SV: fmt.Sprintf("Plattformen %s %s. En person behöver kontrollera detta direkt på plattformen.", name, why.SV),
			EN: fmt.Sprintf("The platform %s %s. A person needs to check this on the platform itself.", name, why.EN),
		},
		Evidence: []Evidence{{
			Label: Text{SV: "Konto", EN: "Account"},
			Value: res.Account.URL,
			URL:   res.Account.URL,
		}},
	}
}
