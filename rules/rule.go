// Package rules turns the city's social-media policy into checks. A rule is
// a value: a stable ID, the policy section it enforces, its titles and
// remediation in Swedish and English, its thresholds, and one check
// function. Rules see only the scanner's normalised model, never a
// platform's raw format, and never read the wall clock.
package rules

import (
	"time"

	_ "time/tzdata" // the audit date is judged in Europe/Stockholm on any machine

	"github.com/stockholm-stad/smaudit/scanner"
)

// Status is the verdict of one rule on one account.
type Status string

// Verdicts. An error is never reported as a failure, nor silently as a pass.
const (
	Pass   Status = "pass"   // the account meets the rule
	Fail   Status = "fail"   // the account does not meet the rule
	Manual Status = "manual" // a person must judge: public data cannot settle it
	Error  Status = "error"  // we could not look: the fetch failed
	Waived Status = "waived" // a person accepted the failure, with a reason, until a date
)

// Text is a piece of prose in both report languages.
type Text struct {
	SV string
	EN string
}

// In returns the text in lang ("sv" or "en"); Swedish is the default.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.SV
}

// Section is one numbered requirement of the policy (see Requirements):
// the part of the policy a rule enforces. No two rules share one.
type Section struct {
	// Ref is the requirement's number, e.g. "4.4": stable forever, and
	// what results.json's policyRef gives.
	Ref string
	// Heading is the policy's heading the requirement stands under.
	Heading Text
	// Title is the number, the heading and, for one item of a list, the
	// item's name: "4.4 Basinformation – kontaktuppgifter", as the
	// reports and `smaudit rules` show it.
	Title Text
	Quote Text // the policy's own words the rule enforces
}

// Rule is one check of the policy.
type Rule struct {
	ID        string // stable forever; appears in results.json
	Section   Section
	Checks    Text // what the rule checks, for `smaudit rules` and reports
	PassTitle Text
	FailTitle Text
	Fix       Text // what to do to fix a failure
	// Severity is how much a failure weighs; reports show it and order an
	// account's findings by it (see SortFindings).
	Severity Severity
	// Question is what a person checking the rule by hand must answer, in
	// the policy's own wording, for the manual checklist.
	Question Text
	// NeedsFetch marks rules that judge fetched data: they are Error when
	// the fetch failed and Manual when the platform is unsupported.
	NeedsFetch bool
	// Thresholds describes the configured thresholds in words, for
	// `smaudit rules`; it is derived from the Config the rule was built with.
	Thresholds Text
	// Samples are accounts the rule must judge a known way: at least one
	// it passes and one it fails (see Sample).
	Samples []Sample
	check   func(in Input) Finding
	// fix, when set, words Fix for one account (see FixFor).
	fix func(acc scanner.Account) Text
	// Record, when set, writes onto the judged account a figure the
	// reports' account tables show beside the verdicts and that only this
	// rule's thresholds define: posting-frequency records the own posts in
	// its window (Judged.OwnPostsInWindow). It is part of the rule's value,
	// in its literal in All, so no rule has a figure that Judge computes
	// behind its back; Judge calls it once the fetch succeeded.
	Record func(in Input, j *Judged)
}

// Input is what a rule judges: one account's scan result on the audit date.
type Input struct {
	Result *scanner.Result
	// AsOf is the audit date: midnight at the start of the as-of day in
	// Europe/Stockholm. Windows end at the end of that day.
	AsOf time.Time
	// Closing, when set, is the administration's answer to an earlier
	// scan that the account will be closed (see JudgeWith); nil when it
	// gave none or the audit keeps no history.
	Closing *ClosingAnswer
}

// Evidence is one fact a rule looked at: a matched sentence, a link, a
// count or a date.
type Evidence struct {
	Label Text   // what the value is, e.g. "Matchad text"
	Value string // the value itself, as found or computed
	// ValueText, when set, is the value as each report language writes
	// it: a figure with a decimal comma in Swedish ("2,6") and a point in
	// English, or a reason in words. Value then holds the technical form
	// results.json keeps ("2.6"). Read it through ValueIn.
	ValueText Text
	// URL is the page a person opens to see the value: the profile, the
	// post, the web page; empty when there is none.
	URL string
	// Source is the address smaudit fetched the value from (an API
	// endpoint, a feed) when it differs from URL; only results.json
	// shows it, for whoever retraces the audit.
	Source string
}

// Finding is a rule's verdict on one account, with its evidence.
type Finding struct {
	Rule      string // rule ID
	Status    Status
	Message   Text // says what was found or what is missing
	Evidence  []Evidence
	PolicyRef string // the rule's Section.Ref
	// Waiver is the waiver naming this finding, applied (Status Waived) or
	// expired (Status as judged, Waiver.Expired set); nil when none.
	Waiver *Waiver
}

// Waiver is a person's acceptance of a failing finding: who approved it,
// why, and until when.
type Waiver struct {
	Reason     string
	ApprovedBy string
	Expires    time.Time // the last day it applies, midnight Europe/Stockholm
	Expired    bool      // past its expiry on the audit date: no longer applies
	Source     string    // where it was written, "waivers.yaml:12"
}
