package responses

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// responseMaxBytes caps how much a returned workbook may unpack to: far
// above any administration's workbook, far below what would hurt.
const responseMaxBytes = 64 << 20

// ReadResponses reads the answers from a workbook an administration
// returned, as WriteAdministrationXLSX wrote it and a person filled it in.
// name is the file's name, for problems and for the file-name check.
//
// The workbook says whose it is on its summary sheet ("Sammanfattning"
// or "Summary"): the cell right of the label "Förvaltning" /
// "Administration" (B2) names the administration, the cell right of
// "Granskningsdatum" / "Audit date" (B3) the audit date. The findings
// sheet ("Resultat" or "Findings") is read by its header row's labels, in
// either language: the hidden "Nyckel" / "Key" column names each failing
// finding, "Svar" / "Answer" and "Kommentar" / "Comment" hold what the
// administration wrote, and "Konto" / "Account" and "Regel-id" / "Rule
// ID" must still show what the scan showed for that key.
//
// Every problem found is returned, each naming file, sheet and row: an
// administration that is not one of the scan's, a file named for another
// administration, another audit date, a key that is not a failing
// finding of this administration, a row whose account or rule no longer
// matches its key, an answer not in the list, an answer on a row without
// a key, the same finding twice. Empty answers are skipped. A caller
// should store a file's answers only when it has no problems. The error
// is for a file that is not a readable workbook at all.
func ReadResponses(name string, r io.Reader, expected model.Expectation) ([]model.ReturnedAnswer, []model.Problem, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: responseMaxBytes, UnzipXMLSizeLimit: responseMaxBytes})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a readable workbook: %w", name, err)
	}
	defer f.Close()
	rd := &responseReader{f: f, file: filepath.Base(name), expected: expected}
	if !rd.readFacts() {
		return nil, rd.problems, nil
	}
	rd.readFindings()
	return rd.answers, rd.problems, nil
}

// responseReader reads one returned workbook, collecting problems.
type responseReader struct {
	f        *excelize.File
	file     string
	expected model.Expectation
	lang     string // the workbook's language, from its sheet names
	admin    string
	asOf     time.Time
	answers  []model.ReturnedAnswer
	problems []model.Problem
}

func (rd *responseReader) problem(sheet string, row int, format string, args ...any) {
	rd.problems = append(rd.problems, model.Problem{File: rd.file, Sheet: sheet, Row: row, Message: fmt.Sprintf(format, args...)})
}

// sheet finds a sheet named by a label key in either language, and
// takes the workbook's language from the first found.
func (rd *responseReader) sheet(key string) (string, bool) {
	for _, lang := range []string{rd.lang, "sv", "en"} {
		if lang == "" {
			continue
		}
		name := workbook.Label(lang, key)
		if idx, err := rd.f.GetSheetIndex(name); err == nil && idx >= 0 {
			if rd.lang == "" {
				rd.lang = lang
			}
			return name, true
		}
	}
	return workbook.Label("sv", key), false
}

// readFacts reads whose workbook it is and of which audit, and checks
// both against the scan. It reports whether the rows can be read.
func (rd *responseReader) readFacts() bool {
	sheet, ok := rd.sheet("sheet.summary")
	if !ok {
		rd.problem("", 0, "no sheet %q or %q: not an administration's workbook", workbook.Label("sv", "sheet.summary"), workbook.Label("en", "sheet.summary"))
		return false
	}
	rows, err := rd.f.GetRows(sheet)
	if err != nil {
		rd.problem(sheet, 0, "cannot read the sheet: %v", err)
		return false
	}
	admin, adminRow := labelledValue(rows, rd.lang, "meta.administration")
	date, dateRow := labelledValue(rows, rd.lang, "meta.asof")
	if admin == "" {
		rd.problem(sheet, adminRow, "no administration next to the label %q", model.L(rd.lang, "meta.administration"))
		return false
	}
	if _, known := rd.expected.Administrations[admin]; !known {
		rd.problem(sheet, adminRow, "administration %q is not one of this audit's", admin)
		return false
	}
	rd.admin = admin
	base := strings.ToLower(strings.TrimSuffix(rd.file, filepath.Ext(rd.file)))
	if other, ok := rd.expected.Slugs[base]; ok && other != admin {
		rd.problem(sheet, adminRow, "the file is named for %s but the workbook is %s's", other, admin)
	}
	day, err := time.ParseInLocation("2006-01-02", date, rules.Stockholm)
	switch {
	case err != nil:
		rd.problem(sheet, dateRow, "audit date %q next to the label %q is not a date (YYYY-MM-DD)", date, model.L(rd.lang, "meta.asof"))
	case !rd.expected.AsOf.IsZero() && model.Date(day) != model.Date(rd.expected.AsOf):
		rd.problem(sheet, dateRow, "the workbook is from the audit of %s, not of %s", model.Date(day), model.Date(rd.expected.AsOf))
	default:
		rd.asOf = day
	}
	return true
}

// labelledValue finds the first row whose first cell reads the label
// key in lang and returns its second cell and its 1-based row; the row
// is 0 when no row has the label.
func labelledValue(rows [][]string, lang, key string) (string, int) {
	label := model.L(lang, key)
	for i, row := range rows {
		if len(row) > 0 && strings.TrimSpace(row[0]) == label {
			if len(row) < 2 {
				return "", i + 1
			}
			return strings.TrimSpace(row[1]), i + 1
		}
	}
	return "", 0
}
