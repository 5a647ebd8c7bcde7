package rules

import (
	"strings"
	"testing"
)

// TestModerationInfo judges each part apart: a profile missing any one
// fails, and names what it lacks; one without text goes to a person.
func TestModerationInfo(t *testing.T) {
	r := ruleByID(t, DefaultConfig(), ModerationInfo)
	parts := []string{"Ställ frågor om kulturen här.", "Kommentarer som bryter mot reglerna tas bort.", "Anmäl kränkande innehåll till oss."}
	lacks := []string{"vad kommentarerna är till för", "att inlägg som bryter mot reglerna tas bort", "hur man anmäler kränkande innehåll"}
	for i := range parts {
		t.Run(lacks[i], func(t *testing.T) {
			res := sommarskolan()
			var rest []string
			for k, p := range parts {
				if k != i {
					rest = append(rest, p)
				}
			}
			res.Fetched.Profile.Text += "\n" + strings.Join(rest, " ")
			f := r.Check(Input{Result: &res, AsOf: SampleAsOf})
			if f.Status != Fail || !strings.Contains(f.Message.SV, "säger inte "+lacks[i]+",") {
				t.Errorf("%s: %s", f.Status, f.Message.SV)
			}
			if len(f.Evidence) != 2 {
				t.Errorf("evidence %d, want the 2 parts found", len(f.Evidence))
			}
		})
	}
	res := sommarskolan()
	res.Fetched.Profile = demoProfile()
	res.Fetched.Profile.Text, res.Fetched.Profile.Description, res.Fetched.Profile.DisplayName, res.Fetched.Profile.Fields = "", "", "", nil
	if f := r.Check(Input{Result: &res, AsOf: SampleAsOf}); f.Status != Manual {
		t.Errorf("no profile text: %s (%s), want manual", f.Status, f.Message.SV)
	}
}

// TestModerationTermsShowSentences: a terms page's headings say the same
// words as its prose; the evidence shows the sentence, not the heading.
func TestModerationTermsShowSentences(t *testing.T) {
	r := ruleByID(t, DefaultConfig(), ModerationInfo)
	res := kulturTerms("Villkor\nDet här tar vi bort\nKommentarer som är kränkande tas bort.\nAnmäl kränkande innehåll\nStäll frågor här. Anmäl det till oss på kultur@stockholm.se.", nil)
	f := r.Check(Input{Result: &res, AsOf: SampleAsOf})
	if f.Status != Pass {
		t.Fatalf("%s: %s", f.Status, f.Message.SV)
	}
	want := map[string]string{
		"Villkoren: kommentarernas syfte": "Ställ frågor här.",
		"Villkoren: borttagning":          "Kommentarer som är kränkande tas bort.",
		"Villkoren: anmälan":              "Anmäl det till oss på kultur@stockholm.se.",
	}
	for _, e := range f.Evidence {
		if w, ok := want[e.Label.SV]; ok {
			if e.Value != w {
				t.Errorf("%s = %q, want %q", e.Label.SV, e.Value, w)
			}
			delete(want, e.Label.SV)
		}
	}
	if len(want) != 0 {
		t.Errorf("no evidence for %v", want)
	}
}

// TestModerationCutTermsAreManual: a terms page longer than smaudit reads
// that is silent on a part in the part read goes to a person, never fails;
// the same page read in full fails.
func TestModerationCutTermsAreManual(t *testing.T) {
	r := ruleByID(t, DefaultConfig(), ModerationInfo)
	text := "Ställ frågor här.\nInlägg som bryter mot reglerna tas bort."
	for _, cut := range []bool{false, true} {
		res := kulturTerms(text, nil)
		res.Fetched.Terms.Cut = cut
		f := r.Check(Input{Result: &res, AsOf: SampleAsOf})
		want := Fail
		if cut {
			want = Manual
		}
		if f.Status != want {
			t.Errorf("cut %v: %s, want %s: %s", cut, f.Status, want, f.Message.SV)
		}
		if cut && !strings.Contains(f.Message.SV, "16 kB") {
			t.Errorf("cut: %q does not say how much was read", f.Message.SV)
		}
	}
}
