package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/stockholm-stad/smaudit/discover"
	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/scanner"
)

// unregisteredFile is the workbook `smaudit discover` writes.
const unregisteredFile = "saknas-i-forteckningen.xlsx"

// discovery is what to crawl when looking for unregistered accounts.
type discovery struct {
	site     string
	depth    int
	maxPages int
}

func runDiscover(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("discover", flag.ContinueOnError)
	site := fs.String("site", "", "the city web site to crawl for links to social-media accounts (required)")
	depth := fs.Int("depth", 2, "how many links deep to follow from the start page")
	maxPages := fs.Int("max-pages", discover.DefaultMaxPages, "the most pages to read from the site")
	jf := addJobFlags(fs, "folder to write "+unregisteredFile+" into (default: only print the list)")
	fs.Usage = helpFor(fs, "smaudit discover --site URL --registry FILE [--depth N] [--out DIR]\n\n"+
		"Crawls the city's web site (same site only, robots.txt respected, rate limited) and\n"+
		"every registered account's profile, and lists the social-media accounts they link\n"+
		"to that the registry does not list, with the page where each was found.")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if *site == "" || *jf.registry == "" {
		fmt.Fprintln(stderr, "smaudit discover: --site and --registry are required (see smaudit discover -h)")
		return exitUsage
	}
	if *depth < 0 || *maxPages < 1 {
		fmt.Fprintln(stderr, "smaudit discover: --depth must be 0 or more and --max-pages at least 1")
		return exitUsage
	}
	j, err := jf.load(time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "smaudit discover: %v\n", err)
		return exitUsage
	}
	j.dbPath = "" // discovery alone keeps no history
	j.discover = &discovery{site: *site, depth: *depth, maxPages: *maxPages}
	return discoverOnly(ctx, j, stdout, stderr)
}

// discoverOnly scans the registry's accounts for their profile links,
// crawls the site, and prints and writes the accounts missing from the
// registry. Exit 0: none missing; 1: some missing; 3: none found missing,
// but some pages could not be read.
func discoverOnly(ctx context.Context, j job, stdout, stderr io.Writer) int {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	prog := newProgress(stderr, j.reg.Accounts)
	results, client, err := fetchAll(ctx, j, prog, log)
	prog.Close()
	if err != nil {
		fmt.Fprintf(stderr, "smaudit: %v\n", err)
		return exitUsage
	}
	var missing []reports.Unregistered
	var notes []string
	if ctx.Err() == nil {
		missing, notes, err = findUnregistered(ctx, j, client, results, stderr)
	}
	if ctx.Err() != nil {
		// A search cut short proves nothing about what it did not reach:
		// say so rather than "every account is in the registry".
		fmt.Fprintln(stderr, "smaudit discover: interrupted before the search finished; nothing is reported or written. Run it again.")
		return exitInterrupted
	}
	if err != nil {
		fmt.Fprintf(stderr, "smaudit discover: %v\n", err)
		return exitUsage
	}
	if len(missing) == 0 {
		fmt.Fprintln(stdout, "Every account the site and the profiles link to is in the registry.")
	} else {
		fmt.Fprintf(stdout, "%d accounts are linked to but missing from the registry:\n", len(missing))
		for _, m := range missing {
			fmt.Fprintf(stdout, "  %-10s %s\n             found on %s\n", reports.PlatformName(m.Platform), m.URL, m.FoundOn[0])
		}
	}
	if j.out != "" {
		r := reports.Build(nil, nil, reports.Meta{AsOf: j.asOf, GeneratedBy: "smaudit " + version, Lang: j.lang, Registry: j.registryName, Notes: notes})
		r.Unregistered = missing
		written, err := reports.WriteOne(j.out, unregisteredFile, func(w io.Writer) error { return reports.WriteUnregisteredXLSX(w, r) })
		if err != nil {
			fmt.Fprintf(stderr, "smaudit discover: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stdout, "Workbook: %s\n", written)
	}
	switch {
	case len(missing) > 0:
		return exitFail
	case len(notes) > 0:
		return exitUnchecked
	}
	return exitOK
}

// findUnregistered crawls the job's site and the scanned profiles and
// returns the accounts the registry lacks, with notes on pages that could
// not be read (written in the report language).
func findUnregistered(ctx context.Context, j job, f scanner.Fetcher, results []scanner.Result, stderr io.Writer) ([]reports.Unregistered, []string, error) {
	d := j.discover
	fmt.Fprintf(stderr, "crawling %s (depth %d, at most %d pages)\n", d.site, d.depth, d.maxPages)
	found, failures, err := discover.Crawl(ctx, f, d.site, d.depth, d.maxPages)
	if err != nil {
		return nil, nil, err
	}
	var notes []string
	for _, fl := range failures {
		if fl.Err != nil && fl.Err.Kind == scanner.ErrRobots {
			continue // the site's owner keeps robots out: not a failure
		}
		reason := fl.Reason
		if fl.Err != nil {
			reason = reports.FetchReason(j.lang, fl.Err)
		}
		// Page addresses and server texts come from the site: no escape
		// sequence or bidi override reaches the terminal or a report.
		note := scanner.CleanText(fmt.Sprintf("%s: %s: %s", reports.L(j.lang, "note.discoverFailed"), fl.Page, reason))
		fmt.Fprintln(stderr, "warning: "+note)
		notes = append(notes, note)
	}
	found = append(found, discover.FromProfiles(results)...)
	missing := []reports.Unregistered{}
	for _, m := range discover.Unregistered(found, j.reg.Accounts) {
		foundOn := make([]string, len(m.FoundOn))
		for i, p := range m.FoundOn {
			foundOn[i] = scanner.CleanText(p)
		}
		missing = append(missing, reports.Unregistered{Platform: string(m.Account.Platform), URL: scanner.CleanText(m.Account.URL), FoundOn: foundOn})
	}
	return missing, notes, nil
}
