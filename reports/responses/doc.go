// Package responses reads the workbooks administrations return: their
// answers and comments on failing findings, refusing rows whose other
// cells were edited. It finds sheets and columns by reports/workbook's
// words and checks rows by its hash, so it never imports the writer.
package responses
