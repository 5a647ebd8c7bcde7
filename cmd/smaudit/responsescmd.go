package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/rules"
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
	db, err := openStoredHistory(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit import-responses: %v\n", err)
		return exitUsage
	}
	defer db.Close()
	scan, err := answeredScan(ctx, db, *scanRef)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit import-responses: %v\n", err)
		return exitUsage
	}
	expect := expectationOf(scan)
	rejected := 0
	var accepted []history.StoredResponse
	for _, path := range fs.Args() {
		answers, problems, err := readWorkbook(path, expect)
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

// answeredScan is the scan the workbooks were made from: the one named,
// or the latest stored.
func answeredScan(ctx context.Context, db *history.DB, ref string) (history.Scan, error) {
	if ref != "" {
		return db.Find(ctx, ref)
	}
	scans, err := db.Scans(ctx)
	if err != nil {
		return history.Scan{}, err
	}
	if len(scans) == 0 {
		return history.Scan{}, fmt.Errorf("%s holds no scan to answer", db.Path())
	}
	return db.Load(ctx, scans[len(scans)-1].ID)
}

func readWorkbook(path string, expect reports.Expectation) ([]reports.ReturnedAnswer, []reports.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return reports.ReadResponses(filepath.Base(path), f, expect)
}

// expectationOf lists a stored scan's failing findings per administration:
// the rows its workbooks offered an answer for.
func expectationOf(s history.Scan) reports.Expectation {
	e := reports.Expectation{Administrations: map[string]map[reports.FindingKey]reports.ExpectedRow{}, Slugs: map[string]string{}, AsOf: s.AsOf}
	for _, a := range s.Accounts {
		rows := e.Administrations[a.Administration]
		if rows == nil {
			rows = map[reports.FindingKey]reports.ExpectedRow{}
			e.Administrations[a.Administration] = rows
			e.Slugs[reports.Slug(a.Administration)] = a.Administration
		}
		for _, f := range a.Findings {
			if f.Status == string(rules.Fail) {
				rows[reports.FindingKey{Account: a.Key, Rule: f.Rule}] = reports.ExpectedRow{Account: a.Name, Rule: f.Rule}
			}
		}
	}
	return e
}
