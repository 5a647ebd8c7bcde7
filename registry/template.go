package registry

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// templateRows is how many data rows of the template carry drop-downs and
// input validation; a rare register longer than that loses only the help.
const templateRows = 500

// templateStamp is the fixed creation and modification time of every
// template, so that two templates of the same input are the same bytes.
const templateStamp = "2019-06-21T00:00:00Z"

// columnWidths are the widths of the template's columns, by field.
var columnWidths = [fieldCount]float64{
	fieldAdministration: 38,
	fieldName:           30,
	fieldPlatform:       14,
	fieldURL:            46,
	fieldPurpose:        46,
	fieldGoals:          40,
	fieldAudience:       32,
	fieldOwner:          28,
	fieldWebsite:        40,
}

// WriteTemplate writes an empty registry workbook in language lang ("sv",
// the default when empty, or "en") to w. Its sheet "Konton" has the header
// row the loader reads, a frozen header with an autofilter, drop-downs for
// Plattform and for Förvaltning (listing administrations, kept on a hidden
// sheet because an inline list is limited to 255 characters; left out
// when administrations is empty), and input validation on the links of
// the first 500 rows. A second sheet explains each column as the policy
// asks for it. The bytes depend only on the arguments.
func WriteTemplate(w io.Writer, lang string, administrations []string) error {
	t, err := texts(lang)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	for _, step := range []func(*excelize.File, *templateText, []string) error{
		templateProps, templateAccounts, templateInstructions, templateLists,
	} {
		if err := step(f, t, administrations); err != nil {
			return fmt.Errorf("registry template: %w", err)
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("registry template: write: %w", err)
	}
	return nil
}

// templateProps sets the document properties to fixed values.
func templateProps(f *excelize.File, t *templateText, _ []string) error {
	return f.SetDocProps(&excelize.DocProperties{
		Title: t.title, Creator: "smaudit", LastModifiedBy: "smaudit",
		Created: templateStamp, Modified: templateStamp, Language: t.language,
	})
}

// templateAccounts lays out the accounts sheet with its validations.
func templateAccounts(f *excelize.File, t *templateText, administrations []string) error {
	const sheet = registrySheet
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return err
	}
	for fl, h := range t.headers {
		col, err := excelize.ColumnNumberToName(fl + 1)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, col+"1", h); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, columnWidths[fl]); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(int(fieldCount))
	if err := f.SetCellStyle(sheet, "A1", last+"1", bold); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, templateRows+1), nil); err != nil {
		return err
	}
	for _, dv := range templateValidations(t, administrations) {
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// templateValidations returns the drop-downs and input checks of the
// accounts sheet's data rows.
func templateValidations(t *templateText, administrations []string) []*excelize.DataValidation {
	var out []*excelize.DataValidation
	if n := len(listValues(administrations)); n > 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = columnRange(fieldAdministration)
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$A$1:$A$%d", t.lists, n))
		dv.SetError(excelize.DataValidationErrorStyleWarning, t.adminError[0], t.adminError[1])
		out = append(out, dv)
	}
	platform := excelize.NewDataValidation(true)
	platform.Sqref = columnRange(fieldPlatform)
	// The platform names are short and fixed, far under the inline limit.
	_ = platform.SetDropList(t.platforms)
	platform.SetError(excelize.DataValidationErrorStyleStop, t.platformError[0], t.platformError[1])
	out = append(out, platform)

	link := excelize.NewDataValidation(true)
	link.Sqref = columnRange(fieldURL)
	link.Type = "custom"
	link.Formula1 = startsWith(cellOf(fieldURL), "http://", "https://", "@")
	link.SetInput(t.linkPrompt[0], t.linkPrompt[1])
	link.SetError(excelize.DataValidationErrorStyleStop, t.linkError[0], t.linkError[1])
	out = append(out, link)

	website := excelize.NewDataValidation(true)
	website.Sqref = columnRange(fieldWebsite)
	website.Type = "custom"
	website.Formula1 = startsWith(cellOf(fieldWebsite), "http://", "https://")
	website.SetError(excelize.DataValidationErrorStyleStop, t.websiteError[0], t.websiteError[1])
	return append(out, website)
}

// startsWith returns an Excel formula, without its "=", true when cell
// starts with one of prefixes, in any case.
func startsWith(cell string, prefixes ...string) string {
	parts := make([]string, len(prefixes))
	for i, p := range prefixes {
		parts[i] = fmt.Sprintf(`LEFT(%s,%d)="%s"`, cell, len(p), p)
	}
	return "OR(" + strings.Join(parts, ",") + ")"
}

// cellOf returns the first data cell of field f's column, such as "D2".
func cellOf(f field) string {
	col, _ := excelize.ColumnNumberToName(int(f) + 1)
	return col + "2"
}

// columnRange returns the data rows of field f's column, such as "D2:D501".
func columnRange(f field) string {
	col, _ := excelize.ColumnNumberToName(int(f) + 1)
	return fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
}

// listValues returns the administrations worth listing: trimmed, without
// blanks.
func listValues(administrations []string) []string {
	var out []string
	for _, a := range administrations {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}
