package sample

import (
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// The samples under the names tests use; the definitions beside them keep
// the short unexported names they had as test files.

// AsOf is the audit date of every sample.
var AsOf = sampleAsOf

// Catalog is the two-rule catalog of the basic sample.
func Catalog() []rules.Rule { return sampleCatalog() }

// Judged is the basic sample's judged scan.
func Judged() []rules.Judged { return sampleJudged() }

// Report is the basic sample's report.
func Report(lang string) *model.Report { return sampleReport(lang) }

// The checklist sample's administrations.
const (
	ChecklistAdmin = checklistAdmin
	ChecklistOther = checklistOther
	IdrottSlug     = idrottSlug
)

// ChecklistCatalog is the real rule catalog the checklist sample uses.
func ChecklistCatalog() []rules.Rule { return checklistCatalog() }

// ChecklistJudged is the checklist sample's judged scan.
func ChecklistJudged() []rules.Judged { return checklistJudged() }

// ChecklistReport is the checklist sample's report.
func ChecklistReport(lang string) *model.Report { return checklistReport(lang) }

// HistoryAug is the audit date of the history sample's previous scan.
var HistoryAug = historyAug

// The history sample's administrations.
const (
	HistoryKultur    = historyKultur
	HistoryOstermalm = historyOstermalm
)

// HistoryReport is the sample with three scans of history.
func HistoryReport(lang string) *model.Report { return historyReport(lang) }

// HistoryManyReport has fourteen administrations over ten scans.
func HistoryManyReport(lang string) *model.Report { return historyManyReport(lang) }

// HistoryTwoScansReport has a trend of two scans.
func HistoryTwoScansReport(lang string) *model.Report { return historyTwoScansReport(lang) }

// FirstScanReport is the first stored scan: nothing to compare with.
func FirstScanReport(lang string) *model.Report { return firstScanReport(lang) }

// InterruptedJudged is n accounts of which the first checked were read.
func InterruptedJudged(n, checked int, asOf time.Time, notReached scanner.Result) []rules.Judged {
	return interruptedJudged(n, checked, asOf, notReached)
}

// InterruptedReport is the basic sample with three accounts never reached.
func InterruptedReport(lang string) *model.Report { return interruptedReport(lang) }

// Unregistered is what discovery hands over.
func Unregistered() []model.Unregistered { return sampleUnregistered() }

// UnregisteredReport is the basic sample with list as its discovery.
func UnregisteredReport(lang string, list []model.Unregistered) *model.Report {
	return unregisteredReport(lang, list)
}

// Audit dates of the workbook history sample's earlier scans.
var (
	XhFirst    = xhFirst
	XhPrevious = xhPrevious
)

// Accounts of the workbook history sample.
const (
	XhOstermalmURL   = xhOstermalmURL
	XhKulturhusetURL = xhKulturhusetURL
	XhTeaternURL     = xhTeaternURL
)

// XhKey is the finding key of an account's rule in the history sample.
func XhKey(url, rule string) model.FindingKey { return xhKey(url, rule) }

// XhReport is the workbook history sample's report.
func XhReport(lang string) *model.Report { return xhReport(lang) }

// NothingReadReport has no account read but registry checks passing.
func NothingReadReport() *model.Report { return nothingReadReport() }

// The basic sample's administrations' file names.
const (
	KulturSlug    = "kulturforvaltningen"
	OstermalmSlug = "ostermalms-stadsdelsforvaltning"
)

// GranskningReport is the audit report sample: the demo's shape, the
// real rules, a previous scan in the history.
func GranskningReport(lang string) *model.Report { return granskningReport(lang) }
