package rules

import "testing"

// TestRuleSamples judges every rule's own samples and refuses a rule of
// the catalogue without at least one passing and one failing sample, so a
// new rule cannot come without proof of both its verdicts.
func TestRuleSamples(t *testing.T) {
	t.Parallel()
	for _, r := range All(DefaultConfig()) {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			wants := map[Status]int{}
			for _, s := range r.Samples {
				wants[s.Want]++
				t.Run(s.Name, func(t *testing.T) {
					res := s.Result
					asOf := SampleAsOf
					if !s.AsOf.IsZero() {
						asOf = s.AsOf
					}
					f := r.Check(Input{Result: &res, AsOf: asOf})
					if f.Status != s.Want {
						t.Errorf("status %s, want %s; message %q; evidence %+v", f.Status, s.Want, f.Message.SV, f.Evidence)
					}
					if f.Message.SV == "" || f.Message.EN == "" {
						t.Errorf("message missing a language: %+v", f.Message)
					}
				})
			}
			if wants[Pass] == 0 || wants[Fail] == 0 {
				t.Errorf("%d passing and %d failing samples; every rule needs at least one of each", wants[Pass], wants[Fail])
			}
		})
	}
}
