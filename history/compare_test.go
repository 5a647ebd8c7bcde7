package history

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

func key(account, rule string) model.FindingKey {
	return model.FindingKey{Account: account, Rule: rule}
}

func TestCompare(t *testing.T) {
	t.Parallel()
	const adm = "Kulturförvaltningen"
	q := func(n int) string {
		return []string{"2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"}[n]
	}
	// one account "a.example" with the given findings, in scan n
	one := func(n int, fs ...Finding) Scan { return scanOf(t, q(n), acc("a.example", adm, fs...)) }
	none := func(n int) Scan { return scanOf(t, q(n), acc("other.example", adm)) }
	persisting := func(n int) model.Change {
		return model.Change{Kind: model.ChangePersisting, FailingSince: day(t, q(n))}
	}
	changes := func(c map[model.FindingKey]model.Change) *model.History {
		return &model.History{Changes: c}
	}
	tests := []struct {
		name    string
		scans   []Scan // stored scans, oldest first; the last is the previous scan
		cur     Scan
		want    *model.History
		compare []string // the History fields compared; nil means Changes
	}{
		{
			name: "first scan: every failure is new",
			cur:  one(4, failing("contact"), passing("description"), verdict("posting-frequency", rules.Error), waived("website-link")),
			want: changes(map[model.FindingKey]model.Change{
				key("a.example", "contact"):      {Kind: model.ChangeNew},
				key("a.example", "website-link"): {Kind: model.ChangeNew},
			}),
			compare: []string{"Changes", "Previous", "Added", "Removed"},
		},
		{
			name:  "new",
			scans: []Scan{one(2, passing("contact")), one(3, passing("contact"))},
			cur:   one(4, failing("contact")),
			want:  changes(map[model.FindingKey]model.Change{key("a.example", "contact"): {Kind: model.ChangeNew}}),
		},
		{
			name:  "persisting since the start of the run over three scans",
			scans: []Scan{one(0, failing("contact")), one(1, passing("contact")), one(2, failing("contact")), one(3, failing("contact"))},
			cur:   one(4, failing("contact")),
			want:  changes(map[model.FindingKey]model.Change{key("a.example", "contact"): persisting(2)}),
		},
		{
			name:  "persisting since the first scan",
			scans: []Scan{one(1, failing("contact")), one(2, failing("contact")), one(3, failing("contact"))},
			cur:   one(4, failing("contact")),
			want:  changes(map[model.FindingKey]model.Change{key("a.example", "contact"): persisting(1)}),
		},
		{
			name:  "fixed only when it passes now",
			scans: []Scan{one(3, failing("contact"), failing("description"), failing("website-link"), failing("affiliation"))},
			cur: one(4, passing("contact"), verdict("description", rules.Manual), verdict("website-link", rules.Error),
				failing("affiliation")),
			want: changes(map[model.FindingKey]model.Change{
				key("a.example", "contact"):     {Kind: model.ChangeFixed},
				key("a.example", "affiliation"): persisting(3),
			}),
		},
		{
			name:  "reopened",
			scans: []Scan{one(1, failing("contact")), one(2, passing("contact")), one(3, verdict("contact", rules.Error))},
			cur:   one(4, failing("contact")),
			want:  changes(map[model.FindingKey]model.Change{key("a.example", "contact"): {Kind: model.ChangeReopened}}),
		},
		{
			name:  "waived findings count by the rule's verdict",
			scans: []Scan{one(2, waived("contact"), failing("description")), one(3, waived("contact"), failing("description"))},
			cur:   one(4, failing("contact"), waived("description")),
			want: changes(map[model.FindingKey]model.Change{
				key("a.example", "contact"):     persisting(2),
				key("a.example", "description"): persisting(2),
			}),
		},
		{
			name:  "an absent account breaks the run",
			scans: []Scan{one(0, failing("contact")), none(1), one(2, failing("contact")), one(3, failing("contact"))},
			cur:   one(4, failing("contact")),
			want:  changes(map[model.FindingKey]model.Change{key("a.example", "contact"): persisting(2)}),
		},
		{
			name:  "back after an absence is reopened",
			scans: []Scan{one(2, failing("contact")), none(3)},
			cur:   one(4, failing("contact")),
			want: &model.History{
				Previous: day(t, q(3)),
				Changes:  map[model.FindingKey]model.Change{key("a.example", "contact"): {Kind: model.ChangeReopened}},
				Added:    []model.AccountRef{{Administration: adm, Name: "Konto a.example", URL: "https://a.example"}},
				Removed:  []model.AccountRef{{Administration: adm, Name: "Konto other.example", URL: "https://other.example"}},
			},
			compare: []string{"Changes", "Previous", "Added", "Removed"},
		},
		{
			name: "added and removed accounts, sorted",
			scans: []Scan{scanOf(t, q(3), acc("gone.example", "Östermalm"), acc("kept.example", "Kultur"),
				acc("also-gone.example", "Kultur"))},
			cur: scanOf(t, q(4), acc("kept.example", "Kultur"), acc("new2.example", "Stadsledningskontoret"),
				acc("new1.example", "Kultur"), acc("new1.example", "Kultur")), // a link listed twice is one account
			want: &model.History{
				Previous: day(t, q(3)),
				Added: []model.AccountRef{
					{Administration: "Kultur", Name: "Konto new1.example", URL: "https://new1.example"},
					{Administration: "Stadsledningskontoret", Name: "Konto new2.example", URL: "https://new2.example"},
				},
				Removed: []model.AccountRef{
					{Administration: "Kultur", Name: "Konto also-gone.example", URL: "https://also-gone.example"},
					{Administration: "Östermalm", Name: "Konto gone.example", URL: "https://gone.example"},
				},
			},
			compare: []string{"Previous", "Added", "Removed"},
		},
		{
			name: "inactive streak",
			scans: []Scan{
				scanOf(t, q(0), acc("a.example", adm, failing(inactiveRule)), acc("b.example", adm, failing(inactiveRule))),
				scanOf(t, q(1), acc("a.example", adm, failing(inactiveRule)), acc("b.example", adm, passing(inactiveRule))),
				scanOf(t, q(2), acc("a.example", adm, waived(inactiveRule)), acc("b.example", adm, failing(inactiveRule))),
				scanOf(t, q(3), acc("a.example", adm, failing(inactiveRule)), acc("b.example", adm, failing(inactiveRule))),
			},
			cur: scanOf(t, q(4), acc("a.example", adm, failing(inactiveRule)), acc("b.example", adm, failing(inactiveRule)),
				acc("c.example", adm, failing(inactiveRule)), acc("d.example", adm, passing(inactiveRule))),
			want: &model.History{
				Changes: map[model.FindingKey]model.Change{
					key("a.example", inactiveRule): persisting(0),
					key("b.example", inactiveRule): persisting(2),
					key("c.example", inactiveRule): {Kind: model.ChangeNew},
				},
				InactiveScans: map[string]int{"a.example": 5, "b.example": 3, "c.example": 1},
			},
			compare: []string{"Changes", "InactiveScans"},
		},
		{
			name: "unread streak",
			scans: []Scan{
				scanOf(t, q(1), unread(acc("a.example", adm)), unread(acc("b.example", adm))),
				scanOf(t, q(2), unread(acc("a.example", adm)), acc("b.example", adm)),
				scanOf(t, q(3), unread(acc("a.example", adm)), unread(acc("b.example", adm)), acc("c.example", adm)),
			},
			cur: scanOf(t, q(4), unread(acc("a.example", adm)), unread(acc("b.example", adm)), unread(acc("c.example", adm)),
				notReached(acc("d.example", adm)), acc("e.example", adm)),
			want:    &model.History{UnreadScans: map[string]int{"a.example": 4, "b.example": 2, "c.example": 1, "d.example": 1}},
			compare: []string{"UnreadScans"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var prev *Scan
			var earlier []Scan
			if n := len(tt.scans); n > 0 {
				prev, earlier = &tt.scans[n-1], tt.scans[:n-1]
			}
			got := compare(prev, tt.cur, earlier)
			fields := tt.compare
			if fields == nil {
				fields = []string{"Changes"}
			}
			opts := cmp.Options{cmpopts.EquateEmpty(), cmpopts.IgnoreFields(model.History{}, ignored(fields)...)}
			if d := cmp.Diff(tt.want, got, opts); d != "" {
				t.Errorf("compare (-want +got):\n%s", d)
			}
		})
	}
}

// unread marks an account as one whose fetch failed.
func unread(a Account) Account {
	a.FetchStatus = string(scanner.FetchFailed)
	return a
}

// notReached marks an account as one an interrupted scan never checked.
func notReached(a Account) Account {
	a.FetchStatus = string(scanner.FetchNotReached)
	return a
}

// ignored lists the History fields not in compared.
func ignored(compared []string) []string {
	var out []string
	for _, f := range []string{"Previous", "Changes", "Added", "Removed", "Trend", "InactiveScans", "UnreadScans", "Responses"} {
		if !contains(compared, f) {
			out = append(out, f)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCompareTrend(t *testing.T) {
	t.Parallel()
	// Ten quarterly scans of two administrations; a third administration
	// only in the past is left out, a fourth is new in the last scan.
	var scans []Scan
	for n := range 10 {
		date := fmt.Sprintf("%d-%02d-28", 2024+(n+1)/4, 3*((n+1)%4)+1)
		accounts := []Account{
			acc("a.example", "Kultur", passing("contact"), failing("description"), waived("website-link")),
			acc("gone.example", "Nedlagd", failing("contact")),
		}
		for i := 0; i < n; i++ { // Stadsledningskontoret gets better each quarter
			accounts = append(accounts, acc(fmt.Sprintf("s%d.example", i), "Stadsledningskontoret",
				passing("contact"), verdict("description", rules.Manual)))
		}
		accounts = append(accounts, acc(fmt.Sprintf("f%d.example", n), "Stadsledningskontoret", failing("contact")))
		if n == 9 {
			accounts = append(accounts[:1:1], accounts[2:]...)
			accounts = append(accounts, acc("n.example", "Ny förvaltning", passing("contact")))
		}
		scans = append(scans, scanOf(t, date, accounts...))
	}
	got := compare(&scans[8], scans[9], scans[:8])
	var want []model.TrendPoint
	for n := 2; n < 10; n++ {
		want = append(want, model.TrendPoint{AsOf: scans[n].AsOf, Administration: "Kultur", Pass: 1, Fail: 1})
	}
	want = append(want, model.TrendPoint{AsOf: scans[9].AsOf, Administration: "Ny förvaltning", Pass: 1})
	for n := 2; n < 10; n++ {
		want = append(want, model.TrendPoint{AsOf: scans[n].AsOf, Administration: "Stadsledningskontoret", Pass: n, Fail: 1})
	}
	if d := cmp.Diff(want, got.Trend); d != "" {
		t.Errorf("trend (-want +got):\n%s", d)
	}
}
