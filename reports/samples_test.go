package reports

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleAsOf         = sample.AsOf
	sampleCatalog      = sample.Catalog
	sampleJudged       = sample.Judged
	sampleReport       = sample.Report
	adminBySlug        = sample.AdminBySlug
	checklistCatalog   = sample.ChecklistCatalog
	checklistJudged    = sample.ChecklistJudged
	checklistReport    = sample.ChecklistReport
	historyReport      = sample.HistoryReport
	interruptedJudged  = sample.InterruptedJudged
	interruptedReport  = sample.InterruptedReport
	nothingReadReport  = sample.NothingReadReport
	sampleUnregistered = sample.Unregistered
	unregisteredReport = sample.UnregisteredReport
	xhFirst            = sample.XhFirst
	xhPrevious         = sample.XhPrevious
	xhKey              = sample.XhKey
	xhReport           = sample.XhReport
)

const (
	idrottSlug       = sample.IdrottSlug
	kulturSlug       = sample.KulturSlug
	ostermalmSlug    = sample.OstermalmSlug
	xhOstermalmURL   = sample.XhOstermalmURL
	xhKulturhusetURL = sample.XhKulturhusetURL
	xhTeaternURL     = sample.XhTeaternURL
)
