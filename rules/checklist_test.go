package rules

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestEveryRuleHasAQuestionAndAPlaceToLook(t *testing.T) {
	for _, r := range All(DefaultConfig()) {
		if r.Question.SV == "" || r.Question.EN == "" || !strings.HasSuffix(strings.TrimSpace(r.Question.SV), ".") && !strings.Contains(r.Question.SV, "?") {
			t.Errorf("%s: question %+v", r.ID, r.Question)
		}
		for _, p := range []scanner.Platform{scanner.Facebook, scanner.LinkedIn, scanner.Instagram, "tiktok"} {
			if w := WhereToLook(p, r.ID); w.SV == "" || w.EN == "" {
				t.Errorf("%s on %s: nowhere to look", r.ID, p)
			}
		}
	}
	if got := WhereToLook(scanner.Facebook, PostingFrequency).SV; !strings.Contains(got, "inlägg") {
		t.Errorf("Facebook posting: %q", got)
	}
	if got := WhereToLook(scanner.Mastodon, PersonalData).SV; !strings.Contains(got, "kommentarerna") {
		t.Errorf("Mastodon personal data: %q", got)
	}
	if got := WhereToLook(scanner.LinkedIn, CityAffiliation).SV; !strings.Contains(got, "Om") {
		t.Errorf("LinkedIn affiliation: %q", got)
	}
	cfg := DefaultConfig()
	cfg.InactiveDays = 120
	if q := ruleByID(t, cfg, InactiveAccount).Question.SV; !strings.Contains(q, "120 dagarna") {
		t.Errorf("inactive question %q does not follow the config", q)
	}
}
