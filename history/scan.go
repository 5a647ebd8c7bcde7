package history

import (
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// Scan is one stored scan: its audit date, the registry snapshot with each
// account's fetch outcome, and every finding.
type Scan struct {
	ID       int64     // zero until saved
	AsOf     time.Time // the audit date, midnight Europe/Stockholm
	Registry string    // the registry file's name
	Tool     string    // tool name and version, e.g. "smaudit 0.1.0"
	Lang     string    // the language messages and evidence are written in
	Accounts []Account // in registry order
}

// Account is one registry row of a scan with what the scan found.
type Account struct {
	Key            string // model.AccountKey: the same account across scans
	Row            int
	Administration string
	Name           string
	PlatformName   string // as written in the registry
	Platform       string // normalised, a scanner.Platform
	URL            string
	Purpose        string
	Goals          string
	Audience       string
	Owner          string
	Website        string

	FetchStatus    string // a scanner.FetchStatus
	FetchErrorKind string // a scanner.ErrorKind when the fetch failed
	FetchError     string // the fetch error, as logged
	Unsupported    string // a scanner.UnsupportedReason when unsupported
	LastOwnPost    time.Time
	OwnPosts       int // own posts in the posting-frequency window

	Findings []Finding // in rule order
}

// Finding is one rule's verdict on one account in a scan.
type Finding struct {
	Rule string
	// Status is the final verdict, "waived" when a waiver applied.
	Status string
	// Judged is the rule's own verdict before any waiver; change since
	// the previous scan is computed on it.
	Judged   string
	Message  string // in the scan's language
	Evidence string // the evidence lines, one per line
	Waiver   *rules.Waiver
}

// ScanInfo lists a stored scan.
type ScanInfo struct {
	ID       int64
	AsOf     time.Time
	Registry string
	Tool     string
	Accounts int
}

// FromJudged turns a judged scan into the Scan to store, with messages
// and evidence in lang.
func FromJudged(asOf time.Time, registry, tool, lang string, judged []rules.Judged) Scan {
	s := Scan{AsOf: asOf, Registry: registry, Tool: tool, Lang: lang}
	for i := range judged {
		j := &judged[i]
		acc := j.Result.Account
		a := Account{
			Key:            model.AccountKey(acc),
			Row:            acc.Row,
			Administration: acc.Administration,
			Name:           acc.Name,
			PlatformName:   acc.PlatformName,
			Platform:       string(acc.Platform),
			URL:            acc.URL,
			Purpose:        acc.Purpose,
			Goals:          acc.Goals,
			Audience:       acc.Audience,
			Owner:          acc.Owner,
			Website:        acc.Website,
			FetchStatus:    string(j.Result.Status),
			Unsupported:    string(j.Result.Unsupported),
			LastOwnPost:    j.LastOwnPost,
			OwnPosts:       j.OwnPostsInWindow,
		}
		if e := j.Result.Err; e != nil {
			a.FetchErrorKind = string(e.Kind)
			a.FetchError = e.Error()
		}
		for _, f := range j.Findings {
			a.Findings = append(a.Findings, fromFinding(lang, f))
		}
		s.Accounts = append(s.Accounts, a)
	}
	return s
}

// fromFinding summarises a rule's finding for storage.
func fromFinding(lang string, f rules.Finding) Finding {
	lines := make([]string, 0, len(f.Evidence))
	for _, e := range f.Evidence {
		lines = append(lines, model.EvidenceLine(lang, e))
	}
	out := Finding{
		Rule:     f.Rule,
		Status:   string(f.Status),
		Judged:   string(judgedStatus(f)),
		Message:  f.Message.In(lang),
		Evidence: strings.Join(lines, "\n"),
	}
	if f.Waiver != nil {
		w := *f.Waiver
		out.Waiver = &w
	}
	return out
}

// judgedStatus is the rule's verdict before any waiver: a waiver applies
// only to a failing finding.
func judgedStatus(f rules.Finding) rules.Status {
	if f.Status == rules.Waived {
		return rules.Fail
	}
	return f.Status
}
