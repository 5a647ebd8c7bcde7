package history

import (
	"sort"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TrendScans is how many scans, the current one included, a trend shows.
const TrendScans = 8

// inactiveRule is the rule whose failures make an account a closure
// candidate.
const inactiveRule = rules.InactiveAccount

// verdicts are one scan's judged statuses and accounts by key. When a
// registry lists one link twice, its first row speaks for it.
type verdicts struct {
	scan     *Scan
	judged   map[model.FindingKey]string
	accounts map[string]*Account
}

// verdictsOf indexes a scan's verdicts.
func verdictsOf(s *Scan) verdicts {
	v := verdicts{scan: s, judged: map[model.FindingKey]string{}, accounts: map[string]*Account{}}
	for i := range s.Accounts {
		a := &s.Accounts[i]
		if _, dup := v.accounts[a.Key]; dup {
			continue
		}
		v.accounts[a.Key] = a
		for _, f := range a.Findings {
			v.judged[model.FindingKey{Account: a.Key, Rule: f.Rule}] = f.Judged
		}
	}
	return v
}

// failing reports whether the rule failed the account in this scan.
func (v verdicts) failing(k model.FindingKey) bool { return v.judged[k] == string(rules.Fail) }

// compare computes what the history adds to cur's report: prev is the
// scan compared with (nil for the first scan), earlier the scans before
// prev, oldest first. Changes are judged on the rules' own verdicts, so a
// waived finding still counts as failing. A finding is fixed only when it
// passes now: one that is manual or could not be checked (error) has no
// change, since nobody knows whether it was fixed.
func compare(prev *Scan, cur Scan, earlier []Scan) *model.History {
	var chain []verdicts // earlier scans and prev, oldest first
	for i := range earlier {
		chain = append(chain, verdictsOf(&earlier[i]))
	}
	h := &model.History{
		Changes:       map[model.FindingKey]model.Change{},
		InactiveScans: map[string]int{},
		UnreadScans:   map[string]int{},
	}
	now := verdictsOf(&cur)
	if prev != nil {
		chain = append(chain, verdictsOf(prev))
		h.Previous = prev.AsOf
		h.Added, h.Removed = accountChanges(chain[len(chain)-1], now)
	}
	for key, judged := range now.judged {
		if c, ok := change(chain, key, judged); ok {
			h.Changes[key] = c
		}
	}
	all := append(chain[:len(chain):len(chain)], now)
	for key := range now.accounts {
		if n := failingRun(all, model.FindingKey{Account: key, Rule: inactiveRule}); n > 0 {
			h.InactiveScans[key] = n
		}
		if n := unreadRun(all, key); n > 0 {
			h.UnreadScans[key] = n
		}
	}
	h.Trend = trend(all, now)
	return h
}

// change is one finding's movement from the last scan of chain to now.
func change(chain []verdicts, key model.FindingKey, judged string) (model.Change, bool) {
	if len(chain) == 0 {
		if judged == string(rules.Fail) {
			return model.Change{Kind: model.ChangeNew}, true
		}
		return model.Change{}, false
	}
	prev := chain[len(chain)-1]
	switch {
	case judged == string(rules.Fail) && prev.failing(key):
		run := failingRun(chain, key)
		return model.Change{Kind: model.ChangePersisting, FailingSince: chain[len(chain)-run].scan.AsOf}, true
	case judged == string(rules.Fail):
		for _, v := range chain {
			if v.failing(key) {
				return model.Change{Kind: model.ChangeReopened}, true
			}
		}
		return model.Change{Kind: model.ChangeNew}, true
	case judged == string(rules.Pass) && prev.failing(key):
		return model.Change{Kind: model.ChangeFixed}, true
	}
	return model.Change{}, false
}

// failingRun counts the scans at the end of chain in which the finding
// failed without a break; a scan without the account breaks the run.
func failingRun(chain []verdicts, key model.FindingKey) int {
	n := 0
	for i := len(chain) - 1; i >= 0 && chain[i].failing(key); i-- {
		n++
	}
	return n
}

// unreadRun counts the scans at the end of chain in which the account
// could not be read (or, in the current scan, was not reached) without a
// break; a scan without the account breaks the run.
func unreadRun(chain []verdicts, key string) int {
	n := 0
	for i := len(chain) - 1; i >= 0; i-- {
		a := chain[i].accounts[key]
		if a == nil || a.FetchStatus != string(scanner.FetchFailed) && a.FetchStatus != string(scanner.FetchNotReached) {
			break
		}
		n++
	}
	return n
}

// accountChanges lists the accounts in now but not in prev (added) and
// those in prev but not in now (removed), each in the report's order
// (model.SortAccountRefs).
func accountChanges(prev, now verdicts) (added, removed []model.AccountRef) {
	for key, a := range now.accounts {
		if prev.accounts[key] == nil {
			added = append(added, refOf(a))
		}
	}
	for key, a := range prev.accounts {
		if now.accounts[key] == nil {
			removed = append(removed, refOf(a))
		}
	}
	model.SortAccountRefs(added)
	model.SortAccountRefs(removed)
	return added, removed
}

// refOf names an account as the registry lists it.
func refOf(a *Account) model.AccountRef {
	return model.AccountRef{Administration: a.Administration, Name: a.Name, URL: a.URL}
}

// trend counts final pass and fail findings per administration of now in
// the last TrendScans scans of chain, which ends with now. Points are
// sorted by administration in Swedish order, then oldest first; a scan
// in which an administration had no accounts has no point for it.
func trend(chain []verdicts, now verdicts) []model.TrendPoint {
	if len(chain) > TrendScans {
		chain = chain[len(chain)-TrendScans:]
	}
	admins := map[string]bool{}
	for _, a := range now.scan.Accounts {
		admins[a.Administration] = true
	}
	var points []model.TrendPoint
	for _, v := range chain {
		byAdmin := map[string]*model.TrendPoint{}
		for _, a := range v.scan.Accounts {
			if !admins[a.Administration] {
				continue
			}
			p := byAdmin[a.Administration]
			if p == nil {
				p = &model.TrendPoint{AsOf: v.scan.AsOf, Administration: a.Administration, NoneRead: true}
				byAdmin[a.Administration] = p
			}
			// A share needs an account that was read, and all of them
			// reached (model.Counts.NoShare).
			switch a.FetchStatus {
			case string(scanner.FetchOK):
				p.NoneRead = false
			case string(scanner.FetchNotReached):
				p.NotReached++
			}
			for _, f := range a.Findings {
				switch f.Status {
				case string(rules.Pass):
					p.Pass++
				case string(rules.Fail):
					p.Fail++
				}
			}
		}
		for _, p := range byAdmin {
			points = append(points, *p)
		}
	}
	col := model.NewCollation()
	sort.SliceStable(points, func(i, k int) bool {
		if c := col.Compare(points[i].Administration, points[k].Administration); c != 0 {
			return c < 0
		}
		if points[i].Administration != points[k].Administration {
			return points[i].Administration < points[k].Administration
		}
		return points[i].AsOf.Before(points[k].AsOf)
	})
	return points
}
