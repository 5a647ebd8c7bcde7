package model

import (
	"sort"

	"github.com/stockholm-stad/smaudit/rules"
)

// Recommendation is one action a report asks for, with how much it
// weighs and the accounts it concerns.
type Recommendation struct {
	Text     rules.Text // the action, one imperative sentence
	Severity rules.Severity
	// Accounts names the accounts concerned, in account order: their names
	// in an administration's report, "name (administration)" in the
	// overview.
	Accounts []string
}

// MaxRecommendations is how many actions a report asks for at most: a
// handful a reader can act on, the most important first.
const MaxRecommendations = 5

// ruleActions are the actions that fix each rule's failure, short enough
// for the summary's list; the findings carry the full fix.
var ruleActions = map[string]rules.Text{
	rules.AccountExists: {SV: "Rätta eller ta bort länkar i kontoförteckningen till konton som inte finns",
		EN: "Correct or remove registry links to accounts that do not exist"},
	rules.CityAffiliation: {SV: "Skriv i profilen vilken förvaltning eller vilket bolag som driver kontot och att det ingår i Stockholms stad",
		EN: "Say in the profile which administration or company runs the account and that it is part of the City of Stockholm"},
	rules.InactiveAccount: {SV: "Börja publicera igen eller avsluta konton som inte längre används",
		EN: "Start posting again or close accounts no longer in use"},
	rules.RegistryComplete: {SV: "Fyll i syfte, mål, målgrupp och ansvarig i kontoförteckningen",
		EN: "Fill in purpose, goals, audience and owner in the account registry"},
	rules.ContactDetails: {SV: "Lägg till kontaktuppgifter till verksamheten i profilen",
		EN: "Add the operation's contact details to the profile"},
	rules.ParticipationTerms: {SV: "Berätta i profilen vilka villkor som gäller för att delta, eller länka till dem",
		EN: "Say in the profile which terms apply to taking part, or link to them"},
	rules.PostingFrequency: {SV: "Publicera egna inlägg oftare: policyn anger att det bör publiceras minst ett par gånger i veckan",
		EN: "Post more often: the policy says posts should be published at least a couple of times a week"},
	rules.ContentDescription: {SV: "Beskriv i profilen vad kontot innehåller",
		EN: "Describe in the profile what the account offers"},
	rules.WebsiteLink: {SV: "Länka från profilen till verksamhetens webbplats",
		EN: "Link from the profile to the operation's website"},
}

// ruleAction is the action that fixes a rule's failure; a rule without
// one of its own is named by its failure.
func ruleAction(rl rules.Rule) rules.Text {
	if t, ok := ruleActions[rl.ID]; ok {
		return t
	}
	return rules.Text{SV: "Åtgärda: " + lowerFirst(rl.FailTitle.SV), EN: "Fix: " + lowerFirst(rl.FailTitle.EN)}
}

// recommendations are the actions for the accounts of one report: one
// per failing rule, one for the accounts that could not be read, one for
// the manual checklist; the heaviest first, then those concerning most
// accounts, at most MaxRecommendations.
func recommendations(s *scope) []Recommendation {
	type ranked struct {
		Recommendation
		place int // catalog order; after every rule for the others
	}
	var out []ranked
	for i, rl := range s.catalog {
		var names []string
		for _, j := range s.accounts {
			if f, ok := findingOf(j, rl.ID); ok && f.Status == rules.Fail {
				names = append(names, s.name(j))
			}
		}
		if len(names) > 0 {
			out = append(out, ranked{Recommendation{Text: ruleAction(rl), Severity: severityOf(rl), Accounts: names}, i})
		}
	}
	// A failure of a rule the catalog lacks still asks for action: a
	// report must never say nothing needs doing while something fails.
	known := map[string]bool{}
	for _, rl := range s.catalog {
		known[rl.ID] = true
	}
	var other []string
	for _, j := range s.accounts {
		for _, f := range j.Findings {
			if f.Status == rules.Fail && !known[f.Rule] {
				other = append(other, s.name(j))
				break
			}
		}
	}
	if len(other) > 0 {
		out = append(out, ranked{Recommendation{Text: rules.Text{
			SV: "Åtgärda de underkända punkterna som resultaten per konto visar",
			EN: "Fix the failing checkpoints the findings per account show"},
			Severity: rules.SeverityMedium, Accounts: other}, len(s.catalog)})
	}
	var unread []string
	sev := rules.SeverityMedium
	for _, u := range s.unread {
		if nothingToDo(&u.Account.Result) {
			continue // the next audit reads them
		}
		if f, ok := findingOf(u.Account, rules.AccountExists); ok && f.Status == rules.Fail {
			continue // the account-exists action already asks for the link
		}
		unread = append(unread, s.name(u.Account))
		if u.Streak >= 2 {
			sev = rules.SeverityHigh // unread for months is an account nobody looks after
		}
	}
	if len(unread) > 0 {
		out = append(out, ranked{Recommendation{Text: rules.Text{
			SV: "Kontrollera länkarna till konton som inte kunde läsas, så att de kan granskas",
			EN: "Check the links to accounts that could not be read, so that they can be audited"},
			Severity: sev, Accounts: unread}, len(s.catalog)})
	}
	if s.adm == nil && len(s.r.Unregistered) > 0 {
		// Only the overview: discovery does not know whose they are.
		urls := make([]string, len(s.r.Unregistered))
		for i, u := range s.r.Unregistered {
			urls[i] = u.URL
		}
		out = append(out, ranked{Recommendation{Text: rules.Text{
			SV: "Ta reda på vems de konton är som saknas i kontoförteckningen, och för in stadens konton i den",
			EN: "Find out whose the accounts missing from the account registry are, and enter the city's in it"},
			Severity: rules.SeverityMedium, Accounts: urls}, len(s.catalog)})
	}
	if len(s.checklist) > 0 {
		var names []string
		var last *rules.Judged
		for _, it := range s.checklist {
			if it.Account != last {
				names = append(names, s.name(it.Account))
				last = it.Account
			}
		}
		out = append(out, ranked{Recommendation{Text: rules.Text{
			SV: "Gå igenom checklistan för manuell kontroll och svara i arbetsboken",
			EN: "Go through the checklist for manual checks and answer in the workbook"},
			Severity: rules.SeverityLow, Accounts: names}, len(s.catalog) + 1})
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.Severity != y.Severity {
			return x.Severity < y.Severity
		}
		if len(x.Accounts) != len(y.Accounts) {
			return len(x.Accounts) > len(y.Accounts)
		}
		return x.place < y.place
	})
	if len(out) > MaxRecommendations {
		out = out[:MaxRecommendations]
	}
	recs := make([]Recommendation, len(out))
	for i, r := range out {
		recs[i] = r.Recommendation
	}
	return recs
}

// severityOf is a rule's severity, medium when the rule sets none, so an
// unrated rule neither jumps the queue nor drops to its end.
func severityOf(rl rules.Rule) rules.Severity {
	if rl.Severity == 0 {
		return rules.SeverityMedium
	}
	return rl.Severity
}

// findingOf is the account's finding of a rule.
func findingOf(j *rules.Judged, rule string) (rules.Finding, bool) {
	for _, f := range j.Findings {
		if f.Rule == rule {
			return f, true
		}
	}
	return rules.Finding{}, false
}
