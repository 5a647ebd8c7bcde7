package audit

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// Fetch fetches every account of the registry through one crawl client
// shared by all adapters, so politeness holds across platforms. It
// returns the client too: discovery crawls through it, and it knows the
// hosts that stopped answering.
func Fetch(ctx context.Context, o Options, prog Progress) ([]scanner.Result, scanner.Fetcher, error) {
	o = o.withDefaults()
	crawlCfg := o.Config.Crawl
	if crawlCfg.UserAgent == "" {
		crawlCfg.UserAgent = crawl.UserAgent(o.Version, crawlCfg.Contact)
	}
	crawlCfg.Transport = o.Transport
	crawlCfg.Logger = o.Logger
	crawlCfg.OnWait = prog.Wait
	rec, err := evidenceWriter(o, &crawlCfg)
	if err != nil {
		return nil, nil, err
	}
	client, err := crawl.New(crawlCfg)
	if err != nil {
		if rec != nil {
			rec.Close() // nothing written yet
		}
		return nil, nil, err
	}
	f := evidenceFor(client, rec)
	adapters := adaptersFor(o.Config, f, o.Logger)
	if rec != nil {
		adapters = scanner.Recording(adapters)
	}
	results := scanner.Scan(ctx, o.Registry.Accounts, adapters, o.Config.Rules.EarliestNeeded(o.AsOf),
		scanner.Options{Concurrency: o.Config.Concurrency, PerLane: crawlCfg.PerHostConcurrency, Progress: prog, Logger: o.Logger})
	closeEvidence(o, rec, results)
	return results, client, nil
}

// withDefaults fills in the writers a front end may leave out.
func (o Options) withDefaults() Options {
	if o.Notices == nil {
		o.Notices = io.Discard
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
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

// registryNotes tells the person running the scan the registry's row
// problems and warnings and returns them as notes for the reports of the
// administrations whose rows they concern.
func registryNotes(reg *registry.Registry, lang string, notices io.Writer) []model.RowNote {
	adminOf := map[int]string{}
	for _, a := range reg.Accounts {
		adminOf[a.Row] = a.Administration
	}
	var notes []model.RowNote
	for _, p := range reg.RowErrors() {
		fmt.Fprintf(notices, "warning: %v (the row is reported as not checkable)\n", p)
		notes = append(notes, model.RowNote{Administration: adminOf[p.Row], Text: p.In(lang)})
	}
	for _, w := range reg.Warnings {
		fmt.Fprintf(notices, "warning: %v\n", w)
		notes = append(notes, model.RowNote{Administration: adminOf[w.Row], Text: w.In(lang)})
	}
	return notes
}
