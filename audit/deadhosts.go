package audit

import (
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// deadHostNotes tells the person running the scan, once per host that
// stopped answering, how many accounts on it were skipped without a
// request, and returns the same in the report language for the overview.
func deadHostNotes(fetcher scanner.Fetcher, results []scanner.Result, lang string, prog Progress) []string {
	client, ok := fetcher.(*crawl.Client)
	if !ok {
		return nil
	}
	hosts := client.DeadHosts()
	if len(hosts) == 0 {
		return nil
	}
	skipped := skippedAccountsByHost(results)
	prog.DeadHosts(hosts, skipped)
	var notes []string
	for _, h := range hosts {
		notes = append(notes, model.DeadHostNote(lang, scanner.CleanText(h.Host), skipped[h.Host]))
	}
	return notes
}

// skippedAccountsByHost counts, per host, the accounts whose fetch was
// skipped because their host had stopped answering earlier in the scan.
func skippedAccountsByHost(results []scanner.Result) map[string]int {
	out := map[string]int{}
	for _, r := range results {
		if r.Err == nil || !r.Err.Skipped {
			continue
		}
		if u, err := url.Parse(r.Err.URL); err == nil && u.Host != "" {
			out[strings.ToLower(u.Host)]++
		}
	}
	return out
}
