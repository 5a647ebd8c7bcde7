package rules

import "sort"

// Severity is how much a failure of a rule weighs: which failures an
// administration should fix first. Lower values weigh more, so sorting by
// Severity puts the heaviest first.
type Severity int

// Severities. Each rule's choice is argued beside its literal in All.
const (
	// SeverityHigh: the public cannot trust or reach the account as the
	// city's (it does not exist, nobody uses it, nobody is named behind it).
	SeverityHigh Severity = iota + 1
	// SeverityMedium: the account works, but the public or the city lacks
	// something it needs (contact, terms of taking part, activity, an owner).
	SeverityMedium
	// SeverityLow: the profile could serve its readers better (description,
	// link to the website).
	SeverityLow
)

// SeverityName is what reports call a rule's Severity, as a column
// header or before its label: "Allvarlighetsgrad: hög".
var SeverityName = Text{SV: "Allvarlighetsgrad", EN: "Severity"}

// severityLabels words each severity for reports and `smaudit rules`.
var severityLabels = map[Severity]Text{
	SeverityHigh:   {SV: "hög", EN: "high"},
	SeverityMedium: {SV: "medel", EN: "medium"},
	SeverityLow:    {SV: "låg", EN: "low"},
}

// Label names the severity, "hög"/"high"; an unset severity is "okänd".
func (s Severity) Label() Text {
	if t, ok := severityLabels[s]; ok {
		return t
	}
	return Text{SV: "okänd", EN: "unknown"}
}

// statusRank orders verdicts within an account: what needs acting on
// first. A failure comes before an error (we could not look), which comes
// before what a person must check, what was accepted, and what passed.
var statusRank = map[Status]int{Fail: 0, Error: 1, Manual: 2, Waived: 3, Pass: 4}

// SortFindings orders one account's findings as every report shows them:
// by status (failures first), then by the severity of their rule in rs,
// then by the rule's place in rs. A finding whose rule rs lacks goes last
// among its status. The sort is stable, so the order is the same whatever
// order fs started in.
func SortFindings(fs []Finding, rs []Rule) {
	place := make(map[string]int, len(rs))
	sev := make(map[string]Severity, len(rs))
	for i, r := range rs {
		place[r.ID] = i
		sev[r.ID] = r.Severity
	}
	key := func(f Finding) (int, Severity, int) {
		st, ok := statusRank[f.Status]
		if !ok {
			st = len(statusRank)
		}
		p, ok := place[f.Rule]
		if !ok {
			return st, SeverityLow + 1, len(rs)
		}
		return st, sev[f.Rule], p
	}
	sort.SliceStable(fs, func(a, b int) bool {
		sa, va, pa := key(fs[a])
		sb, vb, pb := key(fs[b])
		if sa != sb {
			return sa < sb
		}
		if va != vb {
			return va < vb
		}
		return pa < pb
	})
}
