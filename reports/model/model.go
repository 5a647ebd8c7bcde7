// Package model is the report of a judged scan as the writers show it:
// the report, its keys, labels and derived tables, computed once by Build
// from the judged accounts, with the history and discovery as inputs. It
// links no writer, so the history and any front end can use it without
// PDF or Excel code; the writers in reports only lay it out.
package model

import (
	"sort"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// Meta describes the scan a report belongs to.
type Meta struct {
	AsOf        time.Time // the audit date, midnight Europe/Stockholm
	GeneratedBy string    // tool name and version, e.g. "smaudit 0.1.0"
	Lang        string    // "sv" (default) or "en"
	Registry    string    // the registry file's name
	// InactiveDays is the inactive-account rule's limit, which the closure
	// lists explain; zero means the rules' default.
	InactiveDays int
	// Notes are scan-level facts every reader must know about, such as an
	// interrupted scan. Written in the report's language.
	Notes []string
	// Interrupted marks a scan stopped before it finished (Ctrl-C). Build
	// also sets it when any account was not reached. An interrupted
	// report says so on its first page, shows no compliance share where
	// accounts were not reached, and is never stored in the history.
	Interrupted bool
	// RowNotes are problems of single registry rows. Each administration's
	// report shows its own; the overview and results.json show them all.
	RowNotes []RowNote
	// Report is who sends the report and how to answer it.
	Report ReportInfo
}

// RowNote is a problem of one registry row.
type RowNote struct {
	Administration string // the row's Förvaltning, as written
	Text           string
}

// Counts are finding and account tallies.
type Counts struct {
	Accounts int // accounts in scope
	Pass     int // findings by status
	Fail     int
	Manual   int
	Error    int
	Waived   int
	// AccountsFailing counts accounts with at least one failing finding.
	AccountsFailing int
	// AccountsUnreadable counts accounts whose fetch failed.
	AccountsUnreadable int
	// AccountsRead counts accounts whose fetch succeeded.
	AccountsRead int
	// NotReached counts accounts an interrupted scan never checked; they
	// have no findings.
	NotReached int
}

// Checked is the number of accounts the scan got to: every account but
// those not reached.
func (c Counts) Checked() int { return c.Accounts - c.NotReached }

// Compliance is the share of judged findings that pass: pass/(pass+fail).
// Manual and error findings are left out, since nobody could judge them.
// It is -1 when NoShare gives a reason not to show one.
func (c Counts) Compliance() float64 {
	if c.NoShare() != "" {
		return -1
	}
	return share(c.Pass, c.Fail)
}

// NoShare names, as a label key, why c has no compliance share, or is
// empty when it has one. A share over part of the accounts, or over the
// registry columns alone when no account could be read, would read as a
// verdict on accounts nobody looked at: a false "100 %" is the worst
// thing a report can say.
func (c Counts) NoShare() string {
	switch {
	case c.NotReached > 0:
		return "noShare.interrupted"
	case c.Accounts > 0 && c.AccountsRead == 0:
		return "noShare.nothingRead"
	case c.Pass+c.Fail == 0:
		return "noShare.nothingJudged"
	}
	return ""
}

// share is pass/(pass+fail), or -1 when both are zero.
func share(pass, fail int) float64 {
	if pass+fail == 0 {
		return -1
	}
	return float64(pass) / float64(pass+fail)
}

func (c *Counts) add(j *rules.Judged) {
	c.Accounts++
	switch j.Result.Status {
	case scanner.FetchNotReached:
		c.NotReached++
	case scanner.FetchOK:
		c.AccountsRead++
	}
	failing := false
	for _, f := range j.Findings {
		switch f.Status {
		case rules.Pass:
			c.Pass++
		case rules.Fail:
			c.Fail++
			failing = true
		case rules.Manual:
			c.Manual++
		case rules.Error:
			c.Error++
		case rules.Waived:
			c.Waived++
		}
	}
	if failing {
		c.AccountsFailing++
	}
	if j.Result.Status == scanner.FetchFailed {
		c.AccountsUnreadable++
	}
}

// Closure is an account the inactive-account rule proposes for closure.
type Closure struct {
	Account     *rules.Judged
	LastOwnPost time.Time // zero when no own post was found
	DaysSince   int       // days from LastOwnPost to the audit date; -1 if none
}

// Administration is one administration's part of the scan.
type Administration struct {
	Name     string // as written in the registry
	Slug     string // ASCII file base name, e.g. "kulturforvaltningen"
	Accounts []*rules.Judged
	Worst    []*rules.Judged // Accounts ordered worst first
	Counts   Counts
	// Coverage is how much of the administration's checking the machine
	// did; every share of Counts is shown with it.
	Coverage Coverage
	Closure  []Closure
	Notes    []string // Meta.Notes and this administration's row notes
	// Checklist lists every manual finding of the accounts, in account
	// order and then rule order, with the question a person must answer.
	Checklist []ChecklistItem
	// NotReached lists, in account order, the accounts an interrupted
	// scan never checked: reports list them compactly, apart from the
	// accounts that have findings.
	NotReached []*rules.Judged
	// Unread lists, in account order, the accounts that could not be read
	// or were not reached, each with the reason and a next step.
	Unread []Unread
	// Granskning is the administration's report as an audit report
	// opens: summary, assessment, recommendations, introduction.
	Granskning Granskning
}

// Report is everything the writers show.
type Report struct {
	Meta            Meta
	Rules           []rules.Rule      // the rule catalog, in rule order
	Accounts        []*rules.Judged   // sorted by administration, then account
	Administrations []*Administration // sorted by name
	Summary         Counts
	// Coverage is Summary's coverage: how much of the city's checking the
	// machine did.
	Coverage Coverage
	Closure  []Closure // every administration's, in account order
	// Unread lists every account that could not be read or was not
	// reached, in account order: the overview names them all.
	Unread []Unread
	// RuleTallies counts, per rule in catalog order, the accounts by the
	// rule's verdict city-wide.
	RuleTallies []RuleTally
	// Granskning is the overview's summary, assessment, recommendations
	// and introduction, city-wide.
	Granskning Granskning
	// History is what earlier stored scans add: change since the previous
	// scan, trends, streaks and answers. Nil without a history database.
	History *History
	// Unregistered lists social-media accounts found on the city's web
	// or on scanned profiles that the registry does not list; nil when no
	// discovery ran.
	Unregistered []Unregistered
	// tallies are each account's finding counts, counted once by Build
	// for the order of accounts and every writer's per-account totals.
	tallies map[*rules.Judged]Counts
}

// Unregistered is an account found by discovery but missing from the
// registry.
type Unregistered struct {
	Platform string   // normalised platform, e.g. "facebook"
	URL      string   // the account's canonical URL
	FoundOn  []string // pages (or profiles) linking to it, sorted, at most a few
}

// OverviewSlug is the file base name of the city-wide overview.
const OverviewSlug = "oversikt"

// Inputs are what a report shows besides the judged accounts: what the
// stored scans and discovery found. Build takes them rather than having
// them set afterwards, so every table that depends on them is computed
// with them, once.
type Inputs struct {
	// History is what earlier stored scans add; nil without a history
	// database.
	History *History
	// Unregistered are the accounts discovery found that the registry
	// does not list; nil when no discovery ran.
	Unregistered []Unregistered
}

// Build computes a report from judged accounts and the inputs beside
// them. It sorts and counts; it does not change the accounts.
func Build(judged []rules.Judged, catalog []rules.Rule, meta Meta, in Inputs) *Report {
	if meta.Lang == "" {
		meta.Lang = "sv"
	}
	if meta.InactiveDays == 0 {
		meta.InactiveDays = rules.DefaultConfig().InactiveDays
	}
	r := &Report{Meta: meta, Rules: catalog, History: in.History, Unregistered: in.Unregistered,
		tallies: make(map[*rules.Judged]Counts, len(judged))}
	for i := range judged {
		r.Accounts = append(r.Accounts, &judged[i])
		r.tallies[&judged[i]] = tally(&judged[i])
		if IsNotReached(&judged[i]) {
			r.Meta.Interrupted = true
		}
	}
	col := NewCollation()
	sort.SliceStable(r.Accounts, func(i, k int) bool {
		a, b := r.Accounts[i].Result.Account, r.Accounts[k].Result.Account
		if c := col.Compare(a.Administration, b.Administration); c != 0 {
			return c < 0
		}
		if c := col.Compare(a.Name, b.Name); c != 0 {
			return c < 0
		}
		return a.Row < b.Row
	})
	byName := map[string]*Administration{}
	used := map[string]bool{OverviewSlug: true, "results": true}
	for _, j := range r.Accounts {
		name := j.Result.Account.Administration
		adm := byName[name]
		if adm == nil {
			adm = &Administration{Name: name, Slug: uniqueSlug(Slug(name), used)}
			byName[name] = adm
			r.Administrations = append(r.Administrations, adm)
		}
		adm.Accounts = append(adm.Accounts, j)
		adm.Counts.add(j)
		r.Summary.add(j)
		if c, ok := closure(j, meta.AsOf); ok {
			adm.Closure = append(adm.Closure, c)
			r.Closure = append(r.Closure, c)
		}
	}
	r.Coverage = coverageOf(r.Summary)
	r.Unread = unreadOf(r.Accounts, in.History)
	r.RuleTallies = ruleTallies(r.Accounts, catalog)
	for _, adm := range r.Administrations {
		adm.Coverage = coverageOf(adm.Counts)
		adm.Notes = append([]string(nil), meta.Notes...)
		adm.NotReached = notReached(adm.Accounts)
		adm.Unread = unreadOf(adm.Accounts, in.History)
		for _, n := range meta.RowNotes {
			if n.Administration == adm.Name {
				adm.Notes = append(adm.Notes, n.Text)
			}
		}
		adm.Worst = append([]*rules.Judged(nil), adm.Accounts...)
		sort.SliceStable(adm.Worst, func(i, k int) bool { return r.worse(col, adm.Worst[i], adm.Worst[k]) })
		adm.Checklist = checklist(adm.Accounts, catalog)
	}
	// The prose last: it speaks of every table above.
	r.Granskning = granskningOf(cityScope(r))
	for _, adm := range r.Administrations {
		adm.Granskning = granskningOf(adminScope(r, adm))
	}
	return r
}

// closure reports whether the inactive-account rule failed the account.
func closure(j *rules.Judged, asOf time.Time) (Closure, bool) {
	for _, f := range j.Findings {
		if f.Rule == rules.InactiveAccount && f.Status == rules.Fail {
			c := Closure{Account: j, LastOwnPost: j.LastOwnPost, DaysSince: -1}
			if !j.LastOwnPost.IsZero() {
				last := j.LastOwnPost.In(rules.Stockholm)
				day := time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, rules.Stockholm)
				c.DaysSince = int(asOf.Sub(day).Hours()/24 + 0.5)
			}
			return c, true
		}
	}
	return Closure{}, false
}

// worse orders accounts for "worst first": most failures, then most
// errors, then most manual findings, then by name; accounts not reached,
// which have no findings, come last.
func (r *Report) worse(col *Collation, a, b *rules.Judged) bool {
	if x, y := IsNotReached(a), IsNotReached(b); x != y {
		return y
	}
	ca, cb := r.Tally(a), r.Tally(b)
	if ca.Fail != cb.Fail {
		return ca.Fail > cb.Fail
	}
	if ca.Error != cb.Error {
		return ca.Error > cb.Error
	}
	if ca.Manual != cb.Manual {
		return ca.Manual > cb.Manual
	}
	return col.Compare(a.Result.Account.Name, b.Result.Account.Name) < 0
}

// tally counts one account's findings.
func tally(j *rules.Judged) Counts {
	var c Counts
	c.add(j)
	return c
}

// AllNotes lists the scan's notes and every row note, for the overview.
func (r *Report) AllNotes() []string {
	notes := append([]string(nil), r.Meta.Notes...)
	for _, n := range r.Meta.RowNotes {
		notes = append(notes, n.Text)
	}
	return notes
}

// Tally returns the finding counts of one account, counted once by Build,
// for writers that show per-account totals. An account Build did not
// see (a report put together by hand) is counted on the spot.
func (r *Report) Tally(j *rules.Judged) Counts {
	if c, ok := r.tallies[j]; ok {
		return c
	}
	return tally(j)
}

// notReached picks the accounts not reached, in the given order.
func notReached(accounts []*rules.Judged) []*rules.Judged {
	var out []*rules.Judged
	for _, j := range accounts {
		if IsNotReached(j) {
			out = append(out, j)
		}
	}
	return out
}

// IsNotReached reports whether the scan never checked the account.
func IsNotReached(j *rules.Judged) bool { return j.Result.Status == scanner.FetchNotReached }
