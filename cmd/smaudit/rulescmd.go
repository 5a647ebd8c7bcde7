package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/rules"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	configPath := fs.String("config", "", "YAML config file whose thresholds to show")
	lang := fs.String("lang", "sv", "language: sv or en")
	fs.Usage = helpFor(fs, "smaudit rules [--config FILE] [--lang sv|en]\n\nLists every rule with its ID, the numbered policy requirement it checks, what it checks and its thresholds,\nthen every requirement of the policy with the rule that checks it.")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if err := audit.CheckLang(*lang); err != nil {
		fmt.Fprintf(stderr, "smaudit rules: %v\n", err)
		return exitUsage
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit rules: %v\n", err)
		return exitUsage
	}
	catalog := rules.All(cfg.Rules)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, r := range catalog {
		fmt.Fprintf(tw, "%s\t%s\n", r.ID, r.Section.Title.In(*lang))
		fmt.Fprintf(tw, "\t%s\n", r.Checks.In(*lang))
		fmt.Fprintf(tw, "\t%s: %s\n", rules.SeverityName.In(*lang), r.Severity.Label().In(*lang))
		if t := r.Thresholds.In(*lang); t != "" {
			fmt.Fprintf(tw, "\t%s\n", t)
		}
		fmt.Fprintln(tw, "\t")
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "smaudit rules: %v\n", err)
		return exitUsage
	}
	if err := writeCoverage(stdout, catalog, *lang); err != nil {
		fmt.Fprintf(stderr, "smaudit rules: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// coverageText is the coverage table's wording.
var coverageText = struct {
	head, req, rule, person rules.Text
}{
	head:   rules.Text{SV: "Policyns krav och reglerna som kontrollerar dem:", EN: "The policy's requirements and the rules that check them:"},
	req:    rules.Text{SV: "KRAV", EN: "REQUIREMENT"},
	rule:   rules.Text{SV: "REGEL", EN: "RULE"},
	person: rules.Text{SV: "– (ingen regel; en person bedömer)", EN: "– (no rule; a person judges)"},
}

// writeCoverage lists every requirement of the policy's numbered table
// with the rule of catalog that checks it, so that what smaudit leaves to
// a person is as plain as what it checks.
func writeCoverage(w io.Writer, catalog []rules.Rule, lang string) error {
	fmt.Fprintln(w, coverageText.head.In(lang))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\n", coverageText.req.In(lang), coverageText.rule.In(lang))
	for _, c := range rules.CheckedBy(catalog) {
		id := c.Rule
		if id == "" {
			id = coverageText.person.In(lang)
		}
		fmt.Fprintf(tw, "%s\t%s\n", c.Requirement.Title.In(lang), id)
	}
	return tw.Flush()
}
