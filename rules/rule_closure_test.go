package rules

import (
	"strings"
	"testing"
	"time"
)

// TestClosureNoticeAnsweredAccount holds an account still in use to the
// notice once its administration answered "Kontot avslutas", and leaves
// it alone without the answer.
func TestClosureNoticeAnsweredAccount(t *testing.T) {
	r := ruleByID(t, DefaultConfig(), ClosureNotice)
	res := demoFetched(demoProfile(), ownPosts(3, sampleNewest, 7*24*time.Hour)...)
	res.Fetched.Posts[0].Text = "Välkommen till höstens program!"
	answer := &ClosingAnswer{Comment: "Stängs i december", AsOf: SummerAsOf}
	if f := r.Check(Input{Result: &res, AsOf: SampleAsOf}); f.Status != Pass {
		t.Errorf("no answer: %s (%s), want pass", f.Status, f.Message.SV)
	}
	f := r.Check(Input{Result: &res, AsOf: SampleAsOf, Closing: answer})
	if f.Status != Fail {
		t.Fatalf("answered, ordinary last post: %s (%s), want fail", f.Status, f.Message.SV)
	}
	if !strings.Contains(f.Evidence[0].ValueIn("sv"), "”Kontot avslutas: Stängs i december” (granskningen 2026-08-21)") {
		t.Errorf("evidence %q does not name the answer", f.Evidence[0].ValueIn("sv"))
	}
	res.Fetched.Posts[0].Text = "Kontot läggs ner vid årsskiftet eftersom vi samlar kulturen på Bluesky: följ @kultur.stockholm.se!"
	j := JudgeWith(All(DefaultConfig()), res, SampleAsOf, Answers{Closing: answer})
	for _, f := range j.Findings {
		if f.Rule == ClosureNotice && f.Status != Pass {
			t.Errorf("answered, notice with reason and channel: %s (%s), want pass", f.Status, f.Message.SV)
		}
	}
}

// TestClosureNoticeHiddenPosts never fails an account whose posts cannot
// be seen.
func TestClosureNoticeHiddenPosts(t *testing.T) {
	r := ruleByID(t, DefaultConfig(), ClosureNotice)
	res := demoFetched(demoProfile())
	res.Fetched.PostsHidden = "robots.txt forbids the feed"
	for _, c := range []*ClosingAnswer{nil, {AsOf: SummerAsOf}} {
		if f := r.Check(Input{Result: &res, AsOf: SampleAsOf, Closing: c}); f.Status != Manual {
			t.Errorf("answer %v: %s (%s), want manual", c, f.Status, f.Message.SV)
		}
	}
}

func TestOtherChannel(t *testing.T) {
	own := "https://mastodon.demo.example/@kulturforvaltningen"
	tests := []struct {
		text, want string
	}{
		{"Följ oss på kultur.stockholm.se.", "kultur.stockholm.se"},
		{"Se https://stockholm.se/kultur!", "https://stockholm.se/kultur"},
		{"Följ @stadsbiblioteket@mastodon.demo.example i stället.", "@stadsbiblioteket@mastodon.demo.example"},
		{"Tack för i år, hälsar @kulturforvaltningen.", ""},
		{"Tack till alla som följt oss.", ""},
		{"Mer på " + own + " och www.stockholm.se", "www.stockholm.se"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := otherChannel(tt.text, own)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("otherChannel = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

// TestClosureAndModerationConfig: the phrases come from config, the
// thresholds say so, and an empty list is refused by key.
func TestClosureAndModerationConfig(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Closure.ClosingPhrases = []string{"tackar för sig"}
	cfg.Moderation.ReportPhrases = []string{"hör av dig"}
	if th := ruleByID(t, cfg, ClosureNotice).Thresholds; !strings.Contains(th.SV, "”tackar för sig”") || strings.Contains(th.SV, "”avslutas”") {
		t.Errorf("closure thresholds do not follow config: %s", th.SV)
	}
	if th := ruleByID(t, cfg, ModerationInfo).Thresholds; !strings.Contains(th.EN, "“hör av dig”") {
		t.Errorf("moderation thresholds do not follow config: %s", th.EN)
	}
	res := closingPosts("Kontot tackar för sig eftersom vi flyttar till https://kultur.stockholm.se.")
	if f := ruleByID(t, cfg, ClosureNotice).Check(Input{Result: &res, AsOf: SampleAsOf}); f.Status != Pass {
		t.Errorf("configured closing phrase: %s (%s), want pass", f.Status, f.Message.SV)
	}
	cfg.Closure.ReasonPhrases = nil
	cfg.Moderation.PurposePhrases = []string{" "}
	err := cfg.Validate()
	for _, key := range []string{"closure.reason-phrases: must name at least one phrase", "moderation.purpose-phrases[0]: must not be blank"} {
		if err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("Validate: %v, want %q", err, key)
		}
	}
}
