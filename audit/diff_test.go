package audit

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestDiffGroups: every kind is listed in its fixed order, even when
// empty, and each kind's lines are sorted by administration, account and
// rule whatever order the changes come in.
func TestDiffGroups(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)
	from := history.Scan{ID: 1, AsOf: day, Accounts: []history.Account{
		{Key: "gone", Administration: "Kulturförvaltningen", Name: "Borta"},
	}}
	to := history.Scan{ID: 2, AsOf: day.AddDate(0, 3, 0), Accounts: []history.Account{
		{Key: "b", Administration: "Kulturförvaltningen", Name: "Bloggen", Findings: []history.Finding{{Rule: "contact-details", Message: "saknar kontakt"}}},
		{Key: "a", Administration: "Kulturförvaltningen", Name: "Arkivet", Findings: []history.Finding{{Rule: "posting-frequency", Message: "för få inlägg"}}},
		{Key: "z", Administration: "Arbetsmarknadsförvaltningen", Name: "Zeta"},
	}}
	h := &model.History{Changes: map[model.FindingKey]model.Change{
		{Account: "b", Rule: "contact-details"}:   {Kind: model.ChangeNew},
		{Account: "a", Rule: "posting-frequency"}: {Kind: model.ChangeNew},
		{Account: "z", Rule: "website-link"}:      {Kind: model.ChangeNew},
		{Account: "a", Rule: "contact-details"}:   {Kind: model.ChangeNew},
		{Account: "gone", Rule: "account-exists"}: {Kind: model.ChangeFixed},
	}}
	got := DiffGroups("en", from, to, h)
	var kinds []model.ChangeKind
	for _, g := range got {
		kinds = append(kinds, g.Kind)
	}
	if diff := cmp.Diff([]model.ChangeKind{model.ChangeNew, model.ChangeReopened, model.ChangePersisting, model.ChangeFixed}, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	type row struct{ admin, account, rule, message string }
	var newRows []row
	for _, l := range got[0].Lines {
		newRows = append(newRows, row{l.Administration, l.Account, l.Rule, l.Message})
		if l.Change == "" {
			t.Errorf("%s · %s: no change label", l.Account, l.Rule)
		}
	}
	want := []row{
		{"Arbetsmarknadsförvaltningen", "Zeta", "website-link", ""},
		{"Kulturförvaltningen", "Arkivet", "contact-details", ""},
		{"Kulturförvaltningen", "Arkivet", "posting-frequency", "för få inlägg"},
		{"Kulturförvaltningen", "Bloggen", "contact-details", "saknar kontakt"},
	}
	if diff := cmp.Diff(want, newRows, cmp.AllowUnexported(row{})); diff != "" {
		t.Errorf("new lines (-want +got):\n%s", diff)
	}
	if len(got[1].Lines) != 0 || len(got[2].Lines) != 0 {
		t.Errorf("reopened %d, persisting %d lines; want none", len(got[1].Lines), len(got[2].Lines))
	}
	if len(got[3].Lines) != 1 || got[3].Lines[0].Account != "Borta" {
		t.Errorf("fixed lines %+v; want the account only the earlier scan has, by name", got[3].Lines)
	}
}
