package model_test

import (
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestCoverageText: the sentence beside a share, in Swedish number format
// and plurals, naming the unread and unreached accounts.
func TestCoverageText(t *testing.T) {
	tests := []struct {
		name   string
		c      model.Coverage
		sv, en string
	}{
		{"all read", model.Coverage{Points: 36, Automated: 20, Manual: 16, Accounts: 4},
			"20 av 36 kontrollpunkter bedömdes automatiskt; alla konton kunde läsas",
			"20 of 36 checkpoints assessed automatically; every account could be read"},
		{"one unread", model.Coverage{Points: 36, Automated: 20, Manual: 14, Error: 2, Accounts: 4, Unreadable: 1},
			"20 av 36 kontrollpunkter bedömdes automatiskt; 1 konto kunde inte läsas",
			"20 of 36 checkpoints assessed automatically; 1 account could not be read"},
		{"thousands", model.Coverage{Points: 9000, Automated: 7245, Accounts: 1000, Unreadable: 1234},
			"7\u00a0245 av 9\u00a0000 kontrollpunkter bedömdes automatiskt; 1\u00a0234 konton kunde inte läsas",
			"7,245 of 9,000 checkpoints assessed automatically; 1,234 accounts could not be read"},
		{"one point, one account", model.Coverage{Points: 1, Automated: 1, Accounts: 1},
			"1 av 1 kontrollpunkt bedömdes automatiskt; kontot kunde läsas",
			"1 of 1 checkpoint assessed automatically; the account could be read"},
		{"nothing automated", model.Coverage{Points: 9, Manual: 9, Accounts: 1},
			"Ingen av 9 kontrollpunkter kunde bedömas automatiskt; kontot kunde läsas",
			"None of 9 checkpoints could be assessed automatically; the account could be read"},
		{"unsupported platforms", model.Coverage{Points: 27, Automated: 10, Manual: 16, Error: 1, Accounts: 3, Unreadable: 1, Unsupported: 1},
			"10 av 27 kontrollpunkter bedömdes automatiskt; 1 konto kunde inte läsas; 1 konto finns på en plattform som inte läses automatiskt",
			"10 of 27 checkpoints assessed automatically; 1 account could not be read; 1 account is on a platform not read automatically"},
		{"nothing at all", model.Coverage{},
			"Ingen kontrollpunkt kunde bedömas automatiskt", "No checkpoint could be assessed automatically"},
		{"interrupted", model.Coverage{Points: 18, Automated: 10, Accounts: 5, NotReached: 3},
			"10 av 18 kontrollpunkter bedömdes automatiskt; alla kontrollerade konton kunde läsas; 3 konton hann inte kontrolleras innan granskningen avbröts",
			"10 of 18 checkpoints assessed automatically; every account checked could be read; 3 accounts not checked before the audit was interrupted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Text("sv"); got != tt.sv {
				t.Errorf("sv\n got %q\nwant %q", got, tt.sv)
			}
			if got := tt.c.Text("en"); got != tt.en {
				t.Errorf("en\n got %q\nwant %q", got, tt.en)
			}
		})
	}
}

// TestBuildCoverage: the report's and each administration's coverage add
// up to their counts, and the city's is the sum of the administrations'.
func TestBuildCoverage(t *testing.T) {
	for _, r := range []*model.Report{sampleReport("sv"), checklistReport("sv")} {
		var sum model.Coverage
		for _, a := range r.Administrations {
			c := a.Coverage
			if c.Points != c.Automated+c.Manual+c.Error+c.Waived {
				t.Errorf("%s: %+v: points are not the sum of their kinds", a.Name, c)
			}
			if c.Automated != a.Counts.Pass+a.Counts.Fail || c.Accounts != len(a.Accounts) || c.Unreadable != a.Counts.AccountsUnreadable {
				t.Errorf("%s: coverage %+v does not match counts %+v", a.Name, c, a.Counts)
			}
			var unread, unsupported int
			for _, j := range a.Accounts {
				switch j.Result.Status {
				case scanner.FetchFailed:
					unread++
				case scanner.FetchUnsupported:
					unsupported++
				}
			}
			if c.Unreadable != unread || c.Unsupported != unsupported {
				t.Errorf("%s: %d unreadable, %d unsupported, want %d, %d", a.Name, c.Unreadable, c.Unsupported, unread, unsupported)
			}
			sum.Points += c.Points
			sum.Automated += c.Automated
			sum.Manual += c.Manual
			sum.Error += c.Error
			sum.Waived += c.Waived
			sum.Accounts += c.Accounts
			sum.Unreadable += c.Unreadable
			sum.NotReached += c.NotReached
			sum.Unsupported += c.Unsupported
		}
		if sum != r.Coverage {
			t.Errorf("city coverage %+v, want the administrations' sum %+v", r.Coverage, sum)
		}
		var points int
		for _, j := range r.Accounts {
			for _, f := range j.Findings {
				if f.Status != rules.Status("") {
					points++
				}
			}
		}
		if r.Coverage.Points != points {
			t.Errorf("%d points, want one per finding: %d", r.Coverage.Points, points)
		}
	}
}
