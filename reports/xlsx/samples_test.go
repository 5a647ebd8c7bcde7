package xlsx

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleAsOf         = sample.AsOf
	sampleCatalog      = sample.Catalog
	sampleJudged       = sample.Judged
	sampleReport       = sample.Report
	adminBySlug        = sample.AdminBySlug
	openXLSX           = sample.OpenXLSX
	findCell           = sample.FindCell
	readTable          = sample.ReadTable
	excelizeCol        = sample.ExcelizeCol
	itoa               = sample.RowName
	checklistCatalog   = sample.ChecklistCatalog
	checklistJudged    = sample.ChecklistJudged
	checklistReport    = sample.ChecklistReport
	interruptedJudged  = sample.InterruptedJudged
	interruptedReport  = sample.InterruptedReport
	nothingReadReport  = sample.NothingReadReport
	sampleUnregistered = sample.Unregistered
	unregisteredReport = sample.UnregisteredReport
	xhKey              = sample.XhKey
	xhReport           = sample.XhReport
)

const (
	idrottSlug       = sample.IdrottSlug
	kulturSlug       = sample.KulturSlug
	ostermalmSlug    = sample.OstermalmSlug
	xhOstermalmURL   = sample.XhOstermalmURL
	xhKulturhusetURL = sample.XhKulturhusetURL
)
