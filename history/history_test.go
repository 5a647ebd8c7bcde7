package history

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// quarters stores three quarterly scans of two accounts, the June scan
// run twice: only its second run counts.
//
//	             contact  description  website-link
//	2026-03-31   fail     pass         fail
//	2026-06-30   pass     pass         pass         (first run, replaced)
//	2026-06-30   fail     pass         fail
//	2026-09-30   fail     fail         pass
func quarters(t *testing.T, db *DB) (march, rerun, sept Scan) {
	const adm = "Kulturförvaltningen"
	march = save(t, db, scanOf(t, "2026-03-31",
		acc("a.example", adm, failing("contact"), passing("description"), failing("website-link")),
		acc("old.example", adm, passing("contact"))))
	save(t, db, scanOf(t, "2026-06-30",
		acc("a.example", adm, passing("contact"), passing("description"), passing("website-link"))))
	rerun = save(t, db, scanOf(t, "2026-06-30",
		acc("a.example", adm, failing("contact"), passing("description"), failing("website-link"))))
	sept = save(t, db, scanOf(t, "2026-09-30",
		acc("a.example", adm, failing("contact"), failing("description"), passing("website-link")),
		acc("new.example", adm, passing("contact"))))
	return march, rerun, sept
}

func TestHistoryFor(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	_, rerun, sept := quarters(t, db)
	answers := []StoredResponse{
		{Key: key("a.example", "contact"), Administration: "Kulturförvaltningen", Answer: "Åtgärd planerad", Comment: "I höst", File: "kultur.xlsx", Sheet: "Svar", Row: 2},
		{Key: key("a.example", "website-link"), Administration: "Kulturförvaltningen", Answer: "Åtgärdad", File: "kultur.xlsx", Sheet: "Svar", Row: 3},
	}
	if err := db.SaveResponses(ctx, rerun.ID, answers); err != nil {
		t.Fatal(err)
	}

	t.Run("new scan", func(t *testing.T) {
		cur := sept
		cur.ID = 0
		cur.AsOf = day(t, "2026-12-31")
		got, err := db.HistoryFor(ctx, cur)
		if err != nil {
			t.Fatal(err)
		}
		want := &model.History{
			Previous: sept.AsOf,
			Changes: map[model.FindingKey]model.Change{
				key("a.example", "contact"):     {Kind: model.ChangePersisting, FailingSince: day(t, "2026-03-31")},
				key("a.example", "description"): {Kind: model.ChangePersisting, FailingSince: day(t, "2026-09-30")},
			},
			InactiveScans: map[string]int{},
			UnreadScans:   map[string]int{},
		}
		if d := cmp.Diff(want, got, cmpopts.IgnoreFields(model.History{}, "Trend")); d != "" {
			t.Errorf("HistoryFor (-want +got):\n%s", d)
		}
		var dates []string
		for _, p := range got.Trend {
			dates = append(dates, dateText(p.AsOf))
		}
		if want := "2026-03-31 2026-06-30 2026-09-30 2026-12-31"; strings.Join(dates, " ") != want {
			t.Errorf("trend dates %v, want %s", dates, want)
		}
	})
	t.Run("rerun of a stored date compares with the date before", func(t *testing.T) {
		cur := sept
		cur.ID = 0
		got, err := db.HistoryFor(ctx, cur)
		if err != nil {
			t.Fatal(err)
		}
		want := &model.History{
			Previous: rerun.AsOf,
			Changes: map[model.FindingKey]model.Change{
				key("a.example", "contact"):      {Kind: model.ChangePersisting, FailingSince: day(t, "2026-03-31")},
				key("a.example", "description"):  {Kind: model.ChangeNew},
				key("a.example", "website-link"): {Kind: model.ChangeFixed},
			},
			Added:         []model.AccountRef{{Administration: "Kulturförvaltningen", Name: "Konto new.example", URL: "https://new.example"}},
			InactiveScans: map[string]int{},
			UnreadScans:   map[string]int{},
			Responses: map[model.FindingKey]model.Response{
				key("a.example", "contact"):      {Answer: "Åtgärd planerad", Comment: "I höst", AsOf: rerun.AsOf},
				key("a.example", "website-link"): {Answer: "Åtgärdad", AsOf: rerun.AsOf},
			},
		}
		if d := cmp.Diff(want, got, cmpopts.IgnoreFields(model.History{}, "Trend")); d != "" {
			t.Errorf("HistoryFor (-want +got):\n%s", d)
		}
	})
	t.Run("first scan", func(t *testing.T) {
		cur := scanOf(t, "2026-01-01", acc("a.example", "Kulturförvaltningen", failing("contact")))
		got, err := db.HistoryFor(ctx, cur)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Previous.IsZero() || got.Changes[key("a.example", "contact")].Kind != model.ChangeNew || len(got.Trend) != 1 {
			t.Errorf("HistoryFor before every stored scan = %+v, want no previous scan, the failure new, one trend point", got)
		}
	})
}

func TestDiff(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	march, rerun, sept := quarters(t, db)
	load := func(s Scan) Scan {
		got, err := db.Load(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	got, err := db.Diff(ctx, load(rerun), load(sept))
	if err != nil {
		t.Fatal(err)
	}
	// what a report of the September scan showed
	cur := sept
	cur.ID = 0
	want, err := db.HistoryFor(ctx, cur)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Diff(June, September) differs from the September report's history (-report +diff):\n%s", d)
	}
	if got.Changes[key("a.example", "website-link")].Kind != model.ChangeFixed {
		t.Errorf("Diff(June, September): website-link %v, want fixed", got.Changes[key("a.example", "website-link")])
	}

	skip, err := db.Diff(ctx, load(march), load(sept))
	if err != nil {
		t.Fatal(err)
	}
	wantSkip := map[model.FindingKey]model.Change{
		key("a.example", "contact"):      {Kind: model.ChangePersisting, FailingSince: march.AsOf},
		key("a.example", "description"):  {Kind: model.ChangeNew},
		key("a.example", "website-link"): {Kind: model.ChangeFixed},
	}
	if d := cmp.Diff(wantSkip, skip.Changes); d != "" {
		t.Errorf("Diff(March, September) changes (-want +got):\n%s", d)
	}
	if len(skip.Removed) != 1 || skip.Removed[0].URL != "https://old.example" {
		t.Errorf("Diff(March, September) removed %v, want old.example", skip.Removed)
	}

	if _, err := db.Diff(ctx, load(sept), load(march)); err == nil || !strings.Contains(err.Error(), "later") {
		t.Errorf("Diff(September, March): %v, want an error saying from is later", err)
	}
}

// TestHistoryForLongHistory checks that the history of many stored scans,
// of which the older ones are loaded only in part, is what compare makes
// of the scans loaded whole.
func TestHistoryForLongHistory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	var stored []Scan
	for n := range 12 {
		date := fmt.Sprintf("%d-%02d-15", 2023+n/12, n%12+1)
		contact := passing("contact")
		if n == 0 {
			contact = failing("contact") // fails long ago, then passes
		}
		s := scanOf(t, date,
			acc("a.example", "Kultur", contact, failing("description"), verdict("website-link", rules.Manual)),
			acc(fmt.Sprintf("n%d.example", n), "Kultur", failing(inactiveRule)))
		stored = append(stored, save(t, db, s))
	}
	for i := range stored {
		full, err := db.Load(ctx, stored[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		stored[i] = full
	}
	cur := scanOf(t, "2024-06-30", acc("a.example", "Kultur", failing("contact"), failing("description")))
	got, err := db.HistoryFor(ctx, cur)
	if err != nil {
		t.Fatal(err)
	}
	want := compare(&stored[11], cur, stored[:11])
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("HistoryFor differs from compare of the whole scans (-whole +HistoryFor):\n%s", d)
	}
	if c := got.Changes[key("a.example", "contact")]; c.Kind != model.ChangeReopened {
		t.Errorf("contact, failing only in the oldest scan: %v, want reopened", c)
	}
	if c := got.Changes[key("a.example", "description")]; c.FailingSince != stored[0].AsOf {
		t.Errorf("description, failing in every scan: %+v, want failing since %s", c, dateText(stored[0].AsOf))
	}
	if len(got.Trend) != TrendScans {
		t.Errorf("trend has %d points, want %d", len(got.Trend), TrendScans)
	}
}
