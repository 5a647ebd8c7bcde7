package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/audit"
)

func runImportResponses(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import-responses", flag.ContinueOnError)
	dbPath := fs.String("db", defaultDBName, "history database")
	scanRef := fs.String("scan", "", "the scan the workbooks answer: its number or audit date (default: the latest)")
	fs.Usage = helpFor(fs, "smaudit import-responses [--db FILE] [--scan SCAN] WORKBOOK...\n\n"+
		"Reads administrations' returned workbooks, checks them (wrong administration, altered\n"+
		"rows, unknown answers are reported by file, sheet and row) and stores the answers of\n"+
		"every workbook without problems; the next overview shows them.")
	if done, code := parseFlagsAndArgs(fs, args, stdout, stderr); done {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "smaudit import-responses: name at least one workbook (see smaudit import-responses -h)")
		return exitUsage
	}
	im, err := audit.ImportResponses(ctx, *dbPath, *scanRef, fs.Args())
	for _, w := range im.Workbooks {
		switch {
		case w.Err != nil:
			fmt.Fprintf(stderr, "%s: %v\n", w.Path, w.Err)
		case !w.Accepted():
			for _, p := range w.Problems {
				fmt.Fprintf(stderr, "%v\n", p)
			}
			fmt.Fprintf(stderr, "%s: rejected, nothing from it is stored\n", w.Path)
		default:
			fmt.Fprintf(stdout, "%s: %d answers\n", w.Path, w.Answers)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "smaudit import-responses: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "Stored %d answers to scan %d (%s).\n", im.Stored, im.Scan.ID, im.Scan.AsOf.Format("2006-01-02"))
	if im.Rejected() > 0 {
		return exitFail
	}
	return exitOK
}
