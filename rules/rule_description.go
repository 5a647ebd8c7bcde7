package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ContentDescription is the ID of the rule that the profile describes what
// the account offers. Like every rule ID it is stable forever: results.json,
// the history and waivers name rules by it.
const ContentDescription = "content-description"

// contentDescriptionRule is the ContentDescription rule built with cfg.
func contentDescriptionRule(cfg Config) Rule {
	return Rule{
		ID:      ContentDescription,
		Section: reqDescription,
		Checks: Text{
			SV: "Att profilen har en kort beskrivning av vad man kan förvänta sig för innehåll från kontot.",
			EN: "That the profile has a short description of what content to expect from the account.",
		},
		PassTitle: Text{SV: "Profilen beskriver vad kontot innehåller", EN: "The profile describes what the account offers"},
		FailTitle: Text{SV: "Profilen saknar en beskrivning av vad kontot innehåller", EN: "The profile does not describe what the account offers"},
		Question: Text{
			SV: "Finns en kort beskrivning av vad användaren kan förvänta sig för innehåll från kontot?",
			EN: "Is there a short description of what content the user can expect from the account?",
		},
		// Severity low: a short description costs readers a little clarity, nothing more.
		Severity: SeverityLow,
		Fix: Text{
			SV: "Skriv en eller två meningar i profilens beskrivning om vad kontot handlar om och vad följarna kan förvänta sig, och utgå från kontots syfte i kontoförteckningen.",
			EN: "Write one or two sentences in the profile description about what the account is about and what followers can expect, starting from the account's purpose in the registry.",
		},
		NeedsFetch: true,
		fix:        fixDescription,
		Thresholds: descriptionThresholds(cfg),
		check:      checkDescription(cfg),
		Samples:    descriptionSamples,
	}
}

// checkDescription passes when the profile's description, without links and
// contact details, is at least cfg.DescriptionMinChars characters long.
func checkDescription(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		desc := in.Result.Fetched.Profile.Description
		prose := proseOf(desc)
		n := utf8.RuneCountInString(prose)
		ev := []Evidence{{
			Label: Text{SV: "Antal tecken (utan länkar och kontaktuppgifter)", EN: "Characters (without links and contact details)"},
			Value: strconv.Itoa(n),
		}}
		if strings.TrimSpace(desc) != "" {
			ev = append(ev, Evidence{
				Label:  Text{SV: "Beskrivning", EN: "Description"},
				Value:  clip(desc, maxSentenceRunes),
				URL:    profileURL(in.Result),
				Source: profileSource(in.Result),
			})
		}
		reading := descriptionReading(cfg.DescriptionMinChars)
		switch {
		case strings.TrimSpace(desc) == "":
			return Finding{Status: Fail, Evidence: ev, Message: Text{
				SV: "Profilen har ingen beskrivning.",
				EN: "The profile has no description.",
			}}
		case n < cfg.DescriptionMinChars:
			return Finding{Status: Fail, Evidence: ev, Message: Text{
				SV: fmt.Sprintf("Beskrivningen har %s text utöver länkar och kontaktuppgifter. %s", chars(n).SV, reading.SV),
				EN: fmt.Sprintf("The description has %s of text besides links and contact details. %s", chars(n).EN, reading.EN),
			}}
		}
		return Finding{Status: Pass, Evidence: ev, Message: Text{
			SV: fmt.Sprintf("Profilen har en beskrivning på %s utöver länkar och kontaktuppgifter. %s", chars(n).SV, reading.SV),
			EN: fmt.Sprintf("The profile has a description of %s besides links and contact details. %s", chars(n).EN, reading.EN),
		}}
	}
}

// descriptionSamples: a note of prose, and one of contact details only.
var descriptionSamples = []Sample{
	{Name: "Kulturförvaltningen: two sentences on what the account offers", Result: demoFetched(demoProfile()), Want: Pass},
	{Name: "only an address and a phone number", Result: demoFetched(contactOnlyProfile()), Want: Fail},
}

// contactOnlyProfile is Kulturförvaltningen's profile with a note that
// holds nothing but contact details.
func contactOnlyProfile() scanner.Profile {
	p := demoProfile()
	p.Description = "kultur@stockholm.se 08-508 290 00"
	p.Text = scanner.JoinText(p.DisplayName, p.Description)
	return p
}

// descriptionReading says that the number of characters is the
// communications unit's reading of the policy's "en kort beskrivning",
// which names no length.
func descriptionReading(min int) Text {
	c := chars(min)
	return Text{
		SV: "Policyn anger att profilen ska ha en kort beskrivning av vad användaren kan förvänta sig för innehåll; staden granskar mot minst " + c.SV + " text utöver länkar och kontaktuppgifter.",
		EN: "The policy says the profile is to have a short description of the content users can expect; the city audits against at least " + c.EN + " of text besides links and contact details.",
	}
}

// chars writes n characters: "1 tecken", "40 tecken"; "1 character".
func chars(n int) Text {
	return count(n, Text{SV: "tecken", EN: "character"}, Text{SV: "tecken", EN: "characters"})
}

// fixDescription starts from the account's purpose and audience in the
// registry, in the platform's place for the profile text: an example
// written for one account fits no other.
func fixDescription(acc scanner.Account) Text {
	at, name := placeOf(acc).text, accountName(acc)
	t := Text{
		SV: "Skriv en eller två meningar i " + at.SV + " om vad " + name + " handlar om och vad följarna kan förvänta sig.",
		EN: "Write one or two sentences in " + at.EN + " about what " + name + " is about and what followers can expect.",
	}
	purpose, audience := strings.TrimSpace(acc.Purpose), strings.TrimSpace(acc.Audience)
	if purpose == "" {
		t.SV += " Kontoförteckningen anger inget syfte för kontot; bestäm syftet först och beskriv det sedan."
		t.EN += " The registry gives no purpose for the account; decide the purpose first, then describe it."
		return t
	}
	t.SV += " Utgå från syftet i kontoförteckningen, ”" + purpose + "”"
	t.EN += " Start from the purpose in the registry, “" + purpose + "”"
	if audience != "" {
		t.SV += ", och skriv för målgruppen: " + audience
		t.EN += ", and write for the audience: " + audience
	}
	t.SV += "."
	t.EN += "."
	return t
}
