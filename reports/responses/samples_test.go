package responses

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleAsOf  = sample.AsOf
	adminBySlug = sample.AdminBySlug
	openXLSX    = sample.OpenXLSX
	findCell    = sample.FindCell
	readTable   = sample.ReadTable
	excelizeCol = sample.ExcelizeCol
	itoa        = sample.RowName
	xhFirst     = sample.XhFirst
	xhKey       = sample.XhKey
	xhReport    = sample.XhReport
)

const (
	kulturSlug     = sample.KulturSlug
	ostermalmSlug  = sample.OstermalmSlug
	xhOstermalmURL = sample.XhOstermalmURL
	xhTeaternURL   = sample.XhTeaternURL
)
