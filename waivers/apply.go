package waivers

import (
	"time"

	"github.com/stockholm-stad/smaudit/rules"
)

// Apply attaches to every finding the waiver naming its account and rule,
// judged on the audit date asOf. A waiver applies through its expiry day;
// after it the waiver is kept on the finding, marked expired, so the
// report can say it no longer applies. A waiver that applies turns a
// failing finding into a waived one; it never changes a pass, an error or
// a manual finding, which keep their status with the waiver attached for
// the record. judged is changed in place.
func Apply(judged []rules.Judged, ws []Waiver, asOf time.Time) {
	if len(ws) == 0 {
		return
	}
	type target struct{ account, rule string }
	byTarget := make(map[target]Waiver, len(ws))
	for _, w := range ws {
		t := target{accountKey(w.Account), w.Rule}
		if _, ok := byTarget[t]; !ok { // Parse refuses duplicates; keep the first if given some
			byTarget[t] = w
		}
	}
	today := startOfDay(asOf)
	for i := range judged {
		account := accountKey(judged[i].Result.Account.URL)
		findings := judged[i].Findings
		for j := range findings {
			w, ok := byTarget[target{account, findings[j].Rule}]
			if !ok {
				continue
			}
			expired := today.After(startOfDay(w.Expires))
			findings[j].Waiver = &rules.Waiver{
				Reason:     w.Reason,
				ApprovedBy: w.ApprovedBy,
				Expires:    w.Expires,
				Expired:    expired,
				Source:     w.Source(),
			}
			if !expired && findings[j].Status == rules.Fail {
				findings[j].Status = rules.Waived
			}
		}
	}
}

// startOfDay is midnight at the start of t's calendar day in Stockholm, so
// an audit date given with a time of day is still judged by its date.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.In(rules.Stockholm).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, rules.Stockholm)
}
