package audit

import (
	"context"
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/discover"
	"github.com/stockholm-stad/smaudit/reports"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/xlsx"
	"github.com/stockholm-stad/smaudit/scanner"
)

// UnregisteredFile is the workbook of accounts missing from the registry
// that discovery alone writes.
const UnregisteredFile = "saknas-i-forteckningen.xlsx"

// FindUnregistered crawls o.Discover's site and the scanned profiles and
// returns the accounts the registry lacks, with notes on pages that could
// not be read (written in the report language).
func FindUnregistered(ctx context.Context, o Options, f scanner.Fetcher, results []scanner.Result) ([]model.Unregistered, []string, error) {
	o = o.withDefaults()
	d := o.Discover
	fmt.Fprintf(o.Notices, "crawling %s (depth %d, at most %d pages)\n", d.Site, d.Depth, d.MaxPages)
	found, failures, err := discover.Crawl(ctx, f, d.Site, d.Depth, d.MaxPages)
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
			reason = model.ReadFailure(o.Lang, &scanner.Result{Err: fl.Err}) // no server English in a Swedish report
		}
		// Page addresses and server texts come from the site: no escape
		// sequence or bidi override reaches the terminal or a report.
		note := scanner.CleanText(fmt.Sprintf("%s: %s: %s", model.L(o.Lang, "note.discoverFailed"), fl.Page, reason))
		fmt.Fprintln(o.Notices, "warning: "+note)
		notes = append(notes, note)
	}
	found = append(found, discover.FromProfiles(results)...)
	missing := []model.Unregistered{}
	for _, m := range discover.Unregistered(found, o.Registry.Accounts) {
		foundOn := make([]string, len(m.FoundOn))
		for i, p := range m.FoundOn {
			foundOn[i] = scanner.CleanText(p)
		}
		missing = append(missing, model.Unregistered{Platform: string(m.Account.Platform), URL: scanner.CleanText(m.Account.URL), FoundOn: foundOn})
	}
	return missing, notes, nil
}

// WriteUnregistered writes the accounts missing from the registry, and
// the notes on pages that could not be read, as UnregisteredFile in
// o.Out; it returns the file's path.
func WriteUnregistered(o Options, missing []model.Unregistered, notes []string) (string, error) {
	r := model.Build(nil, nil, model.Meta{AsOf: o.AsOf, GeneratedBy: generatedBy(o), Lang: o.Lang, Registry: o.RegistryName, Notes: notes,
		Report: o.Config.Report.Info(o.AsOf)}, model.Inputs{Unregistered: missing})
	return reports.WriteOne(o.Out, UnregisteredFile, func(w io.Writer) error { return xlsx.WriteUnregisteredXLSX(w, r) })
}
