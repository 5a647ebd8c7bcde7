package model

import (
	"fmt"
	"sort"

	"github.com/stockholm-stad/smaudit/rules"
)

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
