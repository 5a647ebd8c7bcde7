package main

import (
	"context"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
)

// TestRulesShowsRequirementNumbers checks that `smaudit rules` names each
// rule's numbered requirement and lists every requirement of the table,
// those no rule checks marked for a person, in both languages.
func TestRulesShowsRequirementNumbers(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			code, stdout, stderr := runCLI(context.Background(), "rules", "--lang", lang)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lines := strings.Split(stdout, "\n")
			idWidth := 0 // the tabwriter pads the ID column to the longest ID
			for _, r := range rules.All(rules.DefaultConfig()) {
				idWidth = max(idWidth, len(r.ID))
			}
			for _, r := range rules.All(rules.DefaultConfig()) {
				want := r.ID + "  "
				if !hasLine(lines, func(l string) bool {
					return strings.HasPrefix(l, want) && strings.HasSuffix(l, r.Section.Title.In(lang))
				}) {
					t.Errorf("no line names %s with its requirement %q", r.ID, r.Section.Title.In(lang))
				}
				sev := rules.SeverityName.In(lang) + ": " + r.Severity.Label().In(lang)
				if !strings.Contains(stdout, r.Checks.In(lang)+"\n"+strings.Repeat(" ", idWidth+2)+sev+"\n") {
					t.Errorf("%s's severity %q not shown under what it checks", r.ID, sev)
				}
			}
			tail := stdout[strings.Index(stdout, coverageText.head.In(lang)):]
			lines = strings.Split(tail, "\n")
			checked := map[string]string{}
			for _, r := range rules.All(rules.DefaultConfig()) {
				checked[r.Section.Ref] = r.ID
			}
			for _, q := range rules.Requirements() {
				by, ok := checked[q.Ref]
				if !ok {
					by = coverageText.person.In(lang)
				}
				if !hasLine(lines, func(l string) bool {
					return strings.HasPrefix(l, q.Title.In(lang)+" ") && strings.HasSuffix(l, " "+by)
				}) {
					t.Errorf("coverage lacks %q checked by %q:\n%s", q.Title.In(lang), by, tail)
				}
			}
			if len(checked) == len(rules.Requirements()) {
				t.Error("every requirement has a rule: the test no longer sees a requirement left to a person")
			}
		})
	}
}

func hasLine(lines []string, ok func(string) bool) bool {
	for _, l := range lines {
		if ok(l) {
			return true
		}
	}
	return false
}
