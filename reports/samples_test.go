package reports

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleAsOf        = sample.AsOf
	sampleCatalog     = sample.Catalog
	sampleJudged      = sample.Judged
	sampleReport      = sample.Report
	historyReport     = sample.HistoryReport
	interruptedJudged = sample.InterruptedJudged
	interruptedReport = sample.InterruptedReport
)
