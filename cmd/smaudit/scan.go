package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"time"

	"github.com/stockholm-stad/smaudit/discover"
	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
	"github.com/stockholm-stad/smaudit/waivers"
)

// job is one audit, fully decided: what to scan, how, and where to write.
type job struct {
	reg          *registry.Registry
	registryName string
	out          string
	asOf         time.Time
	lang         string
	cfg          config
	// transport, when set, replaces the guarded network transport (the
	// demo's loopback fixture server).
	transport http.RoundTripper
	// discover, when set, also looks for accounts missing from the
	// registry and adds them to the overview.
	discover *discovery
	// dbPath is the history database; empty keeps no history.
	dbPath string
	// waiversPath is the waivers file; empty means none.
	waiversPath string
}

func runScan(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	jf := addJobFlags(fs, "folder to write the reports into (required)")
	concurrency := fs.Int("concurrency", defaultConfig().Concurrency, "accounts fetched at the same time, at least 1 (when not given: the config's concurrency)")
	discoverSite := fs.String("discover-site", "", "also crawl this city web site for accounts missing from the registry (see smaudit discover)")
	discoverDepth := fs.Int("discover-depth", 2, "with --discover-site: how many links deep to follow")
	fs.Usage = helpFor(fs, "smaudit scan --registry FILE --out DIR [flags]")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if *jf.registry == "" || *jf.out == "" {
		fmt.Fprintln(stderr, "smaudit scan: --registry and --out are required (see smaudit scan -h)")
		return exitUsage
	}
	concurrencySet := false
	fs.Visit(func(f *flag.Flag) { concurrencySet = concurrencySet || f.Name == "concurrency" })
	if concurrencySet && *concurrency < 1 {
		fmt.Fprintf(stderr, "smaudit scan: --concurrency must be at least 1, not %d\n", *concurrency)
		return exitUsage
	}
	j, err := jf.load(time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "smaudit scan: %v\n", err)
		return exitUsage
	}
	if concurrencySet {
		j.cfg.Concurrency = *concurrency
	}
	if *discoverSite != "" {
		j.discover = &discovery{site: *discoverSite, depth: *discoverDepth, maxPages: discover.DefaultMaxPages}
	}
	return audit(ctx, j, stdout, stderr)
}

// parseAsOf reads --as-of, defaulting to now's date in Stockholm.
func parseAsOf(s string, now time.Time) (time.Time, error) {
	if s == "" {
		s = now.In(rules.Stockholm).Format("2006-01-02")
	}
	return rules.ParseAsOf(s)
}

func checkLang(lang string) error {
	if lang != "sv" && lang != "en" {
		return fmt.Errorf("--lang must be sv or en, not %q", lang)
	}
	return nil
}

// audit scans, judges and writes the reports of one job and returns the
// exit code. Reports are written even when some accounts failed to fetch
// or the scan was interrupted; they say so.
func audit(ctx context.Context, j job, stdout, stderr io.Writer) int {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	catalog := rules.All(j.cfg.Rules)
	ws, err := loadWaivers(j, catalog)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit: %v\n", err)
		return exitUsage
	}
	// Where the reports and the history go is settled before anything is
	// fetched: an unwritable --out or database stops here, not after the
	// scan, and leaves nothing behind.
	undo, err := prepareFolders(j)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit: %v\n", err)
		return exitUsage
	}
	db, sess, err := openHistory(ctx, j)
	if err != nil {
		undo()
		fmt.Fprintf(stderr, "smaudit: %s\n", busyMessage(err))
		return exitUsage
	}
	if db != nil {
		defer db.Close()
		defer sess.Rollback()
	}
	var notes []string
	rowNotes := registryNotes(j.reg, j.lang, stderr)

	prog := newProgress(stderr, j.reg.Accounts)
	results, client, err := fetchAll(ctx, j, prog, log)
	if err == nil {
		notes = append(notes, deadHostNotes(client, results, j.lang, prog)...)
	}
	prog.Close()
	if err != nil {
		fmt.Fprintf(stderr, "smaudit: %v\n", err)
		return exitUsage
	}
	// Ctrl-C: say at once what happens next, before the reports take
	// their time (a second Ctrl-C stops at once, see main.go).
	interrupted := ctx.Err() != nil
	if interrupted {
		fmt.Fprintf(stderr, "interrupted: writing the reports for the %d accounts checked … (Ctrl-C again stops at once, without reports)\n", checkedCount(results))
	}
	var unregistered []reports.Unregistered
	if j.discover != nil && ctx.Err() == nil {
		var discoverNotes []string
		unregistered, discoverNotes, err = findUnregistered(ctx, j, client, results, stderr)
		if err != nil && ctx.Err() == nil {
			fmt.Fprintf(stderr, "smaudit: %v\n", err)
			return exitUsage
		}
		notes = append(notes, discoverNotes...)
		if ctx.Err() != nil {
			// Every account was read, but the search for unregistered
			// ones was cut short: its list may lack some, and the run is
			// not a complete audit to store.
			interrupted = true
			notes = append(notes, reports.L(j.lang, "note.discoveryInterrupted"))
			fmt.Fprintln(stderr, "interrupted during the search for unregistered accounts: writing the reports … (Ctrl-C again stops at once, without reports)")
		}
	}

	// Nothing is fetched from here on: the connections kept open for
	// more requests, one per host with its buffers, are let go before the
	// reports take their memory.
	if c, ok := client.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
	// Once judged, an account's posts and profile text are needed no
	// more (see rules.Judged.Settle); letting go of them as each is
	// judged keeps them out of the heap the reports are written in.
	judged := make([]rules.Judged, len(results))
	for i := range results {
		judged[i] = rules.Judge(catalog, results[i], j.asOf)
		judged[i].Settle()
		results[i] = scanner.Result{}
	}
	waivers.Apply(judged, ws, j.asOf)
	if interrupted {
		notes = append(notes, reports.L(j.lang, "note.interrupted"))
	}
	report := reports.Build(judged, catalog, reports.Meta{
		AsOf: j.asOf, GeneratedBy: "smaudit " + version, Lang: j.lang, Registry: j.registryName, Notes: notes, RowNotes: rowNotes,
		InactiveDays: j.cfg.Rules.InactiveDays, Interrupted: interrupted,
	})
	report.Unregistered = unregistered
	scan := history.FromJudged(j.asOf, j.registryName, "smaudit "+version, j.lang, judged)
	if db != nil {
		// Reports are written after Ctrl-C too, so reading the history
		// must not stop with the scan.
		if report.History, err = db.HistoryFor(context.WithoutCancel(ctx), scan); err != nil {
			fmt.Fprintf(stderr, "smaudit: history: %v\n", err)
			return exitUsage
		}
	}
	written, err := reports.WriteAll(j.out, report)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit: writing reports to %s: %v\n", j.out, err)
		return exitUsage
	}
	printSummary(stdout, j, report, written)
	if err := storeScan(ctx, sess, scan, stdout, stderr); err != nil {
		// The reports exist, but next quarter would not see this one:
		// that must not look like a normal end.
		fmt.Fprintf(stderr, "smaudit: the reports were written, but the scan could not be stored in the history: %v\n", err)
		return exitNotStored
	}
	// A Ctrl-C that came only while the reports were written still ends
	// the run as interrupted: the scan was not stored.
	return exitCode(report.Summary, interrupted || ctx.Err() != nil)
}

// checkedCount counts the accounts the scan got to.
func checkedCount(results []scanner.Result) int {
	n := 0
	for _, r := range results {
		if r.Status != scanner.FetchNotReached {
			n++
		}
	}
	return n
}

// registryNotes prints the registry's row problems and warnings for the
// person running the scan and returns them as notes for the reports of
// the administrations whose rows they concern.
func registryNotes(reg *registry.Registry, lang string, stderr io.Writer) []reports.RowNote {
	adminOf := map[int]string{}
	for _, a := range reg.Accounts {
		adminOf[a.Row] = a.Administration
	}
	var notes []reports.RowNote
	for _, p := range reg.RowErrors() {
		fmt.Fprintf(stderr, "warning: %v (the row is reported as not checkable)\n", p)
		notes = append(notes, reports.RowNote{Administration: adminOf[p.Row], Text: p.In(lang)})
	}
	for _, w := range reg.Warnings {
		fmt.Fprintf(stderr, "warning: %v\n", w)
		notes = append(notes, reports.RowNote{Administration: adminOf[w.Row], Text: w.In(lang)})
	}
	return notes
}

// fetchAll fetches every account of the job's registry through one crawl
// client shared by all adapters, so politeness holds across platforms.
func fetchAll(ctx context.Context, j job, prog *progress, log *slog.Logger) ([]scanner.Result, scanner.Fetcher, error) {
	crawlCfg := j.cfg.Crawl
	if crawlCfg.UserAgent == "" {
		crawlCfg.UserAgent = crawl.UserAgent(version, crawlCfg.Contact)
	}
	crawlCfg.Transport = j.transport
	crawlCfg.Logger = log
	crawlCfg.OnWait = prog.Wait
	client, err := crawl.New(crawlCfg)
	if err != nil {
		return nil, nil, err
	}
	return scanner.Scan(ctx, j.reg.Accounts, adaptersFor(j.cfg, client, log), j.cfg.Rules.EarliestNeeded(j.asOf),
		scanner.Options{Concurrency: j.cfg.Concurrency, PerLane: crawlCfg.PerHostConcurrency, Progress: prog}), client, nil
}

// exitCode maps the scan's outcome to the documented exit codes. An
// interrupted scan is 130 whatever it found: its counts are not the
// audit's.
func exitCode(c reports.Counts, interrupted bool) int {
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
func printSummary(w io.Writer, j job, r *reports.Report, written reports.Written) {
	s := r.Summary
	date := j.asOf.Format("2006-01-02")
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
	fmt.Fprintf(w, "Reports in %s:\n", j.out)
	fmt.Fprintf(w, "  %s\n", filepath.Join(j.out, written.Results))
	for _, f := range written.Overview {
		fmt.Fprintf(w, "  %s\n", filepath.Join(j.out, f))
	}
	for _, a := range r.Administrations {
		for _, f := range written.PerAdministration[a.Name] {
			fmt.Fprintf(w, "  %s\n", filepath.Join(j.out, f))
		}
	}
}
