package rules

import (
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ModerationInfo is the ID of the rule that the profile tells its users
// what the comments are for, that posts breaking the rules are removed,
// and how to report abuse. Like every rule ID it is stable forever:
// results.json, the history and waivers name rules by it.
const ModerationInfo = "moderation-info"

// ModerationConfig holds the words moderation-info reads a profile with:
// one list per thing the profile must tell.
type ModerationConfig struct {
	// PurposePhrases say what the comments are for, "ställ frågor".
	PurposePhrases []string `yaml:"purpose-phrases"`
	// RemovalPhrases say that posts breaking the rules are removed,
	// "tas bort".
	RemovalPhrases []string `yaml:"removal-phrases"`
	// ReportPhrases say how to report abuse, "anmäl".
	ReportPhrases []string `yaml:"report-phrases"`
}

// defaultModeration are Swedish and English words of comment rules, each
// a whole word or phrase as a profile writes it.
func defaultModeration() ModerationConfig {
	return ModerationConfig{
		PurposePhrases: []string{
			"ställ frågor", "ställa frågor", "frågor och synpunkter", "kommentarsfältet är till för", "kommentarerna är till för",
			"är till för", "välkommen att kommentera", "diskutera", "samtal om",
			"ask questions", "comments are for", "discuss",
		},
		RemovalPhrases: []string{
			"tas bort", "tar bort", "tar vi bort", "raderas", "döljs", "tas ned",
			"will be removed", "are removed", "is removed", "deleted",
		},
		ReportPhrases: []string{
			"anmäl", "anmäla", "anmäler", "rapportera", "rapporterar", "säg till", "meddela oss",
			"report",
		},
	}
}

// moderationParts are the three things the profile must tell, each with
// its phrases picked from a ModerationConfig.
var moderationParts = []struct {
	name    Text
	label   Text
	phrases func(ModerationConfig) []string
}{
	{Text{SV: "vad kommentarerna är till för", EN: "what the comments are for"}, Text{SV: "Kommentarernas syfte", EN: "What the comments are for"}, func(c ModerationConfig) []string { return c.PurposePhrases }},
	{Text{SV: "att inlägg som bryter mot reglerna tas bort", EN: "that posts breaking the rules are removed"}, Text{SV: "Borttagning", EN: "Removal"}, func(c ModerationConfig) []string { return c.RemovalPhrases }},
	{Text{SV: "hur man anmäler kränkande innehåll", EN: "how to report abusive content"}, Text{SV: "Anmälan", EN: "Reporting"}, func(c ModerationConfig) []string { return c.ReportPhrases }},
}

// moderationInfoRule is the ModerationInfo rule built with cfg.
func moderationInfoRule(cfg Config) Rule {
	return Rule{
		ID:      ModerationInfo,
		Section: reqModeration,
		Checks: Text{
			SV: "Att profilen berättar vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll. En länkad villkorssida läses inte; då avgör en person.",
			EN: "That the profile tells what the comments are for, that posts breaking the rules are removed and how to report abusive content. A linked terms page is not read; a person then decides.",
		},
		PassTitle: Text{SV: "Profilen berättar hur kommentarer modereras", EN: "The profile tells how comments are moderated"},
		FailTitle: Text{SV: "Profilen berättar inte hur kommentarer modereras", EN: "The profile does not tell how comments are moderated"},
		Question: Text{
			SV: "Berättar profilen, ett fäst inlägg eller villkoren den länkar till vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll?",
			EN: "Does the profile, a pinned post or the terms it links to tell what the comments are for, that posts breaking the rules are removed and how to report abusive content?",
		},
		// Severity low: the city still supervises the account; users
		// only lack the word of how it does.
		Severity: SeverityLow,
		Fix: Text{
			SV: "Skriv i profilen, eller på en villkorssida som profilen länkar till, vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll.",
			EN: "Write in the profile, or on a terms page the profile links to, what the comments are for, that posts breaking the rules are removed and how to report abusive content.",
		},
		NeedsFetch: true,
		fix:        fixModeration,
		Thresholds: moderationThresholds(cfg),
		check:      checkModeration(cfg),
		Samples:    moderationSamples,
	}
}

// checkModeration passes a profile whose text tells all three things. One
// that lacks any fails, unless it links to terms (which smaudit does not
// read: they may say the rest), the platform hides some of its links, or
// it shows no text at all; a person then decides.
func checkModeration(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		res := in.Result
		texts := profileTexts(res.Fetched.Profile)
		if len(texts) == 0 {
			return Finding{Status: Manual, Evidence: []Evidence{atProfile(res, Evidence{Label: Text{SV: "Profiltext", EN: "Profile text"}, Value: "–"})}, Message: Text{
				SV: "Plattformen visar ingen profiltext för smaudit. Kontrollera på plattformen om profilen berättar hur kommentarer modereras.",
				EN: "The platform shows smaudit no profile text. Check on the platform whether the profile tells how comments are moderated.",
			}}
		}
		var ev []Evidence
		var missing []Text
		for _, part := range moderationParts {
			m, ok := findAny(texts, part.phrases(cfg.Moderation))
			if !ok {
				missing = append(missing, part.name)
				continue
			}
			ev = append(ev, atProfile(res, Evidence{Label: part.label, Value: sentenceAround(m.text, m.start, m.end)}))
		}
		if len(missing) == 0 {
			return Finding{Status: Pass, Evidence: ev, Message: Text{
				SV: "Profilen berättar vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll.",
				EN: "The profile tells what the comments are for, that posts breaking the rules are removed and how to report abusive content.",
			}}
		}
		var sv, en []string
		for _, m := range missing {
			sv = append(sv, m.SV)
			en = append(en, m.EN)
		}
		lacks := Text{SV: joinList(sv, "eller"), EN: joinList(en, "or")}
		if l, ok := termsLink(cfg, res.Fetched.Profile); ok {
			ev = append(ev, linkEvidence(Text{SV: "Länk till villkor", EN: "Link to terms"}, l.Text, l.URL))
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Profilen säger inte " + lacks.SV + ", men den länkar till villkor som smaudit inte läser. Läs villkoren och avgör om de säger det.",
				EN: "The profile does not say " + lacks.EN + ", but it links to terms smaudit does not read. Read the terms and decide whether they say it.",
			}}
		}
		if f, hidden := linksHidden(res, Text{SV: "en länk till villkor för kommentarer", EN: "a link to terms for comments"}); hidden {
			f.Evidence = append(ev, f.Evidence...)
			return f
		}
		return Finding{Status: Fail, Evidence: ev, Message: Text{
			SV: "Profilen säger inte " + lacks.SV + ", och den länkar inte till några villkor. Policyn anger att användarna bör få veta vad kommentarsfunktionen är till för, att publiceringar kan tas bort och att de bör rapportera kränkande innehåll.",
			EN: "The profile does not say " + lacks.EN + ", and it links to no terms. The policy says users should be told what the comment function is for, that publications may be removed, and be urged to report abusive content.",
		}}
	}
}

// termsLink is the profile's first link whose text or address names terms
// (participation-link-words).
func termsLink(cfg Config, p scanner.Profile) (scanner.Link, bool) {
	for _, l := range profileLinks(p) {
		for _, w := range cfg.ParticipationLinkWords {
			if containsFold(l.Text, w) || containsFold(l.URL, w) {
				return l, true
			}
		}
	}
	return scanner.Link{}, false
}

// moderationThresholds words the rule's phrases for `smaudit rules`.
func moderationThresholds(cfg Config) Text {
	var sv, en []string
	for _, part := range moderationParts {
		ws := part.phrases(cfg.Moderation)
		sv = append(sv, part.label.SV+": "+quoted(ws, "”", "”"))
		en = append(en, part.label.EN+": "+quoted(ws, "“", "”"))
	}
	return Text{
		SV: "Fraser i profiltexten. " + strings.Join(sv, ". ") + ". En länk till villkor (" + quoted(cfg.ParticipationLinkWords, "”", "”") + ") ger manuell kontroll i stället för underkänt. Att detta ska stå i profilen eller villkoren den länkar till är kommunikationsenhetens tolkning av policyns råd om förebyggande åtgärder (”bör”).",
		EN: "Phrases in the profile text. " + strings.Join(en, ". ") + ". A link to terms (" + quoted(cfg.ParticipationLinkWords, "“", "”") + ") gives a manual check instead of a fail. That this is to stand in the profile or the terms it links to is the communications unit's reading of the policy's advice on preventive measures (“should”).",
	}
}

// fixModeration names the platform's place for the profile text.
func fixModeration(acc scanner.Account) Text {
	at := placeOf(acc).text
	return Text{
		SV: "Skriv i " + at.SV + ", eller på en villkorssida som den länkar till, vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll, till exempel: ”Ställ frågor om vår verksamhet här. Inlägg som bryter mot våra regler tas bort. Anmäl kränkande innehåll till oss.”",
		EN: "Write in " + at.EN + ", or on a terms page it links to, what the comments are for, that posts breaking the rules are removed and how to report abusive content, for example: “Ask questions about our work here. Posts breaking our rules are removed. Report abusive content to us.”",
	}
}

// moderatedProfile is Kulturförvaltningen's profile with comment rules in
// its note.
func moderatedProfile() scanner.Profile {
	p := demoProfile()
	rules := "Ställ frågor om kulturen i Stockholm här. Kommentarer som bryter mot våra regler tas bort. Anmäl kränkande innehåll till kultur@stockholm.se."
	p.Description += "\n\n" + rules
	p.Text = scanner.JoinText(p.Text, rules)
	return p
}

// moderationSamples: comment rules in the note; Kulturförvaltningen's
// note, which links to its terms without saying them; Sommarskolan,
// which says nothing and links nowhere.
var moderationSamples = []Sample{
	{Name: "comment rules in the note", Result: demoFetched(moderatedProfile()), Want: Pass},
	{Name: "Kulturförvaltningen: links to its terms", Result: demoFetched(demoProfile()), Want: Manual},
	{Name: "Sommarskolan: no rules, no link", Result: sommarskolan(), Want: Fail},
}
