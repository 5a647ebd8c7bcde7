// Package jsonout writes results.json, the report for machines: every
// account with its findings, the counts and the history's changes, laid
// out from the model as it stands; it computes nothing of its own.
package jsonout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// resultsJSON is the documented shape of results.json (see README).
type resultsJSON struct {
	AsOf        string `json:"asOf"`
	GeneratedBy string `json:"generatedBy"`
	Registry    string `json:"registry"`
	Lang        string `json:"lang"`
	// Complete is false for an interrupted scan; Checked and NotReached
	// count its accounts, so a program never takes part for the whole.
	Complete   bool          `json:"complete"`
	Checked    int           `json:"checked"`
	NotReached int           `json:"notReached"`
	Notes      []string      `json:"notes"`
	Accounts   []accountJSON `json:"accounts"`
	Summary    summaryJSON   `json:"summary"`
	// History is present only when the scan keeps history.
	History *historyJSON `json:"history,omitempty"`
	// Unregistered is present only when discovery ran.
	Unregistered *[]unregisteredJSON `json:"unregistered,omitempty"`
	// Report is who sends the report and how to answer it.
	Report reportJSON `json:"report"`
	// Unread lists every account not read or not reached.
	Unread []unreadJSON `json:"unread"`
	// RuleTallies counts accounts by verdict per rule, city-wide.
	RuleTallies []ruleTallyJSON `json:"ruleTallies"`
	// Granskning is the overview's summary, assessment, recommendations
	// and introduction; each administration's is beside its counts.
	Granskning granskningJSON `json:"granskning"`
}

type granskningJSON struct {
	Summary         string               `json:"summary"`
	Assessment      []string             `json:"assessment"`
	Recommendations []recommendationJSON `json:"recommendations"`
	Intro           []introJSON          `json:"intro"`
}

type recommendationJSON struct {
	Text     string   `json:"text"`
	Severity string   `json:"severity"`
	Accounts []string `json:"accounts"`
}

type introJSON struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

type reportJSON struct {
	Sender       string  `json:"sender"`
	ContactName  string  `json:"contactName"`
	ContactEmail string  `json:"contactEmail"`
	ReplyBy      *string `json:"replyBy"`
	SendTo       string  `json:"sendTo"`
}

type coverageJSON struct {
	Points      int    `json:"points"`
	Automated   int    `json:"automated"`
	Manual      int    `json:"manual"`
	Error       int    `json:"error"`
	Waived      int    `json:"waived"`
	Accounts    int    `json:"accounts"`
	Unreadable  int    `json:"unreadable"`
	NotReached  int    `json:"notReached"`
	Unsupported int    `json:"unsupported"`
	Text        string `json:"text"`
}

type unreadJSON struct {
	Administration string `json:"administration"`
	Name           string `json:"name"`
	URL            string `json:"url"`
	Reason         string `json:"reason"`
	Streak         int    `json:"streak"`
	NextStep       string `json:"nextStep"`
}

type ruleTallyJSON struct {
	Rule   string `json:"rule"`
	Fail   int    `json:"fail"`
	Pass   int    `json:"pass"`
	Manual int    `json:"manual"`
	Error  int    `json:"error"`
	Waived int    `json:"waived"`
}

type unregisteredJSON struct {
	Platform string   `json:"platform"`
	URL      string   `json:"url"`
	FoundOn  []string `json:"foundOn"`
}

type accountJSON struct {
	Name             string        `json:"name"`
	URL              string        `json:"url"`
	Platform         string        `json:"platform"`
	Administration   string        `json:"administration"`
	RegistryRow      int           `json:"registryRow"`
	FetchStatus      string        `json:"fetchStatus"`
	UnsupportedWhy   string        `json:"unsupportedReason,omitempty"`
	FetchErrorKind   string        `json:"fetchErrorKind,omitempty"`
	FetchError       string        `json:"fetchError,omitempty"`
	LastOwnPost      *string       `json:"lastOwnPost"`
	OwnPostsInWindow *int          `json:"ownPostsInWindow"`
	Findings         []findingJSON `json:"findings"`
	// Records lists every address fetched for the account with the
	// archived record of its answer, when the scan kept evidence: the
	// findings cite the ones they rest on, this names them all.
	Records []fetchedRecordJSON `json:"records,omitempty"`
}

// fetchedRecordJSON is one fetched address and its record.
type fetchedRecordJSON struct {
	URL string `json:"url"`
	recordJSON
}

type findingJSON struct {
	Rule   string `json:"rule"`
	Status string `json:"status"`
	Judged string `json:"judged,omitempty"` // the rule's own verdict, when a waiver changed it
	Change string `json:"change,omitempty"`
	// FailingSince is the audit date the current run of failures began.
	FailingSince string         `json:"failingSince,omitempty"`
	Waiver       *waiverJSON    `json:"waiver,omitempty"`
	Message      string         `json:"message"`
	Evidence     []evidenceJSON `json:"evidence"`
	PolicyRef    string         `json:"policyRef"`
}

type waiverJSON struct {
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approvedBy"`
	Expires    string `json:"expires"`
	Expired    bool   `json:"expired"`
}

type historyJSON struct {
	Previous string           `json:"previous,omitempty"`
	Added    []accountRefJSON `json:"added"`
	Removed  []accountRefJSON `json:"removed"`
}

type accountRefJSON struct {
	Administration string `json:"administration"`
	Name           string `json:"name"`
	URL            string `json:"url"`
}

type evidenceJSON struct {
	Label string `json:"label"`
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
	// Source is the address smaudit fetched (an API endpoint) when it is
	// not URL, the page a person opens: only results.json gives it, for
	// whoever retraces the audit.
	Source string `json:"source,omitempty"`
	// Record is the archived answer of Source (or URL) in the evidence
	// bundle, when the scan kept one (--evidence).
	Record *recordJSON `json:"record,omitempty"`
}

// recordJSON cites a WARC record: its file, relative to the report
// folder, and its WARC-Record-ID.
type recordJSON struct {
	File string `json:"file"`
	ID   string `json:"id"`
}

// recordOf returns the record that holds what e rests on: the fetched
// address, else the page, when the scan archived it.
func recordOf(res *scanner.Result, e rules.Evidence) *recordJSON {
	for _, u := range []string{e.Source, e.URL} {
		if c, ok := res.Records[u]; ok && u != "" {
			return &recordJSON{File: c.File, ID: c.RecordID}
		}
	}
	return nil
}

type summaryJSON struct {
	countsJSON
	Coverage          coverageJSON `json:"coverage"`
	Administrations   []adminJSON  `json:"administrations"`
	ClosureCandidates int          `json:"closureCandidates"`
}

type countsJSON struct {
	Accounts           int      `json:"accounts"`
	Pass               int      `json:"pass"`
	Fail               int      `json:"fail"`
	Manual             int      `json:"manual"`
	Error              int      `json:"error"`
	Waived             int      `json:"waived"`
	AccountsFailing    int      `json:"accountsFailing"`
	AccountsUnreadable int      `json:"accountsUnreadable"`
	NotReached         int      `json:"notReached"`
	Compliance         *float64 `json:"compliance"`
}

type adminJSON struct {
	Name string `json:"name"`
	File string `json:"file"`
	countsJSON
	Coverage   coverageJSON   `json:"coverage"`
	Granskning granskningJSON `json:"granskning"`
}

// Write writes results.json: every account with its findings, in the
// report's language, sorted by administration then account.
func Write(w io.Writer, r *model.Report) error {
	lang := r.Meta.Lang
	out := resultsJSON{
		AsOf:        r.Meta.AsOf.Format("2006-01-02"),
		GeneratedBy: r.Meta.GeneratedBy,
		Registry:    r.Meta.Registry,
		Lang:        lang,
		Complete:    !r.Meta.Interrupted,
		Checked:     r.Summary.Checked(),
		NotReached:  r.Summary.NotReached,
		Notes:       append([]string{}, r.AllNotes()...),
		Accounts:    []accountJSON{},
		Summary: summaryJSON{countsJSON: countsOf(r.Summary), Coverage: coverageOf(lang, r.Coverage), Administrations: []adminJSON{},
			ClosureCandidates: len(r.Closure)},
		Report:      reportOf(r.Meta.Report),
		Unread:      []unreadJSON{},
		RuleTallies: []ruleTallyJSON{},
		Granskning:  granskningOf(lang, r.Granskning),
	}
	for _, u := range r.Unread {
		acc := u.Account.Result.Account
		out.Unread = append(out.Unread, unreadJSON{Administration: acc.Administration, Name: acc.Name, URL: acc.URL,
			Reason: u.Reason.In(lang), Streak: u.Streak, NextStep: u.NextStep.In(lang)})
	}
	for _, t := range r.RuleTallies {
		out.RuleTallies = append(out.RuleTallies, ruleTallyJSON{Rule: t.Rule.ID, Fail: t.Fail, Pass: t.Pass, Manual: t.Manual, Error: t.Error, Waived: t.Waived})
	}
	for _, a := range r.Administrations {
		out.Summary.Administrations = append(out.Summary.Administrations, adminJSON{Name: a.Name, File: a.Slug, countsJSON: countsOf(a.Counts),
			Coverage: coverageOf(lang, a.Coverage), Granskning: granskningOf(lang, a.Granskning)})
	}
	if h := r.History; h != nil {
		out.History = &historyJSON{Added: refsJSON(h.Added), Removed: refsJSON(h.Removed)}
		if !h.Previous.IsZero() {
			out.History.Previous = model.Date(h.Previous)
		}
	}
	if r.Unregistered != nil {
		list := []unregisteredJSON{}
		for _, u := range r.Unregistered {
			list = append(list, unregisteredJSON{Platform: u.Platform, URL: u.URL, FoundOn: append([]string{}, u.FoundOn...)})
		}
		out.Unregistered = &list
	}
	return writeStreaming(w, r, out)
}

// accountsEmpty is how the encoder writes resultsJSON's empty account list:
// the only top-level key at this indentation, so it is found once.
const accountsEmpty = "\n  \"accounts\": []"

// writeStreaming writes out with the report's accounts in place of its
// empty Accounts, encoding one account at a time, so the bytes are those
// of encoding out with every account in it: a city's results.json is
// megabytes, and encoding it whole held it several times over (the
// encoder's buffer, its indented copy and the accounts) at the run's
// peak of memory.
func writeStreaming(w io.Writer, r *model.Report, out resultsJSON) error {
	var doc bytes.Buffer
	enc := json.NewEncoder(&doc)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return err
	}
	at := bytes.Index(doc.Bytes(), []byte(accountsEmpty))
	if at < 0 {
		return fmt.Errorf("results.json: no account list to fill in")
	}
	if len(r.Accounts) == 0 {
		_, err := w.Write(doc.Bytes())
		return err
	}
	open := at + len(accountsEmpty) - 1 // just after '['
	if _, err := w.Write(doc.Bytes()[:open]); err != nil {
		return err
	}
	// Each account as the whole document's encoder writes an element of a
	// top-level list: on a new line, two levels in.
	var acc bytes.Buffer
	accEnc := json.NewEncoder(&acc)
	accEnc.SetIndent("    ", "  ")
	accEnc.SetEscapeHTML(false)
	for i, j := range r.Accounts {
		acc.Reset()
		if i > 0 {
			acc.WriteByte(',')
		}
		acc.WriteString("\n    ")
		a := accountOf(r, j)
		if err := accEnc.Encode(&a); err != nil {
			return err
		}
		acc.Truncate(acc.Len() - 1) // Encode's newline
		if _, err := w.Write(acc.Bytes()); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, "\n  ]"); err != nil {
		return err
	}
	_, err := w.Write(doc.Bytes()[open+1:])
	return err
}

func accountOf(r *model.Report, j *rules.Judged) accountJSON {
	lang := r.Meta.Lang
	acc := j.Result.Account
	a := accountJSON{
		Name:           acc.Name,
		URL:            acc.URL,
		Platform:       acc.PlatformName,
		Administration: acc.Administration,
		RegistryRow:    acc.Row,
		FetchStatus:    string(j.Result.Status),
		Findings:       []findingJSON{},
	}
	if j.Result.Status == scanner.FetchUnsupported {
		a.UnsupportedWhy = string(j.Result.Unsupported)
	}
	if e := j.Result.Err; e != nil {
		a.FetchErrorKind = string(e.Kind)
		a.FetchError = model.ReadFailure(lang, &j.Result)
	}
	if !j.LastOwnPost.IsZero() {
		d := model.Date(j.LastOwnPost)
		a.LastOwnPost = &d
	}
	if j.Result.Status == scanner.FetchOK && j.Result.Fetched.PostsHidden == "" {
		n := j.OwnPostsInWindow
		a.OwnPostsInWindow = &n
	}
	for _, f := range j.Findings {
		fj := findingJSON{Rule: f.Rule, Status: string(f.Status), Message: f.Message.In(lang), Evidence: []evidenceJSON{}, PolicyRef: f.PolicyRef}
		if f.Status == rules.Waived {
			fj.Judged = string(rules.Fail) // waivers only ever accept failures
		}
		if c, ok := r.ChangeOf(j, f.Rule); ok {
			fj.Change = string(c.Kind)
			if !c.FailingSince.IsZero() {
				fj.FailingSince = model.Date(c.FailingSince)
			}
		}
		if w := f.Waiver; w != nil {
			fj.Waiver = &waiverJSON{Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: model.Date(w.Expires), Expired: w.Expired}
		}
		for _, e := range f.Evidence {
			fj.Evidence = append(fj.Evidence, evidenceJSON{Label: e.Label.In(lang), Value: e.Value, URL: e.URL, Source: e.Source,
				Record: recordOf(&j.Result, e)})
		}
		a.Findings = append(a.Findings, fj)
	}
	for _, u := range slices.Sorted(maps.Keys(j.Result.Records)) {
		c := j.Result.Records[u]
		a.Records = append(a.Records, fetchedRecordJSON{URL: u, recordJSON: recordJSON{File: c.File, ID: c.RecordID}})
	}
	return a
}

func countsOf(c model.Counts) countsJSON {
	out := countsJSON{Accounts: c.Accounts, Pass: c.Pass, Fail: c.Fail, Manual: c.Manual, Error: c.Error, Waived: c.Waived,
		AccountsFailing: c.AccountsFailing, AccountsUnreadable: c.AccountsUnreadable, NotReached: c.NotReached}
	if share := c.Compliance(); share >= 0 {
		rounded := float64(int(share*1000+0.5)) / 1000
		out.Compliance = &rounded
	}
	return out
}

func coverageOf(lang string, c model.Coverage) coverageJSON {
	return coverageJSON{Points: c.Points, Automated: c.Automated, Manual: c.Manual, Error: c.Error, Waived: c.Waived,
		Accounts: c.Accounts, Unreadable: c.Unreadable, NotReached: c.NotReached, Unsupported: c.Unsupported, Text: c.Text(lang)}
}

func granskningOf(lang string, g model.Granskning) granskningJSON {
	out := granskningJSON{Summary: g.Summary.In(lang), Assessment: []string{}, Recommendations: []recommendationJSON{}, Intro: []introJSON{}}
	for _, t := range g.Assessment {
		out.Assessment = append(out.Assessment, t.In(lang))
	}
	for _, r := range g.Recommendations {
		out.Recommendations = append(out.Recommendations, recommendationJSON{Text: r.Text.In(lang), Severity: r.Severity.Label().EN,
			Accounts: append([]string{}, r.Accounts...)})
	}
	for _, sec := range g.Intro {
		out.Intro = append(out.Intro, introJSON{Title: sec.Title.In(lang), Body: sec.Body.In(lang)})
	}
	return out
}

func reportOf(i model.ReportInfo) reportJSON {
	out := reportJSON{Sender: i.Sender, ContactName: i.ContactName, ContactEmail: i.ContactEmail, SendTo: i.SendTo}
	if !i.ReplyBy.IsZero() {
		d := model.Date(i.ReplyBy)
		out.ReplyBy = &d
	}
	return out
}

func refsJSON(refs []model.AccountRef) []accountRefJSON {
	out := []accountRefJSON{}
	for _, r := range refs {
		out = append(out, accountRefJSON(r))
	}
	return out
}
