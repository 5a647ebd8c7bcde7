// Package reports writes every report of a judged scan into a folder:
// results.json (reports/jsonout), the overview workbook and PDF
// (reports/xlsx, reports/pdf) and one workbook and PDF per
// administration, each file atomically, with the folder's manifest. The
// numbers every report shows are computed once, in the model package's
// Build; the writers only lay them out, and reports/responses reads the
// workbooks administrations return.
package reports
