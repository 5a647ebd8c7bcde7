package model_test

import "github.com/stockholm-stad/smaudit/reports/internal/sample"

// The shared samples (reports/internal/sample) under the names these
// tests have always used.
var (
	sampleReport     = sample.Report
	adminBySlug      = sample.AdminBySlug
	checklistCatalog = sample.ChecklistCatalog
	checklistReport  = sample.ChecklistReport
)

const (
	idrottSlug = sample.IdrottSlug
)
