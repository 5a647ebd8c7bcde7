package rules

import (
	"github.com/stockholm-stad/smaudit/scanner"
	"strconv"
	"strings"
)

// RegistryComplete is the ID of the rule that the registry gives purpose,
// goals, audience and owner. Like every rule ID it is stable forever:
// results.json, the history and waivers name rules by it.
const RegistryComplete = "registry-complete"

// registryCompleteRule is the RegistryComplete rule; it has no thresholds.
func registryCompleteRule(Config) Rule {
	return Rule{
		ID:      RegistryComplete,
		Section: reqEveryAccount,
		Checks: Text{
			SV: "Att registret anger kontots syfte, mål, målgrupp och ansvarig.",
			EN: "That the registry gives the account's purpose, goals, audience and owner.",
		},
		PassTitle: Text{SV: "Registret har syfte, mål, målgrupp och ansvarig", EN: "The registry has purpose, goals, audience and owner"},
		FailTitle: Text{SV: "Registret saknar uppgifter om kontot", EN: "The registry lacks details of the account"},
		Question: Text{
			SV: "Anger kontoförteckningen kontots syfte, mål, målgrupp och ansvarig?",
			EN: "Does the registry give the account's purpose, goals, audience and owner?",
		},
		// Severity medium: without a purpose and an owner the city cannot govern the account.
		Severity: SeverityMedium,
		Fix: Text{
			SV: "Fyll i kolumnerna Syfte, Mål, Målgrupp och Ansvarig för kontot i registret och rapportera dem till stadsledningskontorets kommunikationsenhet.",
			EN: "Fill in the columns Syfte (purpose), Mål (goals), Målgrupp (audience) and Ansvarig (owner) for the account in the registry and report them to the City Executive Office's communications unit.",
		},
		NeedsFetch: false,
		fix:        fixRegistry,
		Thresholds: Text{
			SV: "Kolumnerna Syfte, Mål, Målgrupp och Ansvarig får inte vara tomma.",
			EN: "The columns Syfte, Mål, Målgrupp and Ansvarig must not be empty.",
		},
		check:   checkRegistry,
		Samples: registrySamples,
	}
}

// checkRegistry passes when the registry row gives the account's purpose,
// goals, audience and owner, which the policy requires of every account.
func checkRegistry(in Input) Finding {
	acc := in.Result.Account
	sv, en := missingColumns(acc)
	where := acc.Source
	if acc.Row > 0 {
		where += ":" + strconv.Itoa(acc.Row)
	}
	ev := []Evidence{{Label: Text{SV: "Registerrad (fil:rad)", EN: "Registry row (file:row)"}, Value: where}}
	if len(sv) == 0 {
		return Finding{Status: Pass, Evidence: ev, Message: Text{
			SV: "Registret anger syfte, mål, målgrupp och ansvarig.",
			EN: "The registry gives purpose, goals, audience and owner.",
		}}
	}
	ev = append(ev, Evidence{Label: Text{SV: "Saknas", EN: "Missing"}, Value: strings.Join(sv, ", ")})
	return Finding{Status: Fail, Evidence: ev, Message: Text{
		SV: "Registret saknar " + joinList(sv, "och") + " för kontot.",
		EN: "The registry lacks the account's " + joinList(en, "and") + ".",
	}}
}

// joinList joins words as prose: "a, b och c".
func joinList(words []string, and string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + and + " " + words[len(words)-1]
}

// registrySamples: Kulturförvaltningen's complete row, and Sommarskolan's
// without Syfte and Ansvarig.
var registrySamples = []Sample{
	{Name: "registry.csv:2 with every column", Result: demoFetched(demoProfile()), Want: Pass},
	{Name: "registry.csv:10 without Syfte and Ansvarig", Result: sommarskolan(), Want: Fail},
}

// fixRegistry names the row and the columns that are empty.
func fixRegistry(acc scanner.Account) Text {
	sv, en := missingColumns(acc)
	if len(sv) == 0 {
		sv, en = []string{"Syfte", "Mål", "Målgrupp", "Ansvarig"}, []string{"Syfte", "Mål", "Målgrupp", "Ansvarig"}
	}
	row := registryRow(acc)
	return Text{
		SV: "Fyll i " + joinList(sv, "och") + " på " + row.SV + " och rapportera det till stadsledningskontorets kommunikationsenhet.",
		EN: "Fill in " + joinList(en, "and") + " on " + row.EN + " and report it to the City Executive Office's communications unit.",
	}
}

// missingColumns lists the registry's empty columns of purpose, goals,
// audience and owner, by the Swedish column name and in English.
func missingColumns(acc scanner.Account) (sv, en []string) {
	fields := []struct {
		value  string
		sv, en string
	}{
		{acc.Purpose, "Syfte", "purpose (Syfte)"},
		{acc.Goals, "Mål", "goals (Mål)"},
		{acc.Audience, "Målgrupp", "audience (Målgrupp)"},
		{acc.Owner, "Ansvarig", "owner (Ansvarig)"},
	}
	for _, f := range fields {
		if strings.TrimSpace(f.value) == "" {
			sv = append(sv, f.sv)
			en = append(en, f.en)
		}
	}
	return sv, en
}
