package jsonout

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleReport      = sample.Report
	interruptedReport = sample.InterruptedReport
	nothingReadReport = sample.NothingReadReport
	xhFirst           = sample.XhFirst
	xhPrevious        = sample.XhPrevious
	xhReport          = sample.XhReport
)

const (
	xhOstermalmURL   = sample.XhOstermalmURL
	xhKulturhusetURL = sample.XhKulturhusetURL
	xhTeaternURL     = sample.XhTeaternURL
)
