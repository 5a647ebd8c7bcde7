package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAllOrderAndMetadata(t *testing.T) {
	wantIDs := []string{"account-exists", "city-affiliation", "content-description", "participation-terms", "contact-details", "website-link", "posting-frequency", "inactive-account", "registry-complete"}
	wantRefs := []string{"Rapportering av konton", "Basinformation", "Basinformation", "Basinformation", "Basinformation", "Basinformation", "Publiceringsfrekvens", "Avsluta ett konto", "Varje konto ska ha"}
	rs := All(DefaultConfig())
	if len(rs) != len(wantIDs) {
		t.Fatalf("%d rules, want %d", len(rs), len(wantIDs))
	}
	for i, r := range rs {
		t.Run(wantIDs[i], func(t *testing.T) {
			if r.ID != wantIDs[i] || r.Section.Ref != wantRefs[i] {
				t.Errorf("rule %d is %q in %q, want %q in %q", i, r.ID, r.Section.Ref, wantIDs[i], wantRefs[i])
			}
			for name, txt := range map[string]Text{"Title": r.Section.Title, "Quote": r.Section.Quote, "Checks": r.Checks, "PassTitle": r.PassTitle, "FailTitle": r.FailTitle, "Fix": r.Fix, "Thresholds": r.Thresholds} {
				if strings.TrimSpace(txt.SV) == "" || strings.TrimSpace(txt.EN) == "" || txt.SV == txt.EN {
					t.Errorf("%s needs distinct Swedish and English text: %+v", name, txt)
				}
			}
			if r.check == nil {
				t.Error("no check function")
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

// TestQuotesAreThePolicysWords checks every Swedish quote against the
// policy text kept in testdata/policy (see its README.md).
func TestQuotesAreThePolicysWords(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "policy", "policy.txt"))
	if err != nil {
		t.Fatal(err)
	}
	bullets := regexp.MustCompile(`(?m)^\s*- `)
	policy := strings.Join(strings.Fields(bullets.ReplaceAllString(string(data), "")), " ")
	for _, r := range All(DefaultConfig()) {
		t.Run(r.ID, func(t *testing.T) {
			if !strings.Contains(policy, r.Section.Title.SV) {
				t.Errorf("policy has no heading %q", r.Section.Title.SV)
			}
			for _, part := range strings.Split(r.Section.Quote.SV, "…") {
				part = strings.TrimSpace(part)
				if part == "" || !strings.Contains(policy, part) {
					t.Errorf("quote part %q is not in the policy", part)
				}
			}
		})
	}
}
