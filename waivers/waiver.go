// Package waivers reads the file of findings a person has accepted, checks
// it against the registry and the rule list, and marks the findings it
// names as waived until the waiver's expiry date.
package waivers

import (
	"fmt"
	"strconv"
	"time"
)

// Waiver is one accepted finding as written in a waivers file.
type Waiver struct {
	Account    string // the account's registry link, as written
	Rule       string // rule ID
	Reason     string
	ApprovedBy string
	// Expires is the last day the waiver applies: midnight at the start of
	// that day in Europe/Stockholm.
	Expires time.Time
	Line    int    // the line the waiver starts on
	File    string // the file's name, as given
	// AccountLine and RuleLine are the lines of those two keys, so an
	// unknown account or rule is reported where it is written.
	AccountLine, RuleLine int
}

// Source names where the waiver was written, "waivers.yaml:12".
func (w Waiver) Source() string {
	return w.File + ":" + strconv.Itoa(w.Line)
}

// Error is a problem at one line of a waivers file.
type Error struct {
	File string
	Line int
	Msg  string
	Err  error // the underlying error, if any
}

// Error implements error: "waivers.yaml:12: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// The keys of a waiver, in the order the messages list them. All are
// required.
const (
	keyAccount    = "account"
	keyRule       = "rule"
	keyReason     = "reason"
	keyApprovedBy = "approved-by"
	keyExpires    = "expires"
)

// keys lists every key a waiver has, in file order.
var keys = []string{keyAccount, keyRule, keyReason, keyApprovedBy, keyExpires}

// dateLayout is how an expiry date is written.
const dateLayout = "2006-01-02"
