package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// The functions below describe a rule's configured thresholds in words, for
// `smaudit rules` and report appendices.

func quoted(words []string, open, close string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = open + w + close
	}
	return strings.Join(q, ", ")
}

func affiliationThresholds(cfg Config) Text {
	t := Text{
		SV: "Fraser för staden: " + quoted(cfg.AffiliationPhrases, "”", "”") + ". Verksamheten: förvaltningen som registret anger",
		EN: "Phrases for the city: " + quoted(cfg.AffiliationPhrases, "“", "”") + ". The administration: as named in the registry",
	}
	var alias []string
	for _, k := range sortedKeys(cfg.AdministrationAliases) {
		alias = append(alias, k+" = "+strings.Join(cfg.AdministrationAliases[k], " / "))
	}
	if len(alias) > 0 {
		t.SV += ", eller ett av dessa namn: " + strings.Join(alias, "; ")
		t.EN += ", or one of these names: " + strings.Join(alias, "; ")
	}
	t.SV += "."
	t.EN += "."
	return t
}

func descriptionThresholds(cfg Config) Text {
	return Text{
		SV: fmt.Sprintf("Minst %s, utan länkar, e-postadresser och telefonnummer. "+readingNote.SV, chars(cfg.DescriptionMinChars).SV, "”en kort beskrivning”"),
		EN: fmt.Sprintf("At least %s, not counting links, e-mail addresses and phone numbers. "+readingNote.EN, chars(cfg.DescriptionMinChars).EN, "“a short description”"),
	}
}

func participationThresholds(cfg Config) Text {
	return Text{
		SV: "Fraser: " + quoted(cfg.ParticipationPhrases, "”", "”") + ". Länkar vars text eller adress innehåller: " + strings.Join(cfg.ParticipationLinkWords, ", ") + ".",
		EN: "Phrases: " + quoted(cfg.ParticipationPhrases, "“", "”") + ". Links whose text or address contains: " + strings.Join(cfg.ParticipationLinkWords, ", ") + ".",
	}
}

func contactThresholds(cfg Config) Text {
	return Text{
		SV: "E-postadress, telefonnummer, mailto:- eller tel:-länk, eller länk vars text eller sökväg innehåller: " + strings.Join(cfg.ContactLinkWords, ", ") + ".",
		EN: "E-mail address, phone number, mailto: or tel: link, or a link whose text or path contains: " + strings.Join(cfg.ContactLinkWords, ", ") + ".",
	}
}

func websiteThresholds(cfg Config) Text {
	list := strings.Join(websiteDomains(cfg, ""), ", ")
	return Text{
		SV: "Länk till " + list + " eller webbplatsen i registrets kolumn Webbplats, med underdomäner. Länkar till själva plattformen räknas inte.",
		EN: "A link to " + list + " or the website in the registry's Webbplats column, subdomains included. Links to the platform itself do not count.",
	}
}

func postingThresholds(cfg Config) Text {
	p := cfg.Posting.Posting
	t := Text{
		SV: fmt.Sprintf("Minst %s egna inlägg per vecka i snitt under de %d dagar som slutar på granskningsdagen. Svar och delningar räknas inte. "+readingNote.SV, decimalSV(p.MinPerWeek, -1), p.WindowDays, "”bör … minst ett par gånger i veckan”"),
		EN: fmt.Sprintf("At least %s own posts a week on average over the %d days ending on the audit date. Replies and reposts do not count. "+readingNote.EN, strconv.FormatFloat(p.MinPerWeek, 'f', -1, 64), p.WindowDays, "“should … at least a couple of times a week”"),
	}
	for _, name := range sortedKeys(cfg.Posting.Platforms) {
		o := cfg.Posting.For(scanner.Platform(name))
		t.SV += fmt.Sprintf(" %s: minst %s per vecka under %d dagar.", name, decimalSV(o.MinPerWeek, -1), o.WindowDays)
		t.EN += fmt.Sprintf(" %s: at least %s a week over %d days.", name, strconv.FormatFloat(o.MinPerWeek, 'f', -1, 64), o.WindowDays)
	}
	return t
}

func inactiveThresholds(cfg Config) Text {
	return Text{
		SV: fmt.Sprintf("Senaste egna inlägget högst %s före granskningsdagen. "+readingNote.SV, days(cfg.InactiveDays).SV, "”inte längre används”"),
		EN: fmt.Sprintf("The latest own post at most %s before the audit date. "+readingNote.EN, days(cfg.InactiveDays).EN, "“no longer in use”"),
	}
}

// readingNote says that a threshold is the communications unit's reading
// of the policy's words (the %s), which name no number.
var readingNote = Text{
	SV: "Gränsen är kommunikationsenhetens tolkning av policyns %s.",
	EN: "The limit is the communications unit's reading of the policy's %s.",
}

func holidayThresholds(cfg Config) Text {
	h := cfg.Holidays
	var sv, en []string
	for _, p := range h.Periods {
		from, to := periodEnd(p.From), periodEnd(p.To)
		sv = append(sv, fmt.Sprintf("%s (%s – %s)", p.Name, from.SV, to.SV))
		en = append(en, fmt.Sprintf("%s (%s – %s)", p.NameEN, from.EN, to.EN))
	}
	return Text{
		SV: fmt.Sprintf("Semesterperioder: %s; helgdagarnas datum enligt den svenska kalendern. Ett meddelande är ett eget inlägg från %s före periodens första dag till och med den dagen med någon av fraserna %s. Perioderna är kommunikationsenhetens tolkning av policyns ”vid semester och helgdagar”.", strings.Join(sv, ", "), days(h.NoticeDaysBefore).SV, quoted(h.NoticePhrases, "”", "”")),
		EN: fmt.Sprintf("Holiday periods: %s; holiday dates from the Swedish calendar. A notice is an own post from %s before the period's first day up to that day holding one of the phrases %s. The periods are the communications unit's reading of the policy's “during holidays and public holidays”.", strings.Join(en, ", "), days(h.NoticeDaysBefore).EN, quoted(h.NoticePhrases, "“", "”")),
	}
}

// monthsSV are the Swedish month names, January first.
var monthsSV = [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// periodEnd words one end of a holiday period: a holiday's name as
// given, a date "MM-DD" as "15 augusti" / "15 August".
func periodEnd(end string) Text {
	t, err := time.Parse("01-02", strings.TrimSpace(end))
	if err != nil {
		return Text{SV: end, EN: end}
	}
	return Text{SV: fmt.Sprintf("%d %s", t.Day(), monthsSV[t.Month()-1]), EN: fmt.Sprintf("%d %s", t.Day(), t.Month())}
}
