package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/history"
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
	db, err := audit.OpenStoredHistory(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit import-responses: %v\n", err)
		return exitUsage
	}
	defer db.Close()
	scan, err := audit.AnsweredScan(ctx, db, *scanRef)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit import-responses: %v\n", err)
		return exitUsage
	}
	expect := audit.ExpectationOf(scan)
	rejected := 0
	var accepted []history.StoredResponse
	for _, path := range fs.Args() {
		answers, problems, err := audit.ReadWorkbook(path, expect)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
			rejected++
			continue
		}
		if len(problems) > 0 {
			for _, p := range problems {
				fmt.Fprintf(stderr, "%v\n", p)
			}
			fmt.Fprintf(stderr, "%s: rejected, nothing from it is stored\n", path)
			rejected++
			continue
		}
		for _, a := range answers {
			accepted = append(accepted, history.StoredResponse{Key: a.Key, Administration: a.Administration,
				Answer: a.Answer, Comment: a.Comment, File: a.File, Sheet: a.Sheet, Row: a.Row})
		}
		fmt.Fprintf(stdout, "%s: %d answers\n", path, len(answers))
	}
	if err := db.SaveResponses(ctx, scan.ID, accepted); err != nil {
		fmt.Fprintf(stderr, "smaudit import-responses: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "Stored %d answers to scan %d (%s).\n", len(accepted), scan.ID, scan.AsOf.Format("2006-01-02"))
	if rejected > 0 {
		return exitFail
	}
	return exitOK
}
