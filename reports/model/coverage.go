package model

import "github.com/stockholm-stad/smaudit/rules"

// Coverage is how much of the policy's checking a machine could do: the
// figure that stands beside every compliance share, so "100 %" over a
// third of the checkpoints never reads as a verdict on all of them.
type Coverage struct {
	Points    int // checkpoints: one per rule and account checked
	Automated int // judged by the machine, pass or fail: what the share counts
	Manual    int // a person must judge them
	Error     int // could not be judged: the account could not be read
	Waived    int // accepted failures, left out of the share
	Accounts  int // accounts in scope
	// Unreadable counts accounts whose fetch failed.
	Unreadable int
	// NotReached counts accounts an interrupted scan never checked; their
	// checkpoints are not among Points.
	NotReached int
	// Unsupported counts accounts on platforms smaudit does not read (no
	// public surface, no token): read by nobody, judged by a person.
	Unsupported int
}

// coverageOf reads the coverage off finding and account tallies.
func coverageOf(c Counts) Coverage {
	return Coverage{
		Points:     c.Pass + c.Fail + c.Manual + c.Error + c.Waived,
		Automated:  c.Pass + c.Fail,
		Manual:     c.Manual,
		Error:      c.Error,
		Waived:     c.Waived,
		Accounts:   c.Accounts,
		Unreadable: c.AccountsUnreadable,
		NotReached: c.NotReached,
		// What is left: neither read, nor failed, nor unreached.
		Unsupported: c.Accounts - c.AccountsRead - c.AccountsUnreadable - c.NotReached,
	}
}

// Text is the coverage in lang, as it stands beside a share: "20 av 36
// kontrollpunkter bedömdes automatiskt; 1 konto kunde inte läsas". No
// full stop, so a writer can put it in brackets or end it.
func (c Coverage) Text(lang string) string { return c.text().In(lang) }

func (c Coverage) text() rules.Text {
	var t rules.Text
	if c.Automated == 0 {
		t = rules.Text{SV: "Ingen kontrollpunkt kunde bedömas automatiskt", EN: "No checkpoint could be assessed automatically"}
		if c.Points > 0 {
			t = rules.Text{SV: "Ingen av " + nounPoint.count(c.Points).SV + " kunde bedömas automatiskt",
				EN: "None of " + nounPoint.count(c.Points).EN + " could be assessed automatically"}
		}
	} else {
		t = rules.Text{SV: Number("sv", c.Automated) + " av " + nounPoint.count(c.Points).SV + " bedömdes automatiskt",
			EN: Number("en", c.Automated) + " of " + nounPoint.count(c.Points).EN + " assessed automatically"}
	}
	if c.Accounts > 0 {
		t = join(t, "; ", c.readText())
	}
	if c.NotReached > 0 {
		t = join(t, "; ", rules.Text{SV: nounAccount.count(c.NotReached).SV + " hann inte kontrolleras innan granskningen avbröts",
			EN: nounAccount.count(c.NotReached).EN + " not checked before the audit was interrupted"})
	}
	return t
}

// readText says how many accounts could not be read, and how many are
// on platforms not read at all.
func (c Coverage) readText() rules.Text {
	var parts []rules.Text
	if c.Unreadable > 0 {
		parts = append(parts, rules.Text{SV: nounAccount.count(c.Unreadable).SV + " kunde inte läsas", EN: nounAccount.count(c.Unreadable).EN + " could not be read"})
	}
	if c.Unsupported > 0 {
		n := nounAccount.count(c.Unsupported)
		t := rules.Text{SV: n.SV + " finns på plattformar som inte läses automatiskt", EN: n.EN + " are on platforms not read automatically"}
		if c.Unsupported == 1 {
			t = rules.Text{SV: n.SV + " finns på en plattform som inte läses automatiskt", EN: n.EN + " is on a platform not read automatically"}
		}
		parts = append(parts, t)
	}
	if len(parts) > 0 {
		t := parts[0]
		for _, p := range parts[1:] {
			t = join(t, "; ", p)
		}
		return t
	}
	switch {
	case c.NotReached > 0:
		return rules.Text{SV: "alla kontrollerade konton kunde läsas", EN: "every account checked could be read"}
	case c.Accounts == 1:
		return rules.Text{SV: "kontot kunde läsas", EN: "the account could be read"}
	}
	return rules.Text{SV: "alla konton kunde läsas", EN: "every account could be read"}
}

// join puts b after a with sep in both languages.
func join(a rules.Text, sep string, b rules.Text) rules.Text {
	return rules.Text{SV: a.SV + sep + b.SV, EN: a.EN + sep + b.EN}
}
