package registry

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// field is one registry column the loader knows.
type field int

const (
	fieldAdministration field = iota
	fieldName
	fieldPlatform
	fieldURL
	fieldPurpose
	fieldGoals
	fieldAudience
	fieldOwner
	fieldWebsite
	fieldCount
)

// column describes how a field is recognised and how much it matters.
type column struct {
	swedish, english string
	aliases          []string // further accepted header texts, lower case
	required         bool     // missing is fatal
	wanted           bool     // missing is a warning
}

// columns is indexed by field.
var columns = [fieldCount]column{
	fieldAdministration: {swedish: "Förvaltning", english: "Administration", required: true},
	fieldName:           {swedish: "Konto", english: "Account", required: true},
	fieldPlatform:       {swedish: "Plattform", english: "Platform", required: true},
	fieldURL:            {swedish: "Länk", english: "URL", aliases: []string{"link"}, required: true},
	fieldPurpose:        {swedish: "Syfte", english: "Purpose", wanted: true},
	fieldGoals:          {swedish: "Mål", english: "Goals", wanted: true},
	fieldAudience:       {swedish: "Målgrupp", english: "Audience", wanted: true},
	fieldOwner:          {swedish: "Ansvarig", english: "Owner", wanted: true},
	fieldWebsite:        {swedish: "Webbplats", english: "Website"},
}

// headerKeys maps a normalised header text to its field.
var headerKeys = func() map[string]field {
	m := make(map[string]field)
	for f, c := range columns {
		for _, name := range append([]string{c.swedish, c.english}, c.aliases...) {
			m[headerKey(name)] = field(f)
		}
	}
	return m
}()

// headerKey normalises a header cell for matching: Unicode NFC (a Mac may
// write "ä" as "a" plus a combining mark), any run of white space including
// NBSP collapsed, trimmed and lower-cased.
func headerKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// layout says where each known field sits in the rows of one file.
type layout struct {
	index [fieldCount]int    // cell index, or -1 when the column is absent
	title [fieldCount]string // header text as written, trimmed
}

// value returns the trimmed cell of field f in cells, or "" when the column
// is absent or the row is short.
func (l *layout) value(cells []string, f field) string {
	i := l.index[f]
	if i < 0 || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[i])
}

// readHeader maps the header cells of file name (on spreadsheet row row) to
// fields. A missing required column is an error made of one Problem per
// column; a missing wanted column or a repeated one is a warning.
func readHeader(name string, row int, cells []string) (*layout, []Problem, error) {
	l := &layout{}
	for f := range l.index {
		l.index[f] = -1
	}
	var warnings []Problem
	for i, cell := range cells {
		f, ok := headerKeys[headerKey(cell)]
		if !ok {
			continue
		}
		title := strings.TrimSpace(cell)
		if l.index[f] >= 0 {
			warnings = append(warnings, Problem{File: name, Row: row, Column: title,
				Message: fmt.Sprintf("column repeats %q; only the first is read", l.title[f]), Severity: SeverityWarning})
			continue
		}
		l.index[f], l.title[f] = i, title
	}
	var missing []error
	for f, c := range columns {
		if l.index[f] >= 0 {
			continue
		}
		switch {
		case c.required:
			missing = append(missing, Problem{File: name,
				Message: fmt.Sprintf("required column %q (or %q) is missing", c.swedish, c.english), Severity: SeverityError})
		case c.wanted:
			warnings = append(warnings, Problem{File: name,
				Message:  fmt.Sprintf("column %q (or %q) is missing; no account can pass the registry-complete rule", c.swedish, c.english),
				Severity: SeverityWarning})
		}
	}
	if len(missing) > 0 {
		return nil, nil, errors.Join(missing...)
	}
	return l, warnings, nil
}
