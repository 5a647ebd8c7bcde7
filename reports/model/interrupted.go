package model

import (
	"fmt"
	"strings"

	"github.com/stockholm-stad/smaudit/rules"
)

// interruptedLabels holds the words of an interrupted audit and of a
// compliance share that cannot be shown, Swedish first.
var interruptedLabels = map[string]rules.Text{
	"interrupted.banner": {SV: "Granskningen avbröts: %[1]s av %[2]s kontrollerades.", EN: "The audit was interrupted: %[1]s of %[2]s %[3]s checked."},
	"interrupted.explain": {SV: "Resultaten är ofullständiga och sparas inte i historiken. Konton som inte kontrollerades har inga resultat och listas under ”Ej kontrollerade – granskningen avbröts”; ingen andel uppfyllda visas där sådana konton finns. Kör granskningen igen för en fullständig rapport.",
		EN: "The results are incomplete and are not stored in the history. Accounts that were not checked have no results and are listed under “Not checked – the audit was interrupted”; no compliance share is shown where there are such accounts. Run the audit again for a complete report."},
	"section.notReached": {SV: "Ej kontrollerade – granskningen avbröts", EN: "Not checked – the audit was interrupted"},
	"notReached.explain": {SV: "Granskningen avbröts innan de här kontona kontrollerades. De har inga resultat, varken godkända eller underkända.",
		EN: "The audit was interrupted before these accounts were checked. They have no results, neither pass nor fail."},
	"fetch.not-reached":   {SV: "Ej kontrollerad – granskningen avbröts", EN: "Not checked – the audit was interrupted"},
	"checked.notReached":  {SV: "Ej kontrollerad", EN: "Not reached"},
	"col.notReached":      {SV: "Ej kontrollerade", EN: "Not reached"},
	"change.firstUnsaved": {SV: "Det finns ingen tidigare sparad granskning att jämföra med. Den här granskningen avbröts och sparas inte.", EN: "There is no earlier stored audit to compare with. This audit was interrupted and is not stored."},

	// why a compliance share is not shown (Counts.NoShare)
	"noShare.interrupted":   {SV: "granskningen avbröts innan alla konton kontrollerades", EN: "the audit was interrupted before every account was checked"},
	"noShare.nothingRead":   {SV: "inget konto kunde läsas, bara kontoförteckningen bedömdes", EN: "no account could be read, only the registry was judged"},
	"noShare.nothingJudged": {SV: "inget kunde bedömas", EN: "nothing could be judged"},
}

// InterruptedLine is the sentence an interrupted audit's reports open
// with, over the accounts c counts: "Granskningen avbröts: 14 av 5 000
// konton kontrollerades.", "… 1 av 1 konto kontrollerades."
func InterruptedLine(lang string, c Counts) string {
	// The English verb agrees with the accounts checked: "1 of 7 accounts
	// was checked".
	were := "were"
	if c.Checked() == 1 || c.Accounts == 1 {
		were = "was"
	}
	return fmt.Sprintf(L(lang, "interrupted.banner"), Number(lang, c.Checked()), nounAccount.count(c.Accounts).In(lang), were)
}

// ShareText is c's compliance share as a report shows it beside its
// label: "83 %", or "– (why)" when there is none.
func ShareText(lang string, c Counts) string {
	if why := c.NoShare(); why != "" {
		return L(lang, "value.na") + " (" + L(lang, why) + ")"
	}
	return Percent(c.Compliance())
}

// NoShareNote explains the "–" of a table's compliance column, naming
// each reason that occurs among cs once, in a fixed order; empty when
// every row has a share.
func NoShareNote(lang string, cs ...Counts) string {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.NoShare()] = true
	}
	var why []string
	for _, k := range []string{"noShare.interrupted", "noShare.nothingRead", "noShare.nothingJudged"} {
		if seen[k] {
			why = append(why, L(lang, k))
		}
	}
	if len(why) == 0 {
		return ""
	}
	return L(lang, "col.compliance") + " " + L(lang, "value.na") + ": " + strings.Join(why, "; ") + "."
}

// Reached leaves out the accounts not reached, keeping the order.
func Reached(accounts []*rules.Judged) []*rules.Judged {
	out := make([]*rules.Judged, 0, len(accounts))
	for _, j := range accounts {
		if !IsNotReached(j) {
			out = append(out, j)
		}
	}
	return out
}
