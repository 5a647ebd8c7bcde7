package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAllOrderAndMetadata(t *testing.T) {
	wantIDs := []string{"account-exists", "city-affiliation", "content-description", "participation-terms", "contact-details", "website-link", "posting-frequency", "holiday-notice", "response-time", "inactive-account", "closure-notice", "personal-data", "moderation-info", "registry-complete"}
	wantRefs := []string{"2.1", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "6.1", "7.1", "7.2", "8.1", "8.2", "1.1"}
	rs := All(DefaultConfig())
	if len(rs) != len(wantIDs) {
		t.Fatalf("%d rules, want %d", len(rs), len(wantIDs))
	}
	for i, r := range rs {
		t.Run(wantIDs[i], func(t *testing.T) {
			if r.ID != wantIDs[i] || r.Section.Ref != wantRefs[i] {
				t.Errorf("rule %d is %q in %q, want %q in %q", i, r.ID, r.Section.Ref, wantIDs[i], wantRefs[i])
			}
			for name, txt := range map[string]Text{"Heading": r.Section.Heading, "Title": r.Section.Title, "Quote": r.Section.Quote, "Checks": r.Checks, "PassTitle": r.PassTitle, "FailTitle": r.FailTitle, "Fix": r.Fix, "Thresholds": r.Thresholds} {
				if strings.TrimSpace(txt.SV) == "" || strings.TrimSpace(txt.EN) == "" || txt.SV == txt.EN {
					t.Errorf("%s needs distinct Swedish and English text: %+v", name, txt)
				}
			}
			if r.check == nil {
				t.Error("no check function")
			}
			if (r.Record != nil) != (r.ID == PostingFrequency) {
				t.Errorf("Record set: %v; only posting-frequency records a figure (OwnPostsInWindow)", r.Record != nil)
			}
			if want := r.ID != "registry-complete" && r.ID != "account-exists"; r.NeedsFetch != want {
				t.Errorf("NeedsFetch = %v, want %v", r.NeedsFetch, want)
			}
		})
	}
}

func TestThresholdsFollowConfig(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DescriptionMinChars = 55
	cfg.InactiveDays = 120
	cfg.Posting.MinPerWeek = 2.5
	cfg.Posting.Platforms = map[string]Posting{"mastodon": {WindowDays: 28}}
	cfg.WebsiteDomains = []string{"kulturhuset.se"}
	tests := []struct{ id, sv, en string }{
		{ContentDescription, "Minst 55 tecken", "At least 55 characters"},
		{InactiveAccount, "högst 120 dagar", "at most 120 days"},
		{PostingFrequency, "Minst 2,5 egna inlägg", "At least 2.5 own posts"},
		{PostingFrequency, "mastodon: minst 2,5 per vecka under 28 dagar", "mastodon: at least 2.5 a week over 28 days"},
		{WebsiteLink, "kulturhuset.se", "kulturhuset.se"},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.sv, func(t *testing.T) {
			r := ruleByID(t, cfg, tt.id)
			if !strings.Contains(r.Thresholds.SV, tt.sv) || !strings.Contains(r.Thresholds.EN, tt.en) {
				t.Errorf("thresholds %+v lack %q / %q", r.Thresholds, tt.sv, tt.en)
			}
		})
	}
}

// TestQuotesAreThePolicysWords checks every requirement's Swedish heading
// and quote against the policy text kept in testdata/policy (see its
// README.md).
func TestQuotesAreThePolicysWords(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "policy", "policy.txt"))
	if err != nil {
		t.Fatal(err)
	}
	bullets := regexp.MustCompile(`(?m)^\s*- `)
	policy := strings.Join(strings.Fields(bullets.ReplaceAllString(string(data), "")), " ")
	for _, q := range Requirements() {
		t.Run(q.Ref, func(t *testing.T) {
			if !strings.Contains(policy, q.Heading.SV) {
				t.Errorf("policy has no heading %q", q.Heading.SV)
			}
			for _, part := range strings.Split(q.Quote.SV, "…") {
				part = strings.TrimSpace(part)
				if part == "" || !strings.Contains(policy, part) {
					t.Errorf("quote part %q is not in the policy", part)
				}
			}
		})
	}
}

// TestRequirementTable checks the numbered table kube-bench style: numbers
// unique and in order, every title led by its number, every rule enforcing
// a row of the table, and no two rules sharing one.
func TestRequirementTable(t *testing.T) {
	t.Parallel()
	table := map[string]Section{}
	number := regexp.MustCompile(`^[1-9][0-9]*\.[1-9][0-9]*$`)
	prev := [2]int{}
	for _, q := range Requirements() {
		if !number.MatchString(q.Ref) {
			t.Errorf("requirement number %q is not section.item", q.Ref)
		}
		var cur [2]int
		if _, err := fmt.Sscanf(q.Ref, "%d.%d", &cur[0], &cur[1]); err != nil {
			t.Fatal(err)
		}
		if cur[0] < prev[0] || cur[0] == prev[0] && cur[1] <= prev[1] {
			t.Errorf("requirement %s follows %d.%d: not in number order", q.Ref, prev[0], prev[1])
		}
		prev = cur
		if _, dup := table[q.Ref]; dup {
			t.Errorf("requirement number %s given twice", q.Ref)
		}
		table[q.Ref] = q
		for _, title := range []string{q.Title.SV, q.Title.EN} {
			if !strings.HasPrefix(title, q.Ref+" ") {
				t.Errorf("title %q does not start with its number %s", title, q.Ref)
			}
		}
		if !strings.Contains(q.Title.SV, q.Heading.SV) || !strings.Contains(q.Title.EN, q.Heading.EN) {
			t.Errorf("title %+v lacks its heading %+v", q.Title, q.Heading)
		}
	}
	owner := map[string]string{}
	for _, r := range All(DefaultConfig()) {
		q, ok := table[r.Section.Ref]
		if !ok {
			t.Errorf("%s enforces %q, which is not in the table", r.ID, r.Section.Ref)
			continue
		}
		if q != r.Section {
			t.Errorf("%s carries requirement %s unlike the table: %+v, table %+v", r.ID, q.Ref, r.Section, q)
		}
		if other, dup := owner[q.Ref]; dup {
			t.Errorf("%s and %s share requirement %s: a number must name one requirement", other, r.ID, q.Ref)
		}
		owner[q.Ref] = r.ID
	}
}
