package rules

import "testing"

// TestCheckedByNamesEachRequirementsRule holds CheckedBy to the table:
// every requirement once, in number order, with the first rule of the
// catalogue that names it, and "" where no rule does.
func TestCheckedByNamesEachRequirementsRule(t *testing.T) {
	catalog := All(DefaultConfig())
	got := CheckedBy(catalog)
	if len(got) != len(requirements) {
		t.Fatalf("%d requirements listed, want %d", len(got), len(requirements))
	}
	for i, c := range got {
		if c.Requirement.Ref != requirements[i].Ref {
			t.Errorf("row %d is %s, want %s", i, c.Requirement.Ref, requirements[i].Ref)
		}
		want := ""
		for _, r := range catalog {
			if r.Section.Ref == c.Requirement.Ref {
				want = r.ID
				break
			}
		}
		if c.Rule != want {
			t.Errorf("%s is checked by %q, want %q", c.Requirement.Ref, c.Rule, want)
		}
	}
	if got := CheckedBy(nil); got[0].Rule != "" {
		t.Errorf("an empty catalogue checks %s with %q", got[0].Requirement.Ref, got[0].Rule)
	}
	var checked, judged int
	for _, c := range got {
		if c.Rule == "" {
			judged++
		} else {
			checked++
		}
	}
	if checked == 0 || judged == 0 {
		t.Errorf("the default catalogue checks %d and leaves %d requirements to a person; want some of each", checked, judged)
	}
}
