package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
)

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("demo", flag.ContinueOnError)
	out := fset.String("out", "rapporter", "folder to write the reports into")
	lang := fset.String("lang", "sv", "report language: sv or en")
	asOf := fset.String("as-of", audit.DemoAsOf, "audit date YYYY-MM-DD; the fixtures are recorded for the default")
	dbPath := fset.String("db", "", "history database (default: "+defaultDBName+" in the output folder)")
	noHistory := fset.Bool("no-history", false, "keep no history")
	waiversPath := fset.String("waivers", "", "YAML file of accepted findings (see README)")
	keepEvidence := fset.Bool("evidence", false, "also write every response the scan used into WARC files in DIR/bevis, cited by results.json")
	fset.Usage = helpFor(fset, "smaudit demo [--out DIR] [--lang sv|en]\n\n"+
		"Scans the bundled sample registry against recorded platform responses served\n"+
		"on loopback (no network needed) and writes the same reports as scan.")
	if done, code := parseFlags(fset, args, stdout, stderr); done {
		return code
	}
	if err := audit.CheckLang(*lang); err != nil {
		fmt.Fprintf(stderr, "smaudit demo: %v\n", err)
		return exitUsage
	}
	day, err := audit.ParseAsOf(*asOf, time.Time{})
	if err != nil {
		fmt.Fprintf(stderr, "smaudit demo: --as-of: %v\n", err)
		return exitUsage
	}
	j, srv, err := audit.Demo(*out, *lang, day)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit demo: %v\n", err)
		return exitUsage
	}
	defer srv.Close()
	j.WaiversPath = *waiversPath
	j.Evidence = *keepEvidence
	switch {
	case *noHistory:
		j.DBPath = ""
	case *dbPath != "":
		j.DBPath = *dbPath
	}
	code := runAudit(ctx, j, stdout, stderr)
	if code == exitInterrupted {
		fmt.Fprintf(stdout, "\nDemo interrupted. The reports in %s cover the accounts checked and say so.\n", j.Out)
		return code
	}
	if code != exitUsage {
		fmt.Fprintf(stdout, "\nDemo finished. Open %s, %s or %s to start.\n",
			filepath.Join(j.Out, "oversikt.pdf"), filepath.Join(j.Out, "oversikt.xlsx"), filepath.Join(j.Out, "oversikt.html"))
		if j.DBPath != "" {
			// diff and import-responses look for smaudit.db in the current
			// folder unless told: say where this one is.
			fmt.Fprintf(stdout, "The history is in %s; give diff and import-responses --db %s.\n", j.DBPath, j.DBPath)
		}
	}
	return code
}
