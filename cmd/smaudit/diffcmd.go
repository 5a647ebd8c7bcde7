package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/history"
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
	if err := checkLang(*lang); err != nil {
		fmt.Fprintf(stderr, "smaudit diff: %v\n", err)
		return exitUsage
	}
	db, err := audit.OpenStoredHistory(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit diff: %v\n", err)
		return exitUsage
	}
	defer db.Close()
	a, err := db.Find(ctx, *from)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit diff: --from: %v\n", err)
		return exitUsage
	}
	b, err := db.Find(ctx, *to)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit diff: --to: %v\n", err)
		return exitUsage
	}
	h, err := db.Diff(ctx, a, b)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit diff: %v\n", err)
		return exitUsage
	}
	printDiff(stdout, *lang, a, b, h)
	return exitOK
}

// printDiff writes the changes between two scans, grouped by kind and
// sorted by administration, account and rule (audit.DiffGroups), so the
// output of the same scans is always the same.
func printDiff(w io.Writer, lang string, from, to history.Scan, h *model.History) {
	fmt.Fprintf(w, "Scan %d (%s) -> scan %d (%s)\n", from.ID, from.AsOf.Format("2006-01-02"), to.ID, to.AsOf.Format("2006-01-02"))
	for _, g := range audit.DiffGroups(lang, from, to, h) {
		fmt.Fprintf(w, "\n%s: %d\n", g.Kind, len(g.Lines))
		for _, l := range g.Lines {
			fmt.Fprintf(w, "  %s · %s · %s — %s\n", l.Administration, l.Account, l.Rule, l.Change)
		}
	}
	for _, part := range []struct {
		title string
		refs  []model.AccountRef
	}{{"added", h.Added}, {"removed", h.Removed}} {
		fmt.Fprintf(w, "\naccounts %s: %d\n", part.title, len(part.refs))
		for _, r := range part.refs {
			fmt.Fprintf(w, "  %s · %s · %s\n", r.Administration, r.Name, r.URL)
		}
	}
}
