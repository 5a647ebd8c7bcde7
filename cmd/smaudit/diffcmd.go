package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/reports/model"
)

func runDiff(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	dbPath := fs.String("db", defaultDBName, "history database")
	from := fs.String("from", "", "the earlier scan: its number or its audit date YYYY-MM-DD (required)")
	to := fs.String("to", "", "the later scan: its number or its audit date (required)")
	lang := fs.String("lang", "sv", "language of the rule names and messages: sv or en")
	fs.Usage = helpFor(fs, "smaudit diff --from SCAN --to SCAN [--db FILE]\n\n"+
		"Compares two stored scans: findings new, persisting (failing since), fixed and\n"+
		"reopened, and accounts added to or removed from the registry.")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if *from == "" || *to == "" {
		fmt.Fprintln(stderr, "smaudit diff: --from and --to are required (see smaudit diff -h)")
		return exitUsage
	}
	if err := audit.CheckLang(*lang); err != nil {
		fmt.Fprintf(stderr, "smaudit diff: %v\n", err)
		return exitUsage
	}
	c, err := audit.CompareScans(ctx, *dbPath, *from, *to)
	var ref *audit.ScanRefError
	switch {
	case errors.As(err, &ref):
		fmt.Fprintf(stderr, "smaudit diff: --%s: %v\n", ref.Which, ref.Err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "smaudit diff: %v\n", err)
		return exitUsage
	}
	printDiff(stdout, *lang, c)
	return exitOK
}

// printDiff writes the changes between two scans, grouped by kind and
// sorted by administration, account and rule (audit.DiffGroups), so the
// output of the same scans is always the same.
func printDiff(w io.Writer, lang string, c *audit.Comparison) {
	fmt.Fprintf(w, "Scan %d (%s) -> scan %d (%s)\n", c.From.ID, c.From.AsOf.Format("2006-01-02"), c.To.ID, c.To.AsOf.Format("2006-01-02"))
	for _, g := range audit.DiffGroups(lang, c.From, c.To, c.Changes) {
		fmt.Fprintf(w, "\n%s: %d\n", g.Kind, len(g.Lines))
		for _, l := range g.Lines {
			fmt.Fprintf(w, "  %s · %s · %s — %s\n", l.Administration, l.Account, l.Rule, l.Change)
		}
	}
	for _, part := range []struct {
		title string
		refs  []model.AccountRef
	}{{"added", c.Changes.Added}, {"removed", c.Changes.Removed}} {
		fmt.Fprintf(w, "\naccounts %s: %d\n", part.title, len(part.refs))
		for _, r := range part.refs {
			fmt.Fprintf(w, "  %s · %s · %s\n", r.Administration, r.Name, r.URL)
		}
	}
}
