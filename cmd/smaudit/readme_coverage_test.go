package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
)

// readmeCoverageRows returns the cells of the rows of README's policy
// coverage table: the table under "### Policy requirements" whose header
// starts "| requirement |".
func readmeCoverageRows(t *testing.T, readme string) [][]string {
	t.Helper()
	i := strings.Index(readme, "\n### Policy requirements\n")
	if i < 0 {
		t.Fatal(`README has no section "### Policy requirements"`)
	}
	section := readme[i+1:]
	if j := strings.Index(section, "\n## "); j >= 0 {
		section = section[:j]
	}
	lines := strings.Split(section, "\n")
	start := -1
	for k, l := range lines {
		if strings.HasPrefix(l, "| requirement |") {
			start = k
			break
		}
	}
	if start < 0 || start+1 >= len(lines) || !strings.HasPrefix(lines[start+1], "|---") {
		t.Fatal("Policy requirements has no table headed | requirement | …")
	}
	var rows [][]string
	for _, l := range lines[start+2:] {
		if !strings.HasPrefix(l, "|") {
			break
		}
		var cells []string
		for _, c := range strings.Split(strings.Trim(l, "|"), "|") {
			cells = append(cells, strings.TrimSpace(c))
		}
		rows = append(rows, cells)
	}
	return rows
}

// readmeRuleID is a rule ID as README writes it, in backticks.
var readmeRuleID = regexp.MustCompile("`([a-z0-9-]+)`")

// TestREADMECoverageTable holds README's policy coverage table to the
// rules: one row per numbered requirement, in order, each naming the rule
// rules.CheckedBy pairs it with (or none, "–"), every rule of the
// catalogue named, no name that is not a rule, and for each requirement
// what a person must still do.
func TestREADMECoverageTable(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range coverageTableProblems(readmeCoverageRows(t, string(data))) {
		t.Error(p)
	}
}

// coverageTableProblems lists every way rows differ from the
// requirements table and the rule catalogue.
func coverageTableProblems(rows [][]string) []string {
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	catalog := rules.All(rules.DefaultConfig())
	exists := map[string]bool{}
	for _, r := range catalog {
		exists[r.ID] = true
	}
	named := map[string]bool{}
	checks := rules.CheckedBy(catalog)
	for i, row := range rows {
		if len(row) != 3 {
			errorf("row %d has %d cells, want requirement, checked by, what a person must still do: %q", i+1, len(row), row)
			continue
		}
		if i >= len(checks) {
			errorf("row %d, %q, is no requirement of the policy's table (it has %d)", i+1, row[0], len(checks))
			continue
		}
		q, want := checks[i].Requirement, checks[i].Rule
		if !strings.HasPrefix(row[0], q.Title.SV) {
			errorf("row %d is %q, want requirement %q there", i+1, row[0], q.Title.SV)
		}
		ids := readmeRuleID.FindAllStringSubmatch(row[1], -1)
		for _, m := range ids {
			named[m[1]] = true
			if !exists[m[1]] {
				errorf("%s names %q, which is no rule", q.Ref, m[1])
			}
		}
		switch {
		case want == "" && (len(ids) > 0 || !strings.HasPrefix(row[1], "–")):
			errorf("%s is checked by %q; no rule checks it, so the table should say – (a person judges)", q.Ref, row[1])
		case want != "" && (len(ids) == 0 || ids[0][1] != want):
			errorf("%s is checked by %q, want `%s`", q.Ref, row[1], want)
		}
		if row[2] == "" || row[2] == "–" {
			errorf("%s does not say what a person must still do", q.Ref)
		}
	}
	if len(rows) < len(checks) {
		for _, c := range checks[len(rows):] {
			errorf("the table lacks requirement %s", c.Requirement.Title.SV)
		}
	}
	for _, r := range catalog {
		if !named[r.ID] {
			errorf("the table does not name rule %s", r.ID)
		}
	}
	return problems
}

// TestCoverageTableProblemsAreFound: each kind of mistake in the table
// is caught, so TestREADMECoverageTable can fail.
func TestCoverageTableProblemsAreFound(t *testing.T) {
	t.Parallel()
	var good [][]string
	for _, c := range rules.CheckedBy(rules.All(rules.DefaultConfig())) {
		by := "– (a person judges)"
		if c.Rule != "" {
			by = "`" + c.Rule + "`"
		}
		good = append(good, []string{c.Requirement.Title.SV, by, "something"})
	}
	if p := coverageTableProblems(good); len(p) > 0 {
		t.Fatalf("a table built from rules.CheckedBy has problems: %v", p)
	}
	ruled := -1 // the first row a rule checks
	for i, row := range good {
		if strings.HasPrefix(row[1], "`") {
			ruled = i
			break
		}
	}
	edit := func(f func([][]string) [][]string) [][]string {
		rows := make([][]string, len(good))
		for i := range good {
			rows[i] = append([]string(nil), good[i]...)
		}
		return f(rows)
	}
	for name, tc := range map[string]struct {
		rows [][]string
		want string
	}{
		"requirement missing": {edit(func(r [][]string) [][]string { return r[:len(r)-1] }), "lacks requirement"},
		"rule missing": {edit(func(r [][]string) [][]string {
			r[ruled][1] = "– (a person judges)"
			return r
		}), "does not name rule " + strings.Trim(good[ruled][1], "`")},
		"rule that does not exist": {edit(func(r [][]string) [][]string {
			r[ruled][1] += " and `no-such-rule`"
			return r
		}), `"no-such-rule", which is no rule`},
		"another rule": {edit(func(r [][]string) [][]string {
			r[ruled][1], r[ruled+1][1] = r[ruled+1][1], r[ruled][1]
			return r
		}), "want " + good[ruled][1]},
		"extra row":           {edit(func(r [][]string) [][]string { return append(r, []string{"9.1 Påhittat", "–", "x"}) }), "is no requirement"},
		"nothing left to do":  {edit(func(r [][]string) [][]string { r[0][2] = "–"; return r }), "does not say what a person must still do"},
		"requirement renamed": {edit(func(r [][]string) [][]string { r[0][0] = "1.1 Något annat"; return r }), "want requirement"},
	} {
		t.Run(name, func(t *testing.T) {
			problems := coverageTableProblems(tc.rows)
			if !strings.Contains(strings.Join(problems, "\n"), tc.want) {
				t.Errorf("problems %q, want one saying %q", problems, tc.want)
			}
		})
	}
}
