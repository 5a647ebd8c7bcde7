package registry

import (
	"fmt"
	"sort"

	"github.com/stockholm-stad/smaudit/scanner"
)

// policyAsks says, per fact the policy requires of every account, what it
// asks for; a row without the fact gets it as a warning.
var policyAsks = []struct {
	field field
	asks  string
}{
	{fieldPurpose, "a clear purpose linked to the business plan or mission"},
	{fieldGoals, "measurable goals"},
	{fieldAudience, "identified audiences"},
	{fieldOwner, "an appointed owner of the account"},
}

// Check lints a loaded registry without fetching anything. It returns what
// loading found (row problems as errors; missing optional columns and
// duplicate links as warnings) and adds: a link that cannot be an account
// on its platform (error), an administration not in administrations
// (error; compared without regard to case or white space, and skipped
// when administrations is empty), and an empty Syfte, Mål, Målgrupp or
// Ansvarig, which the policy requires (warning). Problems are sorted by
// row, then by column as the file orders them; file-wide ones come first.
func Check(reg *Registry, administrations []string) []Problem {
	out := append([]Problem(nil), reg.Warnings...)
	for i := range out {
		if out[i].Severity == "" {
			out[i].Severity = SeverityWarning
		}
	}
	out = append(out, reg.RowErrors()...)
	known := make(map[string]bool, len(administrations))
	for _, a := range administrations {
		known[headerKey(a)] = true
	}
	for _, acc := range reg.Accounts {
		at := func(f field, sev Severity, msg string) {
			out = append(out, Problem{File: acc.Source, Row: acc.Row, Column: reg.title(f), Message: msg, Severity: sev})
		}
		if msg := platformMismatch(acc); msg != "" {
			at(fieldURL, SeverityError, msg)
		}
		if len(known) > 0 && acc.Administration != "" && !known[headerKey(acc.Administration)] {
			at(fieldAdministration, SeverityError, fmt.Sprintf("%q is not a known administration", acc.Administration))
		}
		for _, p := range policyAsks {
			if reg.has(p.field) && factOf(acc, p.field) == "" {
				at(p.field, SeverityWarning, msgMissing+"; the policy asks for "+p.asks)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Row != out[j].Row {
			return out[i].Row < out[j].Row
		}
		return reg.position(out[i].Column) < reg.position(out[j].Column)
	})
	return out
}

// CheckFile loads the registry at path and checks it like Check. A file
// that lacks a required column or a header row gives those problems as
// errors; only a file that cannot be read as a registry at all gives an
// error.
func CheckFile(path string, administrations []string) ([]Problem, error) {
	reg, err := Load(path)
	if err == nil {
		return Check(reg, administrations), nil
	}
	if ps, ok := problemsOf(err); ok {
		return ps, nil
	}
	return nil, err
}

// problemsOf returns the problems err is made of, when it is one Problem
// or a join of Problems only.
func problemsOf(err error) ([]Problem, bool) {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]Problem, 0, len(errs))
	for _, e := range errs {
		p, ok := e.(Problem)
		if !ok {
			return nil, false
		}
		if p.Severity == "" {
			p.Severity = SeverityError
		}
		out = append(out, p)
	}
	return out, len(out) > 0
}

// title returns field f's header as the file wrote it, or its Swedish
// name for a registry not read from a file.
func (r *Registry) title(f field) string {
	if r.layout != nil && r.layout.index[f] >= 0 {
		return r.layout.title[f]
	}
	return columns[f].swedish
}

// has reports whether the registry's file has a column for f. A missing
// optional column is reported once, as a warning, not on every row.
func (r *Registry) has(f field) bool {
	return r.layout == nil || r.layout.index[f] >= 0
}

// position orders a column header as the file does; problems that name
// no known column sort first.
func (r *Registry) position(title string) int {
	f, ok := headerKeys[headerKey(title)]
	switch {
	case title == "" || !ok:
		return -1
	case r.layout != nil && r.layout.index[f] >= 0:
		return r.layout.index[f]
	}
	return int(f)
}

// factOf returns the value of one of the policy's facts of acc.
func factOf(acc scanner.Account, f field) string {
	switch f {
	case fieldPurpose:
		return acc.Purpose
	case fieldGoals:
		return acc.Goals
	case fieldAudience:
		return acc.Audience
	case fieldOwner:
		return acc.Owner
	}
	return ""
}

// Count counts problems by severity, as Check and CheckFile set it on
// every problem: errors (the registry is not accepted as written) and
// warnings.
func Count(problems []Problem) (errors, warnings int) {
	for _, p := range problems {
		if p.Severity == SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
