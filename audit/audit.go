// Package audit runs one audit of the city's social-media accounts for any
// front end: registry → scan → judge → history → report model → writers.
// It settles where the reports and the history go before a request is
// sent, scans every registered account, judges it, looks for accounts
// missing from the registry, builds the report with the history, writes
// every report and stores the scan. A front end (cmd/smaudit, a scheduled
// job) parses its input into Options, shows progress and turns the result
// into exit codes or pages; it holds no step of the audit itself.
package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
	"github.com/stockholm-stad/smaudit/waivers"
)

// Options is one audit, fully decided: what to scan, how, and where to
// write.
type Options struct {
	Registry *registry.Registry
	// RegistryName is the registry's file name as the reports show it.
	RegistryName string
	// Out is the folder the reports are written into.
	Out  string
	AsOf time.Time
	// Lang is the reports' language: sv or en.
	Lang   string
	Config Config
	// Transport, when set, replaces the guarded network transport (the
	// demo's loopback fixture server).
	Transport http.RoundTripper
	// Discover, when set, also looks for accounts missing from the
	// registry and adds them to the overview.
	Discover *Discovery
	// DBPath is the history database; empty keeps no history.
	DBPath string
	// WaiversPath is the waivers file; empty means none.
	WaiversPath string
	// Version is the tool's version, named in the reports and the user
	// agent.
	Version string
	// Logger receives the crawl's and the adapters' log records; nil
	// discards them.
	Logger *slog.Logger
	// Notices receives what a person running the audit should read as it
	// happens (registry warnings, pages that could not be read, what an
	// interruption means); nil discards them.
	Notices io.Writer
	// Evidence writes every response the scan used into WARC files in
	// Out/bevis, one per administration, and has results.json cite them.
	Evidence bool
}

// Discovery is what to crawl when looking for unregistered accounts.
type Discovery struct {
	Site     string
	Depth    int
	MaxPages int
}

// Progress is told how the fetching goes. The pipeline calls Close once,
// when no more accounts will be fetched, before it writes further notices.
type Progress interface {
	scanner.Progress
	// Wait is told of every wait for a rate limit or a retry.
	Wait(host string, d time.Duration, reason string)
	// DeadHosts is told of the hosts that stopped answering and, per
	// host, how many accounts were skipped without a request.
	DeadHosts(hosts []crawl.DeadHost, skipped map[string]int)
	Close()
}

// Result is a finished audit's report and the files written for it.
type Result struct {
	Report  *model.Report
	Written reports.Written
}

// Audit is one audit whose waivers are read and whose output folder and
// history are claimed: an unwritable --out or database, a bad waivers
// file or a second audit against the same history stops in Open, before
// anything is fetched, and leaves nothing behind.
type Audit struct {
	opts    Options
	catalog []rules.Rule
	waivers []waivers.Waiver
	db      *history.DB
	sess    *history.Session
	// scan is the scan Run judged, for Store. It is built again from
	// the judged accounts the report keeps, rather than kept from
	// before the reports: its evidence, written out as text, would
	// otherwise take memory all through the writing of the reports.
	scan func() history.Scan
}

// Open checks and claims everything the audit will write to. Close
// releases the history.
func Open(ctx context.Context, opts Options) (*Audit, error) {
	opts = opts.withDefaults()
	a := &Audit{opts: opts, catalog: rules.All(opts.Config.Rules)}
	var err error
	if a.waivers, err = loadWaivers(opts, a.catalog); err != nil {
		return nil, err
	}
	undo, err := prepareFolders(opts.Out, opts.DBPath)
	if err != nil {
		return nil, err
	}
	if a.db, a.sess, err = openHistory(ctx, opts.DBPath); err != nil {
		undo()
		if errors.Is(err, history.ErrBusy) {
			return nil, err
		}
		return nil, fmt.Errorf("history: %w", err)
	}
	return a, nil
}

// Close gives up the history's write lock; a scan Store has not saved is
// not kept.
func (a *Audit) Close() {
	if a.db != nil {
		a.sess.Rollback()
		a.db.Close()
	}
}

// Run scans, judges and writes the reports. Reports are written even when
// some accounts failed to fetch or ctx was cancelled; they say so. Its
// error means no report was written.
func (a *Audit) Run(ctx context.Context, prog Progress) (*Result, error) {
	o := a.opts
	defer limitMemory(len(o.Registry.Accounts))() // memlimit.go
	var notes []string
	rowNotes := registryNotes(o.Registry, o.Lang, o.Notices)

	results, client, err := Fetch(ctx, o, prog)
	if err == nil {
		notes = append(notes, deadHostNotes(client, results, o.Lang, prog)...)
	}
	prog.Close()
	if err != nil {
		return nil, err
	}
	// Cancelled: say at once what happens next, before the reports take
	// their time (a second Ctrl-C stops at once, see cmd/smaudit).
	interrupted := ctx.Err() != nil
	if interrupted {
		fmt.Fprintf(o.Notices, "interrupted: writing the reports for the %d accounts checked … (Ctrl-C again stops at once, without reports)\n", checkedCount(results))
	}
	var unregistered []model.Unregistered
	if o.Discover != nil && ctx.Err() == nil {
		var discoverNotes []string
		unregistered, discoverNotes, err = FindUnregistered(ctx, o, client, results)
		if err != nil && ctx.Err() == nil {
			return nil, err
		}
		notes = append(notes, discoverNotes...)
		if ctx.Err() != nil {
			// Every account was read, but the search for unregistered
			// ones was cut short: its list may lack some, and the run is
			// not a complete audit to store.
			interrupted = true
			notes = append(notes, model.L(o.Lang, "note.discoveryInterrupted"))
			fmt.Fprintln(o.Notices, "interrupted during the search for unregistered accounts: writing the reports … (Ctrl-C again stops at once, without reports)")
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
	// The answers "Kontot avslutas" to the previous scan reach the rules
	// (closure-notice) before judging; reading them must not stop with
	// the scan, as reports are written after Ctrl-C too.
	var closing map[string]rules.ClosingAnswer
	if a.db != nil {
		if closing, err = a.db.ClosingAnswers(context.WithoutCancel(ctx), o.AsOf); err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
	}
	judged := make([]rules.Judged, len(results))
	for i := range results {
		var ans rules.Answers
		if c, ok := closing[model.AccountKey(results[i].Account)]; ok {
			ans.Closing = &c
		}
		judged[i] = rules.JudgeWith(a.catalog, results[i], o.AsOf, ans)
		citePosts(&judged[i])
		judged[i].Settle()
		results[i] = scanner.Result{}
	}
	applyWaivers(judged, a.waivers, o.AsOf, a.catalog)
	if interrupted {
		notes = append(notes, model.L(o.Lang, "note.interrupted"))
	}
	a.scan = func() history.Scan {
		return history.FromJudged(o.AsOf, o.RegistryName, generatedBy(o), o.Lang, judged)
	}
	in := model.Inputs{Unregistered: unregistered}
	if a.db != nil {
		// Reports are written after Ctrl-C too, so reading the history
		// must not stop with the scan.
		if in.History, err = a.db.HistoryFor(context.WithoutCancel(ctx), a.scan()); err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
	}
	report := model.Build(judged, a.catalog, model.Meta{
		AsOf: o.AsOf, GeneratedBy: generatedBy(o), Lang: o.Lang, Registry: o.RegistryName, Notes: notes, RowNotes: rowNotes,
		InactiveDays: o.Config.Rules.InactiveDays, Interrupted: interrupted, Report: o.Config.Report.Info(o.AsOf),
	}, in)
	written, err := reports.WriteAll(o.Out, report)
	if err != nil {
		return nil, fmt.Errorf("writing reports to %s: %w", o.Out, err)
	}
	return &Result{Report: report, Written: written}, nil
}

// Store saves the scan Run judged in the history and returns its number.
// An interrupted scan is not stored (a partial scan would make the next
// quarter's changes wrong), nor is one without a history: both return 0.
// Its error means a complete scan could not be stored.
func (a *Audit) Store(ctx context.Context) (int64, error) {
	if a.sess == nil {
		return 0, nil
	}
	if ctx.Err() != nil {
		fmt.Fprintln(a.opts.Notices, "the interrupted scan is not stored in the history")
		return 0, nil
	}
	var scan history.Scan
	if a.scan != nil {
		scan = a.scan()
	}
	return a.sess.Save(ctx, scan)
}

// generatedBy names the tool in the reports and the history.
func generatedBy(o Options) string {
	return "smaudit " + o.Version
}
