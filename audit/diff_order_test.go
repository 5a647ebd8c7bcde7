package audit

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestDiffGroupsSwedishOrder: diff lists administrations and accounts in
// the reports' Swedish order, where byte order would differ: Å before Ä
// (bytes put Ä first), "Café" before "Cafx" (bytes put é after x), and
// "ekot" before "Ekot" (bytes put upper case first).
func TestDiffGroupsSwedishOrder(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)
	to := history.Scan{ID: 2, AsOf: day, Accounts: []history.Account{
		{Key: "1", Administration: "Älvsjö stadsdelsförvaltning", Name: "Älvsjö"},
		{Key: "2", Administration: "Åby", Name: "Cafx"},
		{Key: "3", Administration: "Åby", Name: "Café"},
		{Key: "4", Administration: "Åby", Name: "Ekot"},
		{Key: "5", Administration: "Åby", Name: "ekot"},
	}}
	h := &model.History{Changes: map[model.FindingKey]model.Change{}}
	for _, a := range to.Accounts {
		h.Changes[model.FindingKey{Account: a.Key, Rule: "contact-details"}] = model.Change{Kind: model.ChangeNew}
	}
	var got []string
	for _, l := range DiffGroups("sv", history.Scan{ID: 1}, to, h)[0].Lines {
		got = append(got, l.Administration+" / "+l.Account)
	}
	want := []string{
		"Åby / Café",
		"Åby / Cafx",
		"Åby / ekot",
		"Åby / Ekot",
		"Älvsjö stadsdelsförvaltning / Älvsjö",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}
