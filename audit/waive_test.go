package audit

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/waivers"
)

// TestWaivedFindingLeavesTheFailures: a waiver turns a failure into
// waived after rules.Judge has sorted the findings; the account's list is
// sorted again, so the waived finding moves from among the failures to
// its place after what a person must check.
func TestWaivedFindingLeavesTheFailures(t *testing.T) {
	t.Parallel()
	catalog := rules.All(rules.DefaultConfig())
	const url = "https://mastodon.demo.example/@sommarskolan"
	asOf := time.Date(2026, time.November, 20, 12, 0, 0, 0, rules.Stockholm)
	judged := func() []rules.Judged {
		j := rules.Judged{Result: scanner.Result{Account: scanner.Account{URL: url}}, Findings: []rules.Finding{
			{Rule: "inactive-account", Status: rules.Fail}, // high severity: first of the failures
			{Rule: "contact-details", Status: rules.Fail},
			{Rule: "posting-frequency", Status: rules.Error},
			{Rule: "moderation-info", Status: rules.Manual},
			{Rule: "account-exists", Status: rules.Pass},
		}}
		rules.SortFindings(j.Findings, catalog) // as rules.Judge leaves them
		return []rules.Judged{j}
	}
	ws := []waivers.Waiver{{Account: url, Rule: "inactive-account", Reason: "Pausat över vintern.",
		ApprovedBy: "Per Ek", Expires: time.Date(2027, time.June, 30, 0, 0, 0, 0, rules.Stockholm), File: "w.yaml", Line: 1}}
	order := func(j []rules.Judged) []string {
		var s []string
		for _, f := range j[0].Findings {
			s = append(s, f.Rule+" "+string(f.Status))
		}
		return s
	}

	// What waivers.Apply alone leaves: the waived finding still first.
	before := judged()
	waivers.Apply(before, ws, asOf)
	wantBefore := []string{"inactive-account waived", "contact-details fail", "posting-frequency error", "moderation-info manual", "account-exists pass"}
	if diff := cmp.Diff(wantBefore, order(before)); diff != "" {
		t.Fatalf("the order waivers.Apply leaves has changed (-want +got):\n%s", diff)
	}

	after := judged()
	applyWaivers(after, ws, asOf, catalog)
	want := []string{"contact-details fail", "posting-frequency error", "moderation-info manual", "inactive-account waived", "account-exists pass"}
	if diff := cmp.Diff(want, order(after)); diff != "" {
		t.Errorf("findings after the waivers (-want +got):\n%s", diff)
	}
	if after[0].Findings[3].Waiver == nil || after[0].Findings[3].Waiver.Reason != "Pausat över vintern." {
		t.Errorf("the waived finding lost its waiver: %+v", after[0].Findings[3])
	}
}
