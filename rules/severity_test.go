package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEveryRuleHasASeverity(t *testing.T) {
	t.Parallel()
	seen := map[Severity]bool{}
	for _, r := range All(DefaultConfig()) {
		if _, ok := severityLabels[r.Severity]; !ok {
			t.Errorf("%s: severity %d has no label", r.ID, r.Severity)
		}
		seen[r.Severity] = true
	}
	if len(seen) < 3 {
		t.Errorf("the catalogue uses %d severities; a scale nobody uses in full orders nothing", len(seen))
	}
	for _, id := range []string{AccountExists, InactiveAccount} {
		r := ruleByID(t, DefaultConfig(), id)
		if d := ruleByID(t, DefaultConfig(), ContentDescription); r.Severity >= d.Severity {
			t.Errorf("%s weighs %s, not more than a short description (%s)", id, r.Severity.Label().SV, d.Severity.Label().SV)
		}
	}
}

func TestSeverityLabel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s      Severity
		sv, en string
	}{{SeverityHigh, "hög", "high"}, {SeverityMedium, "medel", "medium"}, {SeverityLow, "låg", "low"}, {0, "okänd", "unknown"}}
	for _, tt := range tests {
		if got := tt.s.Label(); got.SV != tt.sv || got.EN != tt.en {
			t.Errorf("Severity(%d).Label() = %+v, want %s/%s", tt.s, got, tt.sv, tt.en)
		}
	}
}

func TestSortFindings(t *testing.T) {
	t.Parallel()
	rs := []Rule{
		{ID: "low-first-in-list", Severity: SeverityLow},
		{ID: "high", Severity: SeverityHigh},
		{ID: "medium-a", Severity: SeverityMedium},
		{ID: "medium-b", Severity: SeverityMedium},
	}
	fs := []Finding{
		{Rule: "low-first-in-list", Status: Fail},
		{Rule: "high", Status: Pass},
		{Rule: "medium-b", Status: Fail},
		{Rule: "unknown", Status: Fail},
		{Rule: "medium-a", Status: Fail},
		{Rule: "high", Status: Manual},
		{Rule: "medium-a", Status: Error},
		{Rule: "medium-b", Status: Waived},
	}
	SortFindings(fs, rs)
	var got []string
	for _, f := range fs {
		got = append(got, string(f.Status)+" "+f.Rule)
	}
	want := []string{
		"fail medium-a", "fail medium-b", "fail low-first-in-list", "fail unknown",
		"error medium-a", "manual high", "waived medium-b", "pass high",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
}

// TestJudgeOrdersFailuresFirst judges the demo's Kulturnatt Stockholm,
// whose account is gone: its one failure (account-exists) leads, before
// the errors of the rules that could not look.
func TestJudgeOrdersFailuresFirst(t *testing.T) {
	t.Parallel()
	j := Judge(All(DefaultConfig()), kulturnatt(), SampleAsOf)
	if len(j.Findings) == 0 || j.Findings[0].Rule != AccountExists || j.Findings[0].Status != Fail {
		t.Fatalf("first finding %+v, want account-exists failing", j.Findings[0])
	}
	for i := 1; i < len(j.Findings); i++ {
		if statusRank[j.Findings[i-1].Status] > statusRank[j.Findings[i].Status] {
			t.Errorf("finding %d (%s) before %d (%s)", i-1, j.Findings[i-1].Status, i, j.Findings[i].Status)
		}
	}
}
