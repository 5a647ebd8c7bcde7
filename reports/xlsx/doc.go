// Package xlsx lays out the report model as Excel workbooks: the
// city-wide overview, one workbook per administration with answer and
// check columns for it to fill in and return, and the workbook of
// accounts missing from the registry. It reads the tables the model's
// Build computed and imports no other writer; the words and check hash
// its reader relies on live in reports/workbook.
package xlsx
