package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/stockholm-stad/smaudit/rules"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	configPath := fs.String("config", "", "YAML config file whose thresholds to show")
	lang := fs.String("lang", "sv", "language: sv or en")
	fs.Usage = helpFor(fs, "smaudit rules [--config FILE] [--lang sv|en]\n\nLists every rule with its ID, policy section, what it checks and its thresholds.")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if err := checkLang(*lang); err != nil {
		fmt.Fprintf(stderr, "smaudit rules: %v\n", err)
		return exitUsage
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit rules: %v\n", err)
		return exitUsage
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, r := range rules.All(cfg.Rules) {
		fmt.Fprintf(tw, "%s\t%s\n", r.ID, r.Section.Title.In(*lang))
		fmt.Fprintf(tw, "\t%s\n", r.Checks.In(*lang))
		if t := r.Thresholds.In(*lang); t != "" {
			fmt.Fprintf(tw, "\t%s\n", t)
		}
		fmt.Fprintln(tw, "\t")
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "smaudit rules: %v\n", err)
		return exitUsage
	}
	return exitOK
}
