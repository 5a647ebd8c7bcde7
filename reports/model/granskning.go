package model

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/stockholm-stad/smaudit/rules"
)

// Granskning is a report as a Swedish municipal audit report
// (granskningsrapport) opens: a summary a director reads in a minute,
// the assessment, the recommendations, and an introduction saying what
// was audited against what, how, and how far to trust it. Build writes
// it once, so every format says the same.
type Granskning struct {
	// Summary is one paragraph: how the report's accounts stand, better
	// or worse than the previous scan, and the three most important
	// actions.
	Summary rules.Text
	// Assessment are the paragraphs of the bedömning: the overall
	// verdict, the shortcomings by requirement, what the verdict rests on.
	Assessment []rules.Text
	// Recommendations are the actions asked for, most important first, at
	// most MaxRecommendations.
	Recommendations []Recommendation
	// Intro are the introduction's sections: purpose, criteria, scope,
	// what is not audited, method, audit period and reliability.
	Intro []IntroSection
}

// IntroSection is one headed section of a report's introduction.
type IntroSection struct {
	Title, Body rules.Text
}

// Assessment scale: the share of automatically judged checkpoints met
// that the overall verdict calls "mainly" and "partly" meeting the
// policy. The assessment states the scale with the verdict.
const (
	MainlyMet = 0.9
	PartlyMet = 0.7
)

// granskningOf writes the report prose of one scope.
func granskningOf(s *scope) Granskning {
	g := Granskning{Recommendations: recommendations(s)}
	g.Summary = summaryOf(s, g.Recommendations)
	g.Assessment = assessmentOf(s)
	g.Intro = introOf(s)
	return g
}

// summaryOf is the one-minute paragraph.
func summaryOf(s *scope, recs []Recommendation) rules.Text {
	var who rules.Text
	if s.adm != nil {
		n := nounAccount.count(len(s.accounts))
		who = rules.Text{SV: fmt.Sprintf("%s har %s i kontoförteckningen.", s.adm.Name, n.SV),
			EN: fmt.Sprintf("%s has %s in the account registry.", s.adm.Name, n.EN)}
	} else {
		n, m := nounAccount.count(len(s.accounts)), nounAdministration.count(len(s.r.Administrations))
		who = rules.Text{SV: fmt.Sprintf("Granskningen omfattar %s hos %s.", n.SV, m.SV),
			EN: fmt.Sprintf("The audit covers %s of %s.", n.EN, m.EN)}
	}
	cov := s.coverage.text()
	cov = rules.Text{SV: capitalFirst(cov.SV) + ".", EN: capitalFirst(cov.EN) + "."}
	return sentences(who, cov, standing(s), sinceLast(s), missing(s), topActions(recs))
}

// missing counts, in the overview, the accounts discovery found that the
// registry lacks: the policy asks for every account to be reported.
func missing(s *scope) rules.Text {
	if s.adm != nil || len(s.r.Unregistered) == 0 {
		return rules.Text{}
	}
	n := nounAccount.count(len(s.r.Unregistered))
	verb := "were"
	if len(s.r.Unregistered) == 1 {
		verb = "was"
	}
	return rules.Text{SV: fmt.Sprintf("Dessutom hittades %s som saknas i kontoförteckningen.", n.SV),
		EN: fmt.Sprintf("Also, %s missing from the account registry %s found.", n.EN, verb)}
}

// standing says how the accounts stand: the share met, or why there is
// none, and how many accounts fail something.
func standing(s *scope) rules.Text {
	c := s.counts
	if why := c.NoShare(); why != "" {
		return rules.Text{SV: "Ingen andel uppfyllda kan anges: " + L("sv", why) + ".", EN: "No compliance share can be given: " + L("en", why) + "."}
	}
	share := c.Compliance()
	t := rules.Text{
		SV: fmt.Sprintf("Av de automatiskt bedömda kontrollpunkterna är %s uppfyllda (%s av %s).", pct(share), Number("sv", c.Pass), Number("sv", c.Pass+c.Fail)),
		EN: fmt.Sprintf("Of the checkpoints assessed automatically, %s are met (%s of %s).", pct(share), Number("en", c.Pass), Number("en", c.Pass+c.Fail)),
	}
	if c.AccountsFailing == 0 {
		return sentences(t, rules.Text{SV: "Inget konto har någon underkänd punkt.", EN: "No account fails any checkpoint."})
	}
	if c.Accounts == 1 {
		return sentences(t, rules.Text{SV: "Kontot har minst en underkänd punkt.", EN: "The account fails at least one checkpoint."})
	}
	verbEN := "fail"
	if c.AccountsFailing == 1 {
		verbEN = "fails"
	}
	return sentences(t, rules.Text{
		SV: fmt.Sprintf("%s av %s har minst en underkänd punkt.", Number("sv", c.AccountsFailing), nounAccount.count(c.Accounts).SV),
		EN: fmt.Sprintf("%s of %s %s at least one checkpoint.", Number("en", c.AccountsFailing), nounAccount.count(c.Accounts).EN, verbEN),
	})
}

// sinceLast compares with the previous stored scan: better, worse or the
// same by the share met, and the checkpoints fixed and new. Without a
// history nothing is said: the report cannot know.
func sinceLast(s *scope) rules.Text {
	h := s.r.History
	if h == nil {
		return rules.Text{}
	}
	if h.Previous.IsZero() {
		return rules.Text{SV: "Det finns ingen tidigare sparad granskning att jämföra med.", EN: "There is no earlier stored audit to compare with."}
	}
	// The previous scan's points of the administrations in this one: the
	// trend holds those alone.
	var before []TrendPoint
	for _, p := range h.Trend {
		if p.AsOf.Equal(h.Previous) && (s.adm == nil || p.Administration == s.adm.Name) {
			before = append(before, p)
		}
	}
	prev := Date(h.Previous)
	if len(before) == 0 {
		if s.adm == nil {
			return rules.Text{SV: fmt.Sprintf("Inget av kontona fanns med i förra granskningen (%s).", prev),
				EN: fmt.Sprintf("None of the accounts was part of the previous audit (%s).", prev)}
		}
		return rules.Text{SV: fmt.Sprintf("Förvaltningen fanns inte med i förra granskningen (%s).", prev),
			EN: fmt.Sprintf("The administration was not part of the previous audit (%s).", prev)}
	}
	var t rules.Text
	was, is := TrendCounts(before...).Compliance(), s.counts.Compliance()
	switch diff := math.Round((is-was)*100) / 100; {
	case was < 0 || is < 0:
		t = rules.Text{SV: fmt.Sprintf("Jämfört med förra granskningen (%s) kan ingen förändring av andelen uppfyllda anges.", prev),
			EN: fmt.Sprintf("Compared with the previous audit (%s), no change in the compliance share can be given.", prev)}
	case diff > 0:
		t = rules.Text{SV: fmt.Sprintf("Läget är bättre än vid förra granskningen (%s): andelen uppfyllda har ökat från %s till %s.", prev, pct(was), pct(is)),
			EN: fmt.Sprintf("The position is better than at the previous audit (%s): the compliance share rose from %s to %s.", prev, pct(was), pct(is))}
	case diff < 0:
		t = rules.Text{SV: fmt.Sprintf("Läget är sämre än vid förra granskningen (%s): andelen uppfyllda har minskat från %s till %s.", prev, pct(was), pct(is)),
			EN: fmt.Sprintf("The position is worse than at the previous audit (%s): the compliance share fell from %s to %s.", prev, pct(was), pct(is))}
	default:
		t = rules.Text{SV: fmt.Sprintf("Andelen uppfyllda är densamma som vid förra granskningen (%s), %s.", prev, pct(is)),
			EN: fmt.Sprintf("The compliance share is the same as at the previous audit (%s), %s.", prev, pct(is))}
	}
	ch := s.r.ChangesOf(s.accounts)
	var moved []rules.Text
	if ch.Fixed > 0 {
		moved = append(moved, nounPointFixed.count(ch.Fixed))
	}
	if n := ch.New + ch.Reopened; n > 0 {
		moved = append(moved, nounPointNew.count(n))
	}
	if len(moved) == 0 {
		return t
	}
	l := listText(moved)
	return sentences(t, rules.Text{SV: "Sedan dess har " + l.SV + ".", EN: "Since then, " + l.EN + "."})
}

// Counted phrases of what changed since the previous scan, and of the
// accounts an interrupted scan got to.
var (
	nounCheckedAccount = noun{"kontrollerat konto", "kontrollerade konton", "account checked", "accounts checked"}
	nounPointFixed     = noun{"punkt åtgärdats", "punkter åtgärdats", "checkpoint has been fixed", "checkpoints have been fixed"}
	nounPointNew       = noun{"punkt tillkommit", "punkter tillkommit", "checkpoint has started failing", "checkpoints have started failing"}
)

// topActions names the three most important actions.
func topActions(recs []Recommendation) rules.Text {
	if len(recs) == 0 {
		return rules.Text{SV: "Inga åtgärder behövs.", EN: "No action is needed."}
	}
	if len(recs) > 3 {
		recs = recs[:3]
	}
	items := make([]rules.Text, len(recs))
	for i, r := range recs {
		n := nounAccount.count(len(r.Accounts))
		items[i] = rules.Text{SV: fmt.Sprintf("%s (%s)", lowerFirst(r.Text.SV), n.SV), EN: fmt.Sprintf("%s (%s)", lowerFirst(r.Text.EN), n.EN)}
	}
	sv := make([]string, len(items))
	en := make([]string, len(items))
	for i, it := range items {
		sv[i], en[i] = it.SV, it.EN
	}
	// Semicolons, since an action may have an "och" of its own.
	return rules.Text{SV: "Viktigast att göra: " + strings.Join(sv, "; ") + ".", EN: "Most important to do: " + strings.Join(en, "; ") + "."}
}

// assessmentOf is the bedömning: the verdict on the scale, the
// shortcomings by requirement, what the verdict leaves out, closures and
// long unread accounts.
func assessmentOf(s *scope) []rules.Text {
	out := []rules.Text{verdict(s)}
	if t := shortcomings(s); t.SV != "" {
		out = append(out, t)
	}
	if t := incomplete(s); t.SV != "" {
		out = append(out, t)
	}
	if t := closures(s); t.SV != "" {
		out = append(out, t)
	}
	if t := longUnread(s); t.SV != "" {
		out = append(out, t)
	}
	return out
}

// verdict places the share on the assessment scale.
func verdict(s *scope) rules.Text {
	who := s.subject()
	if why := s.counts.NoShare(); why != "" {
		return rules.Text{SV: "Ingen samlad bedömning kan göras eftersom " + L("sv", why) + ".",
			EN: "No overall assessment can be made because " + L("en", why) + "."}
	}
	share := s.counts.Compliance()
	// English agrees with its subject: an administration meets, the
	// city's accounts meet.
	one := s.adm != nil
	var sv, en string
	switch {
	case share >= MainlyMet:
		sv, en = "i huvudsak uppfyller", map[bool]string{true: "mainly meets", false: "mainly meet"}[one]
	case share >= PartlyMet:
		sv, en = "delvis uppfyller", map[bool]string{true: "partly meets", false: "partly meet"}[one]
	default:
		sv, en = "inte uppfyller", map[bool]string{true: "does not meet", false: "do not meet"}[one]
	}
	scale := rules.Text{
		SV: fmt.Sprintf("(Skala: minst %s uppfyllda punkter är ”i huvudsak”, minst %s ”delvis”.)", pct(MainlyMet), pct(PartlyMet)),
		EN: fmt.Sprintf("(Scale: at least %s of checkpoints met is “mainly”, at least %s “partly”.)", pct(MainlyMet), pct(PartlyMet)),
	}
	return sentences(rules.Text{
		SV: fmt.Sprintf("Bedömningen är att %s %s policyns krav, för de kontrollpunkter som kunde bedömas automatiskt (%s uppfyllda).", lowerCity(who.SV, s), sv, pct(share)),
		EN: fmt.Sprintf("The assessment is that %s %s the policy's requirements, for the checkpoints that could be assessed automatically (%s met).", lowerCity(who.EN, s), en, pct(share)),
	}, scale)
}

// lowerCity puts "Stadens konton" inside a sentence; an administration's
// name keeps its capital.
func lowerCity(who string, s *scope) string {
	if s.adm != nil {
		return who
	}
	return lowerFirst(who)
}

// shortcomings lists the failing requirements, heaviest first, with how
// many accounts fail each.
func shortcomings(s *scope) rules.Text {
	type row struct {
		rl   rules.Rule
		fail int
		at   int
	}
	var rows []row
	for i, rl := range s.catalog {
		n := 0
		for _, j := range s.accounts {
			if f, ok := findingOf(j, rl.ID); ok && f.Status == rules.Fail {
				n++
			}
		}
		if n > 0 {
			rows = append(rows, row{rl, n, i})
		}
	}
	if len(rows) == 0 {
		return rules.Text{}
	}
	sort.SliceStable(rows, func(a, b int) bool {
		if x, y := severityOf(rows[a].rl), severityOf(rows[b].rl); x != y {
			return x < y
		}
		return rows[a].fail > rows[b].fail
	})
	// Out of the accounts checked: one an interrupted scan never reached
	// could not fail.
	of := nounAccount.count(len(s.accounts))
	if n := len(Reached(s.accounts)); n < len(s.accounts) {
		of = nounCheckedAccount.count(n)
	}
	items := make([]rules.Text, len(rows))
	for i, r := range rows {
		sev := severityOf(r.rl).Label()
		items[i] = rules.Text{
			SV: fmt.Sprintf("%s (%s av %s, allvarlighetsgrad %s)", r.rl.Section.Title.SV, Number("sv", r.fail), of.SV, sev.SV),
			EN: fmt.Sprintf("%s (%s of %s, severity %s)", r.rl.Section.Title.EN, Number("en", r.fail), of.EN, sev.EN),
		}
	}
	l := listText(items)
	if len(items) == 1 {
		return rules.Text{SV: "Bristen gäller " + l.SV + ".", EN: "The shortcoming concerns " + l.EN + "."}
	}
	return rules.Text{SV: "Bristerna gäller " + l.SV + ".", EN: "The shortcomings concern " + l.EN + "."}
}

// incomplete says what the verdict does not rest on: checkpoints a
// person must judge, accounts not read, waived failures.
func incomplete(s *scope) rules.Text {
	c := s.coverage
	var parts []rules.Text
	if c.Manual > 0 {
		n := nounPoint.count(c.Manual)
		parts = append(parts, rules.Text{SV: n.SV + " kräver manuell kontroll (se checklistan)", EN: n.EN + " need a manual check (see the checklist)"})
	}
	if c.Error > 0 {
		n := nounPoint.count(c.Error)
		parts = append(parts, rules.Text{SV: n.SV + " kunde inte bedömas på konton som inte gick att läsa",
			EN: n.EN + " could not be assessed on accounts that could not be read"})
	}
	if c.Waived > 0 {
		n := nounPoint.count(c.Waived)
		t := rules.Text{SV: n.SV + " är undantagna och räknas inte", EN: n.EN + " are waived and not counted"}
		if c.Waived == 1 {
			t = rules.Text{SV: n.SV + " är undantagen och räknas inte", EN: n.EN + " is waived and not counted"}
		}
		parts = append(parts, t)
	}
	if len(parts) == 0 {
		return rules.Text{}
	}
	l := listText(parts)
	return rules.Text{SV: "Bedömningen är ofullständig: " + l.SV + ".", EN: "The assessment is incomplete: " + l.EN + "."}
}

// closures names the accounts the inactive-account rule proposes to close.
func closures(s *scope) rules.Text {
	if len(s.closure) == 0 {
		return rules.Text{}
	}
	names := make([]string, len(s.closure))
	for i, c := range s.closure {
		names[i] = s.name(c.Account)
	}
	days := nounDay.count(s.r.Meta.InactiveDays)
	n := nounAccount.count(len(s.closure))
	have := "have"
	if len(s.closure) == 1 {
		have = "has"
	}
	return rules.Text{
		SV: fmt.Sprintf("%s har inte haft egna inlägg på minst %s: %s. Policyn säger att ett konto som inte längre används ska avslutas.", n.SV, days.SV, listJoin(names, "och")),
		EN: fmt.Sprintf("%s %s had no own posts for at least %s: %s. The policy says an account no longer in use shall be closed.", n.EN, have, days.EN, listJoin(names, "and")),
	}
}

// longUnread names the accounts that could not be read in two scans or
// more in a row.
func longUnread(s *scope) rules.Text {
	var items []rules.Text
	for _, u := range s.unread {
		if u.Streak >= 2 {
			n := nounScan.count(u.Streak)
			items = append(items, rules.Text{SV: s.name(u.Account) + " vid " + n.SV + " i rad", EN: s.name(u.Account) + " in " + n.EN + " in a row"})
		}
	}
	if len(items) == 0 {
		return rules.Text{}
	}
	l := listText(items)
	return rules.Text{SV: "Konton som inte har kunnat läsas: " + l.SV + ". Så länge de inte kan läsas kan de inte granskas.",
		EN: "Accounts that could not be read: " + l.EN + ". As long as they cannot be read, they cannot be audited."}
}

// capitalFirst starts s with a capital letter.
func capitalFirst(s string) string { return capitalise(rules.Text{SV: s}).SV }
