package audit

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// TestExpectationOf: a returned workbook may answer exactly the scan's
// failing findings, per administration; passes, manual and waived
// findings offered no answer row.
func TestExpectationOf(t *testing.T) {
	t.Parallel()
	asOf := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	s := history.Scan{AsOf: asOf, Accounts: []history.Account{
		{Key: "k1", Administration: "Kulturförvaltningen", Name: "Kulturbloggen", Findings: []history.Finding{
			{Rule: "contact-details", Status: string(rules.Fail)},
			{Rule: "posting-frequency", Status: string(rules.Pass)},
			{Rule: "participation-terms", Status: "waived"},
		}},
		{Key: "k2", Administration: "Östermalms stadsdelsförvaltning", Name: "Östermalm", Findings: []history.Finding{
			{Rule: "city-affiliation", Status: string(rules.Manual)},
		}},
	}}
	got := ExpectationOf(s)
	want := model.Expectation{
		AsOf: asOf,
		Administrations: map[string]map[model.FindingKey]model.ExpectedRow{
			"Kulturförvaltningen":             {{Account: "k1", Rule: "contact-details"}: {Account: "Kulturbloggen", Rule: "contact-details"}},
			"Östermalms stadsdelsförvaltning": {},
		},
		Slugs: map[string]string{
			model.Slug("Kulturförvaltningen"):             "Kulturförvaltningen",
			model.Slug("Östermalms stadsdelsförvaltning"): "Östermalms stadsdelsförvaltning",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("expectation (-want +got):\n%s", diff)
	}
}
