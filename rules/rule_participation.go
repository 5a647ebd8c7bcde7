package rules

import "github.com/stockholm-stad/smaudit/scanner"

// ParticipationTerms is the ID of the rule that the profile tells the terms
// of taking part. Like every rule ID it is stable forever: results.json, the
// history and waivers name rules by it.
const ParticipationTerms = "participation-terms"

// participationTermsRule is the ParticipationTerms rule built with cfg.
func participationTermsRule(cfg Config) Rule {
	return Rule{
		ID:      ParticipationTerms,
		Section: reqTerms,
		Checks: Text{
			SV: "Att profilen berättar vilka villkor som gäller för att delta, till exempel att inlägg kan bli allmän handling, eller länkar till villkoren.",
			EN: "That the profile tells the terms of taking part, for example that a post can become a public record, or links to the terms.",
		},
		PassTitle: Text{SV: "Profilen berättar villkoren för att delta", EN: "The profile tells the terms of taking part"},
		FailTitle: Text{SV: "Profilen berättar inte villkoren för att delta", EN: "The profile does not tell the terms of taking part"},
		Question: Text{
			SV: "Framgår vilka villkor som gäller för att delta, till exempel att ett inlägg kan bli allmän handling?",
			EN: "Does it show which terms apply to taking part, for example that a post can become a public record?",
		},
		// Severity medium: people who comment should know their words may become public records.
		Severity: SeverityMedium,
		Fix: Text{
			SV: "Skriv i profilen att inlägg och kommentarer kan bli allmänna handlingar, till exempel: ”Det du skriver här kan bli allmän handling.” Lägg gärna till en länk till stadens kommentarsregler.",
			EN: "Write in the profile that posts and comments can become public records, for example: “What you write here can become a public record.” Add a link to the city's comment rules if you can.",
		},
		NeedsFetch: true,
		fix:        fixParticipation,
		Thresholds: participationThresholds(cfg),
		check:      checkParticipation(cfg),
		Samples:    participationSamples,
	}
}

// checkParticipation passes when the profile text tells the terms of taking
// part (for example that posts can become public records) or links to them.
func checkParticipation(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		p := in.Result.Fetched.Profile
		if m, ok := findAny(profileTexts(p), cfg.ParticipationPhrases); ok {
			return Finding{Status: Pass,
				Message: Text{
					SV: "Profilen berättar vilka villkor som gäller för att delta.",
					EN: "The profile tells the terms of taking part.",
				},
				Evidence: []Evidence{{
					Label:  Text{SV: "Matchad text", EN: "Matched text"},
					Value:  sentenceAround(m.text, m.start, m.end),
					URL:    profileURL(in.Result),
					Source: profileSource(in.Result),
				}},
			}
		}
		for _, l := range profileLinks(p) {
			for _, w := range cfg.ParticipationLinkWords {
				if containsFold(l.Text, w) || containsFold(l.URL, w) {
					return Finding{Status: Pass,
						Message: Text{
							SV: "Profilen länkar till villkoren för att delta.",
							EN: "The profile links to the terms of taking part.",
						},
						Evidence: []Evidence{linkEvidence(Text{SV: "Länk till villkor", EN: "Link to terms"}, l.Text, l.URL)},
					}
				}
			}
		}
		if f, hidden := linksHidden(in.Result, Text{SV: "en länk till villkoren för att delta", EN: "a link to the terms of taking part"}); hidden {
			return f
		}
		return Finding{Status: Fail, Message: Text{
			SV: "Profilen säger inget om villkoren för att delta, till exempel att inlägg och kommentarer kan bli allmänna handlingar, och länkar inte till några villkor.",
			EN: "The profile says nothing about the terms of taking part, for example that posts and comments can become public records, and links to no terms.",
		}}
	}
}

// linkEvidence shows a link by its text, linked to its URL: the value is
// the URL itself only when the link has no text of its own, so a report
// that writes "value (URL)" never prints the address twice.
func linkEvidence(label Text, text, url string) Evidence {
	v := url
	if t := clip(text, 80); t != "" && t != url {
		v = t
	}
	return Evidence{Label: label, Value: v, URL: url}
}

// participationSamples: a note saying posts can become public records,
// and one without terms or a link to them.
var participationSamples = []Sample{
	{Name: "Kulturförvaltningen: ”kan bli allmän handling” and a link to the terms", Result: demoFetched(demoProfile()), Want: Pass},
	{Name: "Sommarskolan: no terms", Result: sommarskolan(), Want: Fail},
}

// fixParticipation names the platform's place for the profile text.
func fixParticipation(acc scanner.Account) Text {
	at := placeOf(acc).text
	return Text{
		SV: "Skriv i " + at.SV + " att inlägg och kommentarer kan bli allmänna handlingar, till exempel: ”Det du skriver här kan bli allmän handling.” Länka gärna till stadens kommentarsregler.",
		EN: "Write in " + at.EN + " that posts and comments can become public records, for example: “What you write here can become a public record.” Consider linking to the city's comment rules.",
	}
}
