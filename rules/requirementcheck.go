package rules

// RequirementCheck pairs one of the policy's numbered requirements with
// the rule that checks it.
type RequirementCheck struct {
	Requirement Section
	// Rule is the ID of the catalogue's rule checking Requirement, or ""
	// when no rule does and a person judges it.
	Rule string
}

// CheckedBy lists every requirement of the policy's numbered table, in
// number order, with the rule of catalog that checks it. `smaudit rules`
// prints it as the coverage table and the reports' introduction names
// from it what the audit checks and what it leaves to a person, so the
// two can never disagree.
func CheckedBy(catalog []Rule) []RequirementCheck {
	ruleOf := map[string]string{}
	for _, r := range catalog {
		if _, seen := ruleOf[r.Section.Ref]; !seen {
			ruleOf[r.Section.Ref] = r.ID
		}
	}
	out := make([]RequirementCheck, 0, len(requirements))
	for _, q := range requirements {
		out = append(out, RequirementCheck{Requirement: q, Rule: ruleOf[q.Ref]})
	}
	return out
}
