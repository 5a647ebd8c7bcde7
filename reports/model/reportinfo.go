package model

import "time"

// ReportInfo is who sends a report and how to answer it, from the
// config's report block: every report's first page and the workbook's
// first sheet show it. Empty fields are left out, never invented.
type ReportInfo struct {
	Sender       string // e.g. "Stadsledningskontoret, kommunikationsenheten"
	ContactName  string
	ContactEmail string
	// ReplyBy is the last day to answer, midnight Europe/Stockholm; zero
	// when the config names none. A number of days after the audit date
	// is resolved to this date before the report is built.
	ReplyBy time.Time
	SendTo  string // where the answered workbook goes
}

// IsZero reports whether the config said nothing about the report.
func (i ReportInfo) IsZero() bool { return i == ReportInfo{} }
