package model

import (
	"sort"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// AccountKey identifies an account across scans and files; see
// scanner.Account.Key.
func AccountKey(a scanner.Account) string { return a.Key() }

// FindingKey names one rule's finding on one account across scans.
type FindingKey struct {
	Account string // AccountKey
	Rule    string
}

// ChangeKind says how a finding moved since the previous scan.
type ChangeKind string

// Kinds of change since the previous scan.
const (
	ChangeNew        ChangeKind = "new"        // failing now, not failing in the previous scan, never before
	ChangePersisting ChangeKind = "persisting" // failing now and in the previous scan
	ChangeFixed      ChangeKind = "fixed"      // failing in the previous scan, not now
	ChangeReopened   ChangeKind = "reopened"   // failing now, not in the previous scan, but in an earlier one
)

// Change is one finding's movement since the previous scan.
type Change struct {
	Kind ChangeKind
	// FailingSince is the audit date of the first scan of the current
	// unbroken run of failures (for persisting findings).
	FailingSince time.Time
}

// AccountRef names an account added to or removed from the registry.
type AccountRef struct {
	Administration string
	Name           string
	URL            string
}

// SortAccountRefs orders accounts added or removed as the report orders
// its accounts: by administration, then name, in Swedish order, then
// byte-wise and by link, so every writer and the diff list them alike.
func SortAccountRefs(refs []AccountRef) {
	col := NewCollation()
	sort.Slice(refs, func(i, k int) bool {
		a, b := refs[i], refs[k]
		if c := col.CompareRows([]string{a.Administration, a.Name}, []string{b.Administration, b.Name}); c != 0 {
			return c < 0
		}
		return a.URL < b.URL
	})
}

// TrendPoint is one administration's result in one scan: the stored ones
// and the current one.
type TrendPoint struct {
	AsOf           time.Time
	Administration string
	Pass, Fail     int
	// NotReached counts accounts the scan did not reach (only the current
	// scan can have them: an interrupted scan is never stored).
	NotReached int
	// NoneRead is set when none of the administration's accounts could be
	// read in that scan, so its only verdicts are on the registry row.
	NoneRead bool
}

// Compliance is pass/(pass+fail), or -1 when the point has no share (see
// Counts.NoShare).
func (p TrendPoint) Compliance() float64 { return TrendCounts(p).Compliance() }

// TrendCounts sums trend points of one scan as Counts, so a trend's share
// follows the same rule as the report's.
func TrendCounts(points ...TrendPoint) Counts {
	var c Counts
	for _, p := range points {
		c.Accounts++ // one per point: enough for NoShare, never shown
		c.Pass += p.Pass
		c.Fail += p.Fail
		c.NotReached += p.NotReached
		if !p.NoneRead {
			c.AccountsRead++
		}
	}
	return c
}

// Response is an administration's answer to a failing finding, imported
// from its returned workbook.
type Response struct {
	Answer  string // one of ResponseAnswers, as written in Swedish
	Comment string
	AsOf    time.Time // the audit date of the scan the answer was given to
}

// ResponseAnswers are the answers an administration can give, Swedish
// first; the workbook's drop-down offers them in the report language.
var ResponseAnswers = []struct{ SV, EN string }{
	{"Åtgärdad", "Fixed"},
	{"Åtgärd planerad", "Fix planned"},
	{"Begär undantag", "Exception requested"},
	{"Kontot avslutas", "Account will be closed"},
	{"Felaktig bedömning", "Wrong assessment"},
}

// History is what the stored scans add to a report. Nil when the scan
// keeps no history.
type History struct {
	// Previous is the audit date of the scan compared with; zero when
	// this is the first stored scan.
	Previous time.Time
	Changes  map[FindingKey]Change
	Added    []AccountRef // in the registry now, not in the previous scan
	Removed  []AccountRef // in the previous scan, not in the registry now
	// Trend holds, per administration, the last scans (this one
	// included), oldest first, at most eight.
	Trend []TrendPoint
	// InactiveScans counts, per account, the consecutive scans (this one
	// included) in which inactive-account failed.
	InactiveScans map[string]int
	// UnreadScans counts, per account, the consecutive scans (this one
	// included) in which it could not be read or was not reached.
	UnreadScans map[string]int
	// Responses are the administrations' answers to the previous scan's
	// failing findings that still fail or were fixed.
	Responses map[FindingKey]Response
}
