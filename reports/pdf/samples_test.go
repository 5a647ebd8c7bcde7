package pdf

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleAsOf            = sample.AsOf
	sampleCatalog         = sample.Catalog
	sampleJudged          = sample.Judged
	sampleReport          = sample.Report
	adminBySlug           = sample.AdminBySlug
	checklistCatalog      = sample.ChecklistCatalog
	checklistJudged       = sample.ChecklistJudged
	checklistReport       = sample.ChecklistReport
	historyAug            = sample.HistoryAug
	historyReport         = sample.HistoryReport
	historyManyReport     = sample.HistoryManyReport
	historyTwoScansReport = sample.HistoryTwoScansReport
	firstScanReport       = sample.FirstScanReport
	interruptedReport     = sample.InterruptedReport
	nothingReadReport     = sample.NothingReadReport
	sampleUnregistered    = sample.Unregistered
	unregisteredReport    = sample.UnregisteredReport
)

const (
	checklistOther = sample.ChecklistOther
	idrottSlug     = sample.IdrottSlug
	ostermalmSlug  = sample.OstermalmSlug
)
