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

// errorKindText explains a fetch error kind in plain words.
var errorKindText = map[scanner.ErrorKind]Text{
	scanner.ErrHTTPStatus:     {SV: "servern svarade med ett felmeddelande", EN: "the server answered with an error"},
	scanner.ErrTimeout:        {SV: "servern svarade inte i tid", EN: "the server did not answer in time"},
	scanner.ErrRefusedAddress: {SV: "adressen leder till ett internt nätverk och hämtas inte", EN: "the address leads to an internal network and is not fetched"},
	scanner.ErrUnparseable:    {SV: "svaret gick inte att tolka", EN: "the answer could not be understood"},
	scanner.ErrRobots:         {SV: "webbplatsens robots.txt förbjuder hämtning", EN: "the site's robots.txt forbids fetching"},
	scanner.ErrTooLarge:       {SV: "svaret var för stort", EN: "the answer was too large"},
	scanner.ErrNetwork:        {SV: "det gick inte att nå servern", EN: "the server could not be reached"},
	scanner.ErrInvalidInput:   {SV: "raden i registret går inte att använda", EN: "the registry row is unusable"},
	scanner.ErrNotFound:       {SV: "kontot finns inte på plattformen", EN: "the account does not exist on the platform"},
	scanner.ErrCanceled:       {SV: "skanningen avbröts", EN: "the scan was interrupted"},
	scanner.ErrBlocked:        {SV: "plattformen visade en spärr i stället för kontot", EN: "the platform showed a wall instead of the account"},
	scanner.ErrRateLimited:    {SV: "plattformens gräns för antal anrop hann inte återställas före granskningens tidsgräns", EN: "the platform's rate limit did not reset before the audit's deadline"},
}

// fetchFailed explains why the account could not be read.
func fetchFailed(res *scanner.Result) Finding {
	why := Text{SV: "okänt fel", EN: "unknown error"}
	var ev []Evidence
	if e := res.Err; e != nil {
		if t, ok := errorKindText[e.Kind]; ok {
			why = t
		} else if e.Kind != "" {
			why = Text{SV: string(e.Kind), EN: string(e.Kind)}
		}
		detail := e.Detail
		if e.StatusCode != 0 {
			detail = strings.TrimSpace(fmt.Sprintf("HTTP %d %s", e.StatusCode, detail))
		}
		if e.Skipped {
			// The host stopped answering earlier in this scan; asking it
			// again for every account would cost minutes each.
			why.SV += "; samma server svarade inte tidigare i granskningen, så kontot hoppades över"
			why.EN += "; the same server did not answer earlier in the audit, so the account was skipped"
		}
		if e.Kind == scanner.ErrInvalidInput && len(res.Account.Problems) > 0 {
			// The row's own problems, each in the reader's language.
			rp := rowProblems(res.Account.Problems)
			why.SV += " (" + rp.SV + ")"
			why.EN += " (" + rp.EN + ")"
		} else if detail != "" {
			why.SV += " (" + detail + ")"
			why.EN += " (" + detail + ")"
		}
		ev = append(ev, Evidence{
			Label: Text{SV: "Fel", EN: "Error"},
			Value: e.Error(),
			URL:   e.URL,
		})
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
