// Package registry loads the communications unit's register of official
// social-media accounts from a CSV or XLSX file into scanner accounts.
//
// Rows are never dropped for being wrong: a row whose values cannot be used
// keeps its place with its problems listed, so every report can show it.
// Only a file that cannot be read as a register at all (unreadable bytes, a
// required column missing) is an error.
package registry

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Registry is a loaded account register.
type Registry struct {
	// Accounts holds every non-empty data row in file order.
	Accounts []scanner.Account
	// Warnings lists what is doubtful about the file as a whole, such as a
	// missing optional column or the same link on two rows.
	Warnings []Problem

	// layout is where the file keeps each column; nil for a registry not
	// parsed from a file.
	layout *layout
}

// Severity says whether a problem stops a registry from being accepted.
type Severity string

// The severities of a Problem. An error is a value that cannot be used as
// written; a warning is something doubtful or incomplete that a person
// should look at.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is one input problem located in a registry file. It is also the
// error returned for a missing required column.
type Problem struct {
	File    string
	Row     int    // spreadsheet row number; zero when the problem is not about one row
	Column  string // header text as written; empty when not about one column
	Message string
	// MessageSV is Message in Swedish, for the reports; empty when the
	// problem has no Swedish wording yet.
	MessageSV string
	// Severity is SeverityError or SeverityWarning. Error leaves it out,
	// so a caller can print warnings with a prefix of its own.
	Severity Severity
}

// Error formats the problem as `file: row 14, column "Länk": message`,
// leaving out the parts that are zero or empty.
func (p Problem) Error() string {
	var where []string
	if p.Row > 0 {
		where = append(where, fmt.Sprintf("row %d", p.Row))
	}
	if p.Column != "" {
		where = append(where, fmt.Sprintf("column %q", p.Column))
	}
	parts := make([]string, 0, 3)
	if p.File != "" {
		parts = append(parts, p.File)
	}
	if len(where) > 0 {
		parts = append(parts, strings.Join(where, ", "))
	}
	parts = append(parts, p.Message)
	return strings.Join(parts, ": ")
}

// RowErrors lists every row problem of every account, in file order, each
// located by file, row and column.
func (r *Registry) RowErrors() []Problem {
	var out []Problem
	for _, acc := range r.Accounts {
		for _, rp := range acc.Problems {
			out = append(out, Problem{File: acc.Source, Row: acc.Row, Column: rp.Column, Message: rp.Message, MessageSV: rp.MessageSV, Severity: SeverityError})
		}
	}
	return out
}

// In words the problem in lang: Swedish ("konton.csv: rad 14, kolumn
// "Länk": …") when it has a Swedish wording and lang is "sv", else as
// Error does.
func (p Problem) In(lang string) string {
	if lang == "en" || p.MessageSV == "" {
		return p.Error()
	}
	var where []string
	if p.Row > 0 {
		where = append(where, fmt.Sprintf("rad %d", p.Row))
	}
	if p.Column != "" {
		where = append(where, fmt.Sprintf("kolumn %q", p.Column))
	}
	parts := []string{}
	if p.File != "" {
		parts = append(parts, p.File)
	}
	if len(where) > 0 {
		parts = append(parts, strings.Join(where, ", "))
	}
	return strings.Join(append(parts, p.MessageSV), ": ")
}

// Load reads the registry at path, choosing the format by its extension
// (.csv or .xlsx). Accounts carry path, as given, as their Source.
func Load(path string) (*Registry, error) {
	var parse func(string, io.Reader) (*Registry, error)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
		parse = ParseCSV
	case ".xlsx":
		parse = ParseXLSX
	case ".xls":
		return nil, fmt.Errorf("%s: the old Excel format .xls is not supported; save the file as .xlsx or .csv", path)
	default:
		return nil, fmt.Errorf("%s: unsupported registry format %q; want a .csv or .xlsx file", path, ext)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read registry: %w", err)
	}
	defer f.Close()
	return parse(path, f)
}
