package audit

import (
	"slices"
	"testing"

	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestFilesInReadingOrder: results.json, the overview, then each
// administration's files in the report's order, not the map's.
func TestFilesInReadingOrder(t *testing.T) {
	t.Parallel()
	res := &Result{
		Report: &model.Report{Administrations: []*model.Administration{{Name: "Östermalm"}, {Name: "Kultur"}}},
		Written: reports.Written{Results: "results.json", Overview: []string{"oversikt.xlsx", "oversikt.pdf"},
			PerAdministration: map[string][]string{"Kultur": {"kultur.xlsx"}, "Östermalm": {"ostermalm.xlsx", "ostermalm.pdf"}}},
	}
	want := []string{"results.json", "oversikt.xlsx", "oversikt.pdf", "ostermalm.xlsx", "ostermalm.pdf", "kultur.xlsx"}
	if got := res.Files(); !slices.Equal(got, want) {
		t.Errorf("Files() = %v, want %v", got, want)
	}
}
