package registry

import (
	"github.com/stockholm-stad/smaudit/scanner"
)

// record is one row of cells with its spreadsheet row number.
type record struct {
	row   int
	cells []string
}

// build turns the records of file name into a registry. Records after the
// header whose known columns are all blank are skipped; every other one
// becomes an account.
func build(name string, records []record) (*Registry, error) {
	l, reg, rest, err := header(name, records)
	if err != nil {
		return nil, err
	}
	return finish(name, l, reg, rest)
}

// msgNoAccounts is the error of a registry with a header and nothing
// below it: scanning it would store an empty quarter and exit 0.
const (
	msgNoAccounts   = "the registry has no accounts (no filled-in row below the header)"
	msgNoAccountsSV = "förteckningen har inga konton (ingen ifylld rad under rubrikraden)"
)

// finish adds the accounts of the data records after the header to reg,
// and the warnings about duplicate links. A registry without a single
// account is an error.
func finish(name string, l *layout, reg *Registry, rest []record) (*Registry, error) {
	for _, rec := range rest {
		// Cells reach the terminal, the reports and results.json: no
		// escape sequence or bidi override from a spreadsheet gets there.
		for i, c := range rec.cells {
			rec.cells[i] = scanner.CleanText(c)
		}
		acc, ok := account(name, l, rec)
		if ok {
			reg.Accounts = append(reg.Accounts, acc)
		}
	}
	reg.Warnings = append(reg.Warnings, duplicateLinks(name, l.title[fieldURL], reg.Accounts)...)
	reg.layout = l
	if len(reg.Accounts) == 0 {
		return nil, Problem{File: name, Message: msgNoAccounts, MessageSV: msgNoAccountsSV, Severity: SeverityError}
	}
	return reg, nil
}

// header finds and reads the header record, returning the layout, a
// registry holding the header's warnings, and the records after it. The
// header is the first record naming a known column, so a title row above
// it does no harm; without one, the first non-blank record is read as the
// header, for its error to say which columns are missing.
func header(name string, records []record) (*layout, *Registry, []record, error) {
	at := -1
	for i, rec := range records {
		if at < 0 && !blank(rec.cells) {
			at = i
		}
		if namesColumn(rec.cells) {
			at = i
			break
		}
	}
	if at < 0 {
		return nil, nil, nil, Problem{File: name, Message: "the file has no header row", Severity: SeverityError}
	}
	l, warnings, err := readHeader(name, records[at].row, records[at].cells)
	if err != nil {
		return nil, nil, nil, err
	}
	return l, &Registry{Warnings: warnings}, records[at+1:], nil
}

// namesColumn reports whether any cell is a known column header.
func namesColumn(cells []string) bool {
	for _, c := range cells {
		if _, ok := headerKeys[headerKey(c)]; ok {
			return true
		}
	}
	return false
}

// blank reports whether every cell is empty or white space.
func blank(cells []string) bool {
	for _, c := range cells {
		if headerKey(c) != "" {
			return false
		}
	}
	return true
}

// account reads one data record. It reports false for a record whose
// known columns are all blank, such as a spacer row or a stray note in a
// column the registry does not use.
func account(name string, l *layout, rec record) (scanner.Account, bool) {
	var v [fieldCount]string
	empty := true
	for f := range v {
		v[f] = l.value(rec.cells, field(f))
		if v[f] != "" {
			empty = false
		}
	}
	if empty {
		return scanner.Account{}, false
	}
	acc := scanner.Account{
		Source:         name,
		Row:            rec.row,
		Administration: v[fieldAdministration],
		Name:           v[fieldName],
		PlatformName:   v[fieldPlatform],
		Platform:       platformOf(v[fieldPlatform]),
		URL:            v[fieldURL],
		Purpose:        v[fieldPurpose],
		Goals:          v[fieldGoals],
		Audience:       v[fieldAudience],
		Owner:          v[fieldOwner],
		Website:        v[fieldWebsite],
	}
	add := func(f field, t rowText) {
		if t.en != "" {
			acc.Problems = append(acc.Problems, scanner.RowProblem{Column: l.title[f], Message: t.en, MessageSV: t.sv})
		}
	}
	for _, f := range []field{fieldAdministration, fieldName, fieldPlatform} {
		if v[f] == "" {
			add(f, missingText)
		}
	}
	if acc.Platform == scanner.Mastodon {
		add(fieldURL, mastodonText(acc.URL))
	} else {
		add(fieldURL, urlText(acc.URL))
	}
	if acc.Website != "" {
		add(fieldWebsite, urlText(acc.Website))
	}
	return acc, true
}
