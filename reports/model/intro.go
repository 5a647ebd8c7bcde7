package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/stockholm-stad/smaudit/rules"
)

// The policy every report audits against, by its title and the city's
// diary number, as the reports' first pages name it. The title is the
// policy's own, in Swedish in both languages.
const (
	PolicyTitle = "Policy för sociala medier i Stockholms stad"
	PolicyDiary = "KS 2018/1303"
)

// notAudited is what the policy asks that the audit does not look at,
// beside the requirements no rule checks: a reader must not take a good
// report for a clean bill on these.
var notAudited = []rules.Text{
	// Answers to questions in the threads are audited (response-time),
	// the removal of what breaks the rules and private messages are not.
	{SV: "bevakning och moderering av kommentarer (att otillåtna inlägg tas bort) och svaren på frågor i privata meddelanden", EN: "monitoring and moderation of comments (that inadmissible posts are removed) and the answers to questions in private messages"},
	{SV: "hanteringen av inlägg och kommentarer som allmänna handlingar (registrering, arkivering och gallring)", EN: "the handling of posts and comments as public records (registration, archiving and disposal)"},
	{SV: "innehållet och tonen i enskilda inlägg", EN: "the content and tone of single posts"},
	{SV: "konton som inte finns i kontoförteckningen (de som hittas listas för sig)", EN: "accounts missing from the account registry (those found are listed apart)"},
}

// introOf writes the introduction's sections.
func introOf(s *scope) []IntroSection {
	date := Date(s.r.Meta.AsOf)
	return []IntroSection{
		{Title: rules.Text{SV: "Syfte", EN: "Purpose"}, Body: rules.Text{
			SV: "Granskningen visar i vilken utsträckning stadens konton i sociala medier följer stadens policy, så att varje förvaltning och bolag kan rätta bristerna och staden kan följa upp arbetet över tid.",
			EN: "The audit shows how far the city's social media accounts follow the city's policy, so that every administration and company can correct shortcomings and the city can follow up the work over time."}},
		{Title: rules.Text{SV: "Granskningskriterier", EN: "Audit criteria"}, Body: criteria(s)},
		{Title: rules.Text{SV: "Omfattning", EN: "Scope"}, Body: scopeText(s)},
		{Title: rules.Text{SV: "Det här granskas inte", EN: "What is not audited"}, Body: notAuditedText(s)},
		{Title: rules.Text{SV: "Metod", EN: "Method"}, Body: method(s)},
		{Title: rules.Text{SV: "Granskningsperiod", EN: "Audit period"}, Body: period(s, date)},
		{Title: rules.Text{SV: "Hur långt den automatiska granskningen räcker", EN: "How far automated checking can be trusted"}, Body: reliability(s)},
	}
}

// checkedSections are the policy requirements the catalog's rules check,
// in number order, each once.
func checkedSections(catalog []rules.Rule) []rules.Section {
	seen := map[string]bool{}
	var out []rules.Section
	for _, rl := range catalog {
		if rl.Section.Ref != "" && !seen[rl.Section.Ref] {
			seen[rl.Section.Ref] = true
			out = append(out, rl.Section)
		}
	}
	order := map[string]int{}
	for i, sec := range rules.Requirements() {
		order[sec.Ref] = i
	}
	sort.SliceStable(out, func(a, b int) bool { return order[out[a].Ref] < order[out[b].Ref] })
	return out
}

func criteria(s *scope) rules.Text {
	var titles []rules.Text
	for _, sec := range checkedSections(s.catalog) {
		titles = append(titles, sec.Title)
	}
	t := rules.Text{
		SV: fmt.Sprintf("Granskningen utgår från %s (%s).", PolicyTitle, PolicyDiary),
		EN: fmt.Sprintf("The audit is based on the City of Stockholm's social media policy, %s (%s).", PolicyTitle, PolicyDiary),
	}
	if len(titles) > 0 {
		l := listText(titles)
		t = sentences(t, rules.Text{SV: "Den prövar de krav i policyn som gäller varje konto och kontoförteckningen: " + l.SV + ".",
			EN: "It tests the policy's requirements on every account and on the account registry: " + l.EN + "."})
	}
	return sentences(t, rules.Text{
		SV: "Där policyn säger vad som bör göras, till exempel hur ofta det bör publiceras, granskar staden mot kommunikationsenhetens tolkning av kravet; tolkningen står vid varje kontrollpunkt.",
		EN: "Where the policy says what should be done, for example how often to post, the city audits against the communications unit's reading of the requirement; the reading is stated with each checkpoint.",
	})
}

func scopeText(s *scope) rules.Text {
	platforms := map[string]bool{}
	for _, j := range s.accounts {
		name := strings.TrimSpace(j.Result.Account.PlatformName)
		if name == "" {
			name = PlatformName(string(j.Result.Account.Platform))
		}
		if name != "" {
			platforms[name] = true
		}
	}
	names := make([]string, 0, len(platforms))
	for p := range platforms {
		names = append(names, p)
	}
	col := NewCollation()
	sort.Slice(names, func(a, b int) bool { return col.Compare(names[a], names[b]) < 0 })
	n := nounAccount.count(len(s.accounts))
	reg := s.r.Meta.Registry
	var t rules.Text
	if s.adm != nil {
		t = rules.Text{SV: fmt.Sprintf("Granskningen omfattar de %s som %s har i kontoförteckningen (%s).", n.SV, s.adm.Name, reg),
			EN: fmt.Sprintf("The audit covers the %s %s has in the account registry (%s).", n.EN, s.adm.Name, reg)}
		if len(s.accounts) == 1 {
			t = rules.Text{SV: fmt.Sprintf("Granskningen omfattar det konto som %s har i kontoförteckningen (%s).", s.adm.Name, reg),
				EN: fmt.Sprintf("The audit covers the account %s has in the account registry (%s).", s.adm.Name, reg)}
		}
	} else {
		m := nounAdministration.count(len(s.r.Administrations))
		t = rules.Text{SV: fmt.Sprintf("Granskningen omfattar %s hos %s, så som de står i kontoförteckningen (%s).", n.SV, m.SV, reg),
			EN: fmt.Sprintf("The audit covers %s of %s, as listed in the account registry (%s).", n.EN, m.EN, reg)}
	}
	if len(names) > 0 {
		t = sentences(t, rules.Text{SV: "Plattformar: " + listJoin(names, "och") + ".", EN: "Platforms: " + listJoin(names, "and") + "."})
	}
	return t
}

func notAuditedText(s *scope) rules.Text {
	var open []rules.Text
	for _, c := range rules.CheckedBy(s.catalog) {
		if c.Rule == "" {
			open = append(open, c.Requirement.Title)
		}
	}
	sv := make([]string, len(notAudited))
	en := make([]string, len(notAudited))
	for i, t := range notAudited {
		sv[i], en[i] = t.SV, t.EN
	}
	rest := rules.Text{SV: "Den omfattar inte heller " + listJoin(sv, "eller") + ".", EN: "Nor does it cover " + listJoin(en, "or") + "."}
	if len(open) == 0 {
		rest = rules.Text{SV: "Granskningen omfattar inte " + listJoin(sv, "eller") + ".", EN: "The audit does not cover " + listJoin(en, "or") + "."}
		return rest
	}
	l := listText(open)
	req := rules.Text{SV: "Granskningen omfattar inte policyns krav " + l.SV + "; dem bedömer en person.",
		EN: "The audit does not cover the policy's requirements " + l.EN + "; a person judges them."}
	if len(open) == 1 {
		req = rules.Text{SV: "Granskningen omfattar inte policyns krav " + l.SV + "; det bedömer en person.",
			EN: "The audit does not cover the policy's requirement " + l.EN + "; a person judges it."}
	}
	return sentences(req, rest)
}

func method(s *scope) rules.Text {
	n := nounPoint.count(len(s.catalog))
	t := rules.Text{
		SV: fmt.Sprintf("Kontona granskades automatiskt med %s: verktyget hämtade varje kontos offentliga profil och inlägg utan inloggning, genom plattformens öppna gränssnitt eller webbsida, och prövade dem mot %s per konto.", s.r.Meta.GeneratedBy, n.SV),
		EN: fmt.Sprintf("The accounts were audited automatically with %s: the tool fetched each account's public profile and posts without logging in, through the platform's open interface or web page, and tested them against %s per account.", s.r.Meta.GeneratedBy, n.EN),
	}
	t = sentences(t, rules.Text{
		SV: "Varje kontrollpunkt blir godkänd, underkänd, manuell kontroll (en person behöver bedöma den), kunde inte kontrolleras (kontot gick inte att läsa) eller undantagen (en godkänd avvikelse). Plattformar som bara visar konton för inloggade kontrolleras med checklistan för manuell kontroll.",
		EN: "Each checkpoint is passed, failed, a manual check (a person needs to judge it), could not be checked (the account could not be read) or waived (an approved exception). Platforms that only show accounts to logged-in users are checked with the checklist for manual checks.",
	})
	if s.r.History != nil {
		t = sentences(t, rules.Text{SV: "Resultatet jämförs med tidigare sparade granskningar.", EN: "The results are compared with earlier stored audits."})
	}
	return t
}

func period(s *scope, date string) rules.Text {
	t := rules.Text{SV: "Granskningen avser läget den " + date + ".", EN: "The audit concerns the position on " + date + "."}
	for _, id := range []string{rules.PostingFrequency, rules.InactiveAccount} {
		if rl, ok := rules.Find(s.catalog, id); ok && rl.Thresholds.SV != "" {
			t = sentences(t, rules.Text{SV: rl.Section.Title.SV + ": " + fullStop(rl.Thresholds.SV), EN: rl.Section.Title.EN + ": " + fullStop(rl.Thresholds.EN)})
		}
	}
	if h := s.r.History; h != nil && !h.Previous.IsZero() {
		t = sentences(t, rules.Text{SV: "Förra granskningen avsåg den " + Date(h.Previous) + ".", EN: "The previous audit concerned " + Date(h.Previous) + "."})
	}
	return t
}

func reliability(s *scope) rules.Text {
	cov := s.coverage.text()
	return sentences(rules.Text{
		SV: "Den automatiska granskningen läser bara det som syns offentligt och letar efter bestämda formuleringar och länkar (se varje regels gränsvärden). Den kan missa uppgifter i bilder, i fästa inlägg eller bakom inloggning, och en formulering den inte känner igen kan ge en underkänd punkt fast kravet är uppfyllt. Läs därför en underkänd punkt som en fråga att kontrollera, och svara ”Felaktig bedömning” i arbetsboken om den är fel.",
		EN: "The automated audit reads only what is public and looks for set phrases and links (see each rule's thresholds). It can miss details in images, in pinned posts or behind a login, and a phrase it does not recognise can fail a checkpoint that is met. Read a failed checkpoint as a question to check, and answer “Wrong assessment” in the workbook if it is wrong.",
	}, rules.Text{SV: "I den här granskningen: " + lowerFirst(cov.SV) + ".", EN: "In this audit: " + lowerFirst(cov.EN) + "."})
}

// fullStop ends s as a sentence.
func fullStop(s string) string {
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}
