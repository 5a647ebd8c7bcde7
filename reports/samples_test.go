package reports

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleAsOf        = sample.AsOf
	sampleCatalog     = sample.Catalog
	sampleJudged      = sample.Judged
	sampleReport      = sample.Report
	adminBySlug       = sample.AdminBySlug
	checklistCatalog  = sample.ChecklistCatalog
	checklistReport   = sample.ChecklistReport
	historyReport     = sample.HistoryReport
	interruptedJudged = sample.InterruptedJudged
	interruptedReport = sample.InterruptedReport
	nothingReadReport = sample.NothingReadReport
	xhFirst           = sample.XhFirst
	xhPrevious        = sample.XhPrevious
	xhReport          = sample.XhReport
)

const (
	idrottSlug       = sample.IdrottSlug
	xhOstermalmURL   = sample.XhOstermalmURL
	xhKulturhusetURL = sample.XhKulturhusetURL
	xhTeaternURL     = sample.XhTeaternURL
)
