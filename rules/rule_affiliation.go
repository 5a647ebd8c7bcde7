package rules

import (
	"fmt"
	"github.com/stockholm-stad/smaudit/scanner"
	"strings"
)

// CityAffiliation is the ID of the rule that the profile names the
// administration and the City of Stockholm. Like every rule ID it is stable
// forever: results.json, the history and waivers name rules by it.
const CityAffiliation = "city-affiliation"

// cityAffiliationRule is the CityAffiliation rule built with cfg.
func cityAffiliationRule(cfg Config) Rule {
	return Rule{
		ID:      CityAffiliation,
		Section: reqAffiliation,
		Checks: Text{
			SV: "Att profilen säger vilken förvaltning eller vilket bolag som står bakom kontot och att den ingår i Stockholms stad.",
			EN: "That the profile says which administration or company runs the account and that it is part of the City of Stockholm.",
		},
		PassTitle: Text{SV: "Profilen säger vem som står bakom kontot", EN: "The profile says who runs the account"},
		FailTitle: Text{SV: "Profilen säger inte tydligt vem som står bakom kontot", EN: "The profile does not clearly say who runs the account"},
		Question: Text{
			SV: "Framgår det vilken verksamhet som står bakom kontot och att verksamheten ingår i Stockholms stad?",
			EN: "Does it show which operation is behind the account and that the operation is part of the City of Stockholm?",
		},
		// Severity high: without it nobody can tell the city's account from an impostor's.
		Severity: SeverityHigh,
		Fix: Text{
			SV: "Skriv i profiltexten vilken förvaltning eller vilket bolag som driver kontot och att den ingår i Stockholms stad, till exempel: ”Kontot drivs av [förvaltningens namn] i Stockholms stad.” En länk till stockholm.se räcker inte.",
			EN: "Write in the profile text which administration or company runs the account and that it is part of the City of Stockholm, for example: “This account is run by the Culture Administration, City of Stockholm.” A link to stockholm.se is not enough.",
		},
		NeedsFetch: true,
		fix:        fixAffiliation,
		Thresholds: affiliationThresholds(cfg),
		check:      checkAffiliation(cfg),
		Samples:    affiliationSamples,
	}
}

// administrationNames returns the names that count as naming admin: the
// registry's own and its configured aliases.
func administrationNames(admin string, aliases map[string][]string) []string {
	names := []string{admin}
	want := foldPhrase(admin)
	for _, key := range sortedKeys(aliases) {
		if foldPhrase(key) == want {
			names = append(names, aliases[key]...)
		}
	}
	return names
}

// checkAffiliation passes when the profile text says the account belongs to
// the city and names the administration behind it. A link to stockholm.se
// says neither.
func checkAffiliation(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		res := in.Result
		admin := strings.TrimSpace(res.Account.Administration)
		texts := profileTexts(res.Fetched.Profile)
		city, cityOK := findAny(texts, cfg.AffiliationPhrases)
		var ev []Evidence
		page, source := profilePage(res)
		if cityOK {
			ev = append(ev, Evidence{
				Label:  Text{SV: "Text om Stockholms stad", EN: "Text naming the City of Stockholm"},
				Value:  sentenceAround(city.text, city.start, city.end),
				URL:    page,
				Source: source,
			})
		}
		if admin == "" {
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Registret anger ingen förvaltning för kontot, så det går inte att kontrollera att profilen nämner den. Kontrollera profilen och fyll i Förvaltning i registret.",
				EN: "The registry names no administration for the account, so it cannot be checked that the profile names it. Check the profile and fill in Förvaltning in the registry.",
			}}
		}
		adm, admOK := findAny(texts, administrationNames(admin, cfg.AdministrationAliases))
		if admOK {
			s := sentenceAround(adm.text, adm.start, adm.end)
			if len(ev) == 1 && ev[0].Value == s {
				ev[0].Label = Text{SV: "Matchad text", EN: "Matched text"}
			} else {
				ev = append(ev, Evidence{
					Label:  Text{SV: "Text om verksamheten", EN: "Text naming the administration"},
					Value:  s,
					URL:    page,
					Source: source,
				})
			}
		}
		// The example sentence to write is the fix's (fixAffiliation),
		// which reports show beside a failure.
		var f Finding
		switch {
		case cityOK && admOK:
			f = Finding{Status: Pass, Message: Text{
				SV: fmt.Sprintf("Profilen säger att kontot tillhör Stockholms stad och nämner %s.", adm.phrase),
				EN: fmt.Sprintf("The profile says the account belongs to the City of Stockholm and names %s.", adm.phrase),
			}}
		case admOK:
			f = Finding{Status: Fail, Message: Text{
				SV: fmt.Sprintf("Profilen nämner %s men säger inte att verksamheten ingår i Stockholms stad.", adm.phrase),
				EN: fmt.Sprintf("The profile names %s but does not say that it is part of the City of Stockholm.", adm.phrase),
			}}
		case cityOK:
			f = Finding{Status: Fail, Message: Text{
				SV: fmt.Sprintf("Profilen säger att kontot tillhör Stockholms stad men inte vilken verksamhet som står bakom (%s).", admin),
				EN: fmt.Sprintf("The profile says the account belongs to the City of Stockholm but not which administration runs it (%s).", admin),
			}}
		default:
			f = Finding{Status: Fail, Message: Text{
				SV: fmt.Sprintf("Profilen säger varken att kontot tillhör Stockholms stad eller vilken verksamhet som står bakom (%s).", admin),
				EN: fmt.Sprintf("The profile says neither that the account belongs to the City of Stockholm nor which administration runs it (%s).", admin),
			}}
		}
		f.Evidence = append(ev, proofEvidence(res.Fetched.Proofs, websiteDomains(cfg, res.Account.Website))...)
		return f
	}
}

// affiliationSamples: a note naming the administration and the city, and
// one naming only the city.
var affiliationSamples = []Sample{
	{Name: "Kulturförvaltningen: ”Kulturförvaltningen i Stockholms stad”", Result: demoFetched(demoProfile()), Want: Pass},
	{Name: "Sommarskolan: the city, but not Utbildningsförvaltningen", Result: sommarskolan(), Want: Fail},
}

// fixAffiliation words the fix with the account's own administration and
// the platform's place for the profile text.
func fixAffiliation(acc scanner.Account) Text {
	at, ex := placeOf(acc).text, affiliationExample(strings.TrimSpace(acc.Administration))
	return Text{
		SV: "Skriv i " + at.SV + " vem som driver kontot och att verksamheten ingår i Stockholms stad, till exempel: ”" + ex.SV + "” En länk till stockholm.se räcker inte.",
		EN: "Write in " + at.EN + " who runs the account and that it is part of the City of Stockholm, for example: “" + ex.EN + "” A link to stockholm.se is not enough.",
	}
}
