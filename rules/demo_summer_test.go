package rules_test

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
)

// TestDemoSummerScan judges the demo as of its August scan (2026-08-21),
// whose posting window 2026-05-23 – 2026-08-21 holds the summer
// 2026-06-19 – 2026-08-15: Kulturförvaltningen announced its summer pace
// on 2026-06-18 and keeps two a week outside the summer, so it passes
// posting-frequency at 1.8 a week; Stadsbiblioteket and SVOA announced
// nothing and fail holiday-notice, whose text names the holiday's dates.
func TestDemoSummerScan(t *testing.T) {
	t.Parallel()
	judged, err := scanDemoSummer()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]rules.Status{
		"Kulturförvaltningen": {rules.PostingFrequency: rules.Pass, rules.HolidayNotice: rules.Pass},
		"Stadsbiblioteket":    {rules.PostingFrequency: rules.Fail, rules.HolidayNotice: rules.Fail},
		"SVOA på Mastodon":    {rules.PostingFrequency: rules.Fail, rules.HolidayNotice: rules.Fail},
	}
	seen := 0
	for _, j := range judged {
		rs, ok := want[j.Result.Account.Name]
		if !ok {
			continue
		}
		for _, f := range j.Findings {
			st, ok := rs[f.Rule]
			if !ok {
				continue
			}
			seen++
			if f.Status != st {
				t.Errorf("%s %s: %s, want %s: %s", j.Result.Account.Name, f.Rule, f.Status, st, f.Message.SV)
			}
			for _, lang := range []string{"sv", "en"} {
				if msg := f.Message.In(lang); !strings.Contains(msg, "2026-06-19 – 2026-08-15") {
					t.Errorf("%s %s (%s) does not name the summer's dates: %q", j.Result.Account.Name, f.Rule, lang, msg)
				}
			}
			if f.Rule == rules.HolidayNotice && f.Status == rules.Fail && !strings.Contains(f.Message.SV, "mellan 2026-05-20 och 2026-06-19") {
				t.Errorf("%s: the failure does not say when the notice was due: %q", j.Result.Account.Name, f.Message.SV)
			}
			if f.Rule == rules.PostingFrequency && f.Status == rules.Pass {
				if !hasLink(f, "https://mastodon.demo.example/@kulturforvaltningen/116769863761951054") {
					t.Errorf("%s: the pass does not link the notice: %+v", j.Result.Account.Name, f.Evidence)
				}
			}
		}
	}
	if seen != 6 {
		t.Errorf("judged %d of the 6 findings", seen)
	}
}

func hasLink(f rules.Finding, url string) bool {
	for _, e := range f.Evidence {
		if e.URL == url {
			return true
		}
	}
	return false
}

// scanDemoSummer scans the demo as of rules.SummerAsOf.
func scanDemoSummer() ([]rules.Judged, error) { return scanDemo(rules.SummerAsOf) }
