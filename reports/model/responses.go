package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
)

// ReturnedAnswer is one answer read from a returned administration
// workbook, with where it was written.
type ReturnedAnswer struct {
	Administration string
	Key            FindingKey
	Answer         string // one of ResponseAnswers, in Swedish
	Comment        string
	AsOf           time.Time // the audit date the workbook states
	File, Sheet    string
	Row            int
}

// ExpectedRow is what a finding's row in an administration's workbook
// shows: the account's name and the rule ID.
type ExpectedRow struct {
	Account string
	Rule    string
}

// Expectation is what the scan a workbook was written from says: which
// findings each administration can answer.
type Expectation struct {
	// Administrations maps each administration of the scan to its failing
	// findings and the row each is shown on.
	Administrations map[string]map[FindingKey]ExpectedRow
	// Slugs maps each administration's file base name to its name, so a
	// file named for one administration but holding another's is caught.
	Slugs map[string]string
	// AsOf is the scan's audit date; a workbook stating another is
	// refused. Zero skips the check.
	AsOf time.Time
}

// ExpectationFrom lists a report's failing findings per administration:
// the findings its workbooks offer an answer for.
func ExpectationFrom(r *Report) Expectation {
	e := Expectation{Administrations: map[string]map[FindingKey]ExpectedRow{}, Slugs: map[string]string{}, AsOf: r.Meta.AsOf}
	for _, a := range r.Administrations {
		rows := map[FindingKey]ExpectedRow{}
		for _, j := range a.Accounts {
			acc := j.Result.Account
			for _, f := range j.Findings {
				if f.Status == rules.Fail {
					rows[FindingKey{Account: AccountKey(acc), Rule: f.Rule}] = ExpectedRow{Account: acc.Name, Rule: f.Rule}
				}
			}
		}
		e.Administrations[a.Name] = rows
		e.Slugs[a.Slug] = a.Name
	}
	return e
}

// Problem is something wrong in a returned workbook, where it is.
type Problem struct {
	File    string
	Sheet   string // "" for the workbook as a whole
	Row     int    // 0 for the sheet as a whole
	Message string
}

// Error words the problem with its place: `kulturforvaltningen.xlsx:
// sheet "Resultat", row 7: answer "Kanske" is not one of …`.
func (p Problem) Error() string {
	where := p.File
	if p.Sheet != "" {
		where += fmt.Sprintf(": sheet %q", p.Sheet)
	}
	if p.Row > 0 {
		where += fmt.Sprintf(", row %d", p.Row)
	}
	return where + ": " + p.Message
}

// ResponseKey writes a finding's key as the workbook's hidden key column
// holds it: "<AccountKey>|<rule>".
func ResponseKey(k FindingKey) string { return k.Account + "|" + k.Rule }

// ParseResponseKey reads a key ResponseKey wrote. Rule IDs never hold a
// "|", so the last one splits; an account key may hold one in its query.
func ParseResponseKey(s string) (FindingKey, bool) {
	s = strings.TrimSpace(s)
	i := strings.LastIndex(s, "|")
	if i <= 0 || i == len(s)-1 {
		return FindingKey{}, false
	}
	return FindingKey{Account: s[:i], Rule: s[i+1:]}, true
}

// ParseAnswer reads an answer as an administration may have written it,
// in either report language and any case, and returns it in Swedish.
func ParseAnswer(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, a := range ResponseAnswers {
		if strings.EqualFold(s, a.SV) || strings.EqualFold(s, a.EN) {
			return a.SV, true
		}
	}
	return "", false
}
