package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/discover"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/scanner/progress"
)

func runScan(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	jf := addJobFlags(fs, "folder to write the reports into (required)")
	concurrency := fs.Int("concurrency", audit.DefaultConfig().Concurrency, "accounts fetched at the same time, at least 1 (when not given: the config's concurrency)")
	discoverSite := fs.String("discover-site", "", "also crawl this city web site for accounts missing from the registry (see smaudit discover)")
	discoverDepth := fs.Int("discover-depth", 2, "with --discover-site: how many links deep to follow")
	fs.BoolVar(&jf.Evidence, "evidence", false, "also write every response the scan used into WARC files in DIR/bevis, cited by results.json (see README)")
	fs.Usage = helpFor(fs, "smaudit scan --registry FILE --out DIR [flags]")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if jf.RegistryPath == "" || jf.Out == "" {
		fmt.Fprintln(stderr, "smaudit scan: --registry and --out are required (see smaudit scan -h)")
		return exitUsage
	}
	concurrencySet := false
	fs.Visit(func(f *flag.Flag) { concurrencySet = concurrencySet || f.Name == "concurrency" })
	if concurrencySet && *concurrency < 1 {
		fmt.Fprintf(stderr, "smaudit scan: --concurrency must be at least 1, not %d\n", *concurrency)
		return exitUsage
	}
	j, err := jf.Options(time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "smaudit scan: %v\n", err)
		return exitUsage
	}
	if concurrencySet {
		j.Config.Concurrency = *concurrency
	}
	if *discoverSite != "" {
		j.Discover = &audit.Discovery{Site: *discoverSite, Depth: *discoverDepth, MaxPages: discover.DefaultMaxPages}
	}
	return runAudit(ctx, j, stdout, stderr)
}

// runAudit runs one audit and returns the exit code. Reports are written
// even when some accounts failed to fetch or the scan was interrupted;
// they say so.
func runAudit(ctx context.Context, o audit.Options, stdout, stderr io.Writer) int {
	o.Version = version
	o.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	o.Notices = stderr
	a, err := audit.Open(ctx, o)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit: %v\n", err)
		return exitUsage
	}
	defer a.Close()
	res, err := a.Run(ctx, progress.New(stderr, o.Registry.Accounts))
	if err != nil {
		fmt.Fprintf(stderr, "smaudit: %v\n", err)
		return exitUsage
	}
	printSummary(stdout, o, res)
	id, err := a.Store(ctx)
	if err != nil {
		// The reports exist, but next quarter would not see this one:
		// that must not look like a normal end.
		fmt.Fprintf(stderr, "smaudit: the reports were written, but the scan could not be stored in the history: %v\n", err)
		return exitNotStored
	}
	if id != 0 {
		fmt.Fprintf(stdout, "Stored in the history as scan %d (as of %s).\n", id, o.AsOf.Format("2006-01-02"))
	}
	// A Ctrl-C that came only while the reports were written still ends
	// the run as interrupted: the scan was not stored.
	return exitCode(res.Report.Summary, res.Report.Meta.Interrupted || ctx.Err() != nil)
}

// exitCode maps the scan's outcome to the documented exit codes. An
// interrupted scan is 130 whatever it found: its counts are not the
// audit's.
func exitCode(c model.Counts, interrupted bool) int {
	switch {
	case interrupted:
		return exitInterrupted
	case c.Fail > 0:
		return exitFail
	case c.Error > 0:
		return exitUnchecked
	default:
		return exitOK
	}
}

// printSummary tells a person what happened and where the reports are.
// Accounts are counted as accounts and findings as findings, so nobody
// reads "5000 pass" as five thousand accounts passing.
func printSummary(w io.Writer, o audit.Options, res *audit.Result) {
	r := res.Report
	s := r.Summary
	date := o.AsOf.Format("2006-01-02")
	if r.Meta.Interrupted {
		fmt.Fprintf(w, "Interrupted: %d of %d accounts checked; %d not reached. The reports cover only the accounts checked and say so.\n",
			s.Checked(), s.Accounts, s.NotReached)
		fmt.Fprintf(w, "Findings of the %d accounts checked as of %s: %d pass, %d fail, %d manual, %d could not be checked.\n",
			s.Checked(), date, s.Pass, s.Fail, s.Manual, s.Error)
	} else {
		fmt.Fprintf(w, "Audited %d accounts as of %s. Findings: %d pass, %d fail, %d manual, %d could not be checked.\n",
			s.Accounts, date, s.Pass, s.Fail, s.Manual, s.Error)
	}
	if s.AccountsFailing > 0 {
		fmt.Fprintf(w, "%d accounts have at least one failing finding.\n", s.AccountsFailing)
	}
	if s.AccountsUnreadable > 0 {
		fmt.Fprintf(w, "%d accounts could not be read; their reasons are in the reports.\n", s.AccountsUnreadable)
	}
	if n := len(r.Unregistered); n > 0 {
		fmt.Fprintf(w, "%d accounts are linked from the city's web or the profiles but missing from the registry; see the overview.\n", n)
	}
	fmt.Fprintf(w, "Reports in %s:\n", o.Out)
	for _, f := range res.Files() {
		fmt.Fprintf(w, "  %s\n", filepath.Join(o.Out, f))
	}
}
