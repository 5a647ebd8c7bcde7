package audit

import (
	"time"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/waivers"
)

// applyWaivers marks the findings the waivers name and then sorts each
// account's findings again. rules.Judge sorted them while a waived finding
// was still a failure; without the second sort it would keep its place
// among the failures, ahead of errors and what a person must check.
func applyWaivers(judged []rules.Judged, ws []waivers.Waiver, asOf time.Time, catalog []rules.Rule) {
	if len(ws) == 0 {
		return
	}
	waivers.Apply(judged, ws, asOf)
	for i := range judged {
		rules.SortFindings(judged[i].Findings, catalog)
	}
}
