package rules

// All returns the policy's rules built with cfg, in report order. Each
// rule is one function in its own file (rule_*.go) with its check and its
// samples, as gitleaks keeps one rule per generator: adding a rule is
// adding that file and its line here.
func All(cfg Config) []Rule {
	return []Rule{
		accountExistsRule(cfg),
		cityAffiliationRule(cfg),
		contentDescriptionRule(cfg),
		participationTermsRule(cfg),
		contactDetailsRule(cfg),
		websiteLinkRule(cfg),
		postingFrequencyRule(cfg),
		holidayNoticeRule(cfg),
		responseTimeRule(cfg),
		inactiveAccountRule(cfg),
		closureNoticeRule(cfg),
		personalDataRule(cfg),
		moderationInfoRule(cfg),
		registryCompleteRule(cfg),
	}
}
