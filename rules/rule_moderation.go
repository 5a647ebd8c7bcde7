package rules

import (
	"strconv"
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

// moderationPart is one thing the profile or its terms must tell, with
// its phrases picked from a ModerationConfig.
type moderationPart struct {
	name    Text
	label   Text
	phrases func(ModerationConfig) []string
}

// moderationParts are the three things the profile must tell, each with
// its phrases picked from a ModerationConfig.
var moderationParts = []moderationPart{
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
			SV: "Att profilen, eller villkorssidan den länkar till, berättar vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll. smaudit följer en länk till villkor per konto; kan sidan inte läsas avgör en person.",
			EN: "That the profile, or the terms page it links to, tells what the comments are for, that posts breaking the rules are removed and how to report abusive content. smaudit follows one link to terms per account; when the page cannot be read, a person decides.",
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

// checkModeration passes an account whose profile, or the terms page it
// links to and the scan followed, tells all three things. The terms are
// judged only when they were read: a page that could not be read (404,
// robots.txt, not HTML) or a link that was not followed hands the account
// to a person with the reason, never a fail. So do a platform that hides
// some of its links and a profile without text or terms.
func checkModeration(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		res := in.Result
		texts := profileTexts(res.Fetched.Profile)
		terms := res.Fetched.Terms
		if len(texts) == 0 && terms == nil {
			return Finding{Status: Manual, Evidence: []Evidence{atProfile(res, Evidence{Label: Text{SV: "Profiltext", EN: "Profile text"}, Value: "–"})}, Message: Text{
				SV: "Plattformen visar ingen profiltext för smaudit. Kontrollera på plattformen om profilen berättar hur kommentarer modereras.",
				EN: "The platform shows smaudit no profile text. Check on the platform whether the profile tells how comments are moderated.",
			}}
		}
		ev, missing := moderationFind(cfg, texts, moderationParts, func(e Evidence) Evidence { return atProfile(res, e) })
		if len(missing) == 0 {
			return Finding{Status: Pass, Evidence: ev, Message: Text{
				SV: "Profilen berättar vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll.",
				EN: "The profile tells what the comments are for, that posts breaking the rules are removed and how to report abusive content.",
			}}
		}
		if terms != nil {
			return judgeTerms(cfg, res, terms, ev, missing)
		}
		lacks := partNames(missing)
		if l, ok := termsLink(cfg, res.Fetched.Profile); ok {
			ev = append(ev, linkEvidence(termsLinkLabel, l.Text, l.URL))
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Profilen säger inte " + lacks.SV + ", men den länkar till villkor som smaudit inte läste. Läs villkoren och avgör om de säger det.",
				EN: "The profile does not say " + lacks.EN + ", but it links to terms smaudit did not read. Read the terms and decide whether they say it.",
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

// termsLinkLabel labels the evidence of the link to the terms.
var termsLinkLabel = Text{SV: "Länk till villkor", EN: "Link to terms"}

// judgeTerms looks for what the profile did not say on the terms page
// the scan followed. Read and silent on any part, it fails; unread or
// without text, a person decides.
func judgeTerms(cfg Config, res *scanner.Result, terms *scanner.TermsPage, ev []Evidence, missing []moderationPart) Finding {
	lacks := partNames(missing)
	text := terms.URL
	if l, ok := termsLink(cfg, res.Fetched.Profile); ok && l.URL == terms.URL {
		text = l.Text
	}
	link := linkEvidence(termsLinkLabel, text, terms.URL)
	if terms.Err != nil {
		why := FetchReason(terms.Err)
		return Finding{Status: Manual, Evidence: append(ev, link, errorEvidence(terms.Err, terms.URL)), Message: Text{
			SV: "Profilen säger inte " + lacks.SV + ". Den länkar till villkor, men smaudit kunde inte läsa sidan: " + why.SV + ". Läs villkoren och avgör om de säger det.",
			EN: "The profile does not say " + lacks.EN + ". It links to terms, but smaudit could not read the page: " + why.EN + ". Read the terms and decide whether they say it.",
		}}
	}
	if strings.TrimSpace(terms.Text) == "" {
		return Finding{Status: Manual, Evidence: append(ev, link), Message: Text{
			SV: "Profilen säger inte " + lacks.SV + ". Den länkar till villkor, men sidan visar ingen text som smaudit kan läsa. Läs villkoren och avgör om de säger det.",
			EN: "The profile does not say " + lacks.EN + ". It links to terms, but the page shows no text smaudit can read. Read the terms and decide whether they say it.",
		}}
	}
	found, still := moderationFind(cfg, []string{proseLines(terms.Text), terms.Text}, missing, func(e Evidence) Evidence {
		e.Label = Text{SV: "Villkoren: " + lowerFirst(e.Label.SV), EN: "The terms: " + lowerFirst(e.Label.EN)}
		e.URL = terms.URL
		return e
	})
	ev = append(append(ev, link), found...)
	if len(still) == 0 {
		return Finding{Status: Pass, Evidence: ev, Message: Text{
			SV: "Profilen och villkoren den länkar till berättar tillsammans vad kommentarerna är till för, att inlägg som bryter mot reglerna tas bort och hur man anmäler kränkande innehåll.",
			EN: "The profile and the terms it links to together tell what the comments are for, that posts breaking the rules are removed and how to report abusive content.",
		}}
	}
	lacks = partNames(still)
	if terms.Cut {
		return Finding{Status: Manual, Evidence: ev, Message: Text{
			SV: "Varken profilen eller början av villkoren den länkar till säger " + lacks.SV + ". Sidan är längre än de " + groupSV(scanner.MaxTermsText/1024) + " kB som smaudit läser: läs resten och avgör om den säger det.",
			EN: "Neither the profile nor the beginning of the terms it links to say " + lacks.EN + ". The page is longer than the " + strconv.Itoa(scanner.MaxTermsText/1024) + " kB smaudit reads: read the rest and decide whether it says it.",
		}}
	}
	return Finding{Status: Fail, Evidence: ev, Message: Text{
		SV: "Varken profilen eller villkoren den länkar till säger " + lacks.SV + ". Policyn anger att användarna bör få veta vad kommentarsfunktionen är till för, att publiceringar kan tas bort och att de bör rapportera kränkande innehåll.",
		EN: "Neither the profile nor the terms it links to say " + lacks.EN + ". The policy says users should be told what the comment function is for, that publications may be removed, and be urged to report abusive content.",
	}}
}

// proseLines keeps the lines of a page's text that end a sentence: a
// phrase found there is shown in its sentence, where a heading ("Det här
// tar vi bort") would show only the heading.
func proseLines(text string) string {
	var keep []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && strings.ContainsAny(l[len(l)-1:], ".!?:") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// moderationFind looks for each part in texts: the evidence of those
// found (placed by at) and the parts not found, in the parts' order.
func moderationFind(cfg Config, texts []string, parts []moderationPart, at func(Evidence) Evidence) (ev []Evidence, missing []moderationPart) {
	for _, part := range parts {
		m, ok := findAny(texts, part.phrases(cfg.Moderation))
		if !ok {
			missing = append(missing, part)
			continue
		}
		ev = append(ev, at(Evidence{Label: part.label, Value: sentenceAround(m.text, m.start, m.end)}))
	}
	return ev, missing
}

// partNames lists the parts' names in both languages: "a, b eller c".
func partNames(parts []moderationPart) Text {
	var sv, en []string
	for _, p := range parts {
		sv = append(sv, p.name.SV)
		en = append(en, p.name.EN)
	}
	return Text{SV: joinList(sv, "eller"), EN: joinList(en, "or")}
}

// TermsLink returns the chooser of an account's terms link that the scan
// follows (scanner/terms): the profile's first web link whose text or
// address holds a participation-link word, the same link moderation-info
// and participation-terms name. The rules keep the words; the scanner,
// which imports no rules, is handed the choice.
func TermsLink(cfg Config) func(scanner.Profile) (scanner.Link, bool) {
	return func(p scanner.Profile) (scanner.Link, bool) { return termsLink(cfg, p) }
}

// termsLink is the profile's first web link whose text or address names
// terms (participation-link-words).
func termsLink(cfg Config, p scanner.Profile) (scanner.Link, bool) {
	for _, l := range profileLinks(p) {
		if !isWebURL(l.URL) {
			continue
		}
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
		SV: "Fraser i profiltexten och på villkorssidan. " + strings.Join(sv, ". ") + ". Den första länken till villkor (" + quoted(cfg.ParticipationLinkWords, "”", "”") + ") följs och sidans huvudtext läses; en sida som inte kan läsas ger manuell kontroll i stället för underkänt. Att detta ska stå i profilen eller villkoren den länkar till är kommunikationsenhetens tolkning av policyns råd om förebyggande åtgärder (”bör”).",
		EN: "Phrases in the profile text and on the terms page. " + strings.Join(en, ". ") + ". The first link to terms (" + quoted(cfg.ParticipationLinkWords, "“", "”") + ") is followed and the page's main text read; a page that cannot be read gives a manual check instead of a fail. That this is to stand in the profile or the terms it links to is the communications unit's reading of the policy's advice on preventive measures (“should”).",
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

// kulturTerms is Kulturförvaltningen's account with its terms page read:
// text, or the reason it could not be.
func kulturTerms(text string, err *scanner.FetchError) scanner.Result {
	res := demoFetched(demoProfile())
	res.Fetched.Terms = &scanner.TermsPage{URL: "https://kultur.stockholm.se/villkor-sociala-medier", Text: text, Err: err}
	return res
}

// kulturTermsText is the comment rules Kulturförvaltningen's terms page
// gives, as the scan keeps its main text.
const kulturTermsText = "Villkor för våra sociala medier\nStäll frågor och diskutera Stockholms kulturliv med oss.\nKommentarer som är kränkande eller innehåller personuppgifter tas bort.\nAnmäl kränkande innehåll till kultur@stockholm.se."

// moderationSamples: comment rules in the note; Kulturförvaltningen's
// note, which links to its terms, with the terms read (saying all, or
// not how to report) and unread (not followed, or a 404); Sommarskolan,
// which says nothing and links nowhere.
var moderationSamples = []Sample{
	{Name: "comment rules in the note", Result: demoFetched(moderatedProfile()), Want: Pass},
	{Name: "Kulturförvaltningen: its terms page says it", Result: kulturTerms(kulturTermsText, nil), Want: Pass},
	{Name: "Kulturförvaltningen: its terms page does not say how to report", Result: kulturTerms(strings.Join(strings.Split(kulturTermsText, "\n")[:3], "\n"), nil), Want: Fail},
	{Name: "Kulturförvaltningen: its terms page answers 404", Result: kulturTerms("", &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 404, URL: "https://kultur.stockholm.se/villkor-sociala-medier"}), Want: Manual},
	{Name: "Kulturförvaltningen: links to its terms, not followed", Result: demoFetched(demoProfile()), Want: Manual},
	{Name: "Sommarskolan: no rules, no link", Result: sommarskolan(), Want: Fail},
}
