// Package workbook holds what the Excel writer (reports/xlsx) and the
// reader of returned workbooks (reports/responses) must agree on: the
// workbooks' words, by which the reader finds sheets and columns, and the
// check column's hash, by which it refuses edited rows. Neither imports
// the other.
package workbook
