// Package reports writes a judged scan: results.json for machines, and an
// Excel workbook and a PDF per administration plus a city-wide overview
// for people, and reads the workbooks administrations return. The numbers
// every report shows are computed once, in the model package's Build; the
// writers here only lay them out.
package reports
