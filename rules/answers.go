package rules

import (
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ClosingAnswer is an administration's answer "Kontot avslutas" (the
// account will be closed) to a finding of an earlier scan, imported from
// its returned workbook. The audit knows it before judging (it is stored
// with the earlier scan), so closure-notice can hold such an account to
// the policy's closing notice even while it still posts.
type ClosingAnswer struct {
	// Comment is the administration's comment beside the answer, "Stängs
	// i december"; empty when it wrote none.
	Comment string
	// AsOf is the audit date of the scan the answer was given to.
	AsOf time.Time
}

// Answers are what the administrations answered to an earlier scan that
// the rules need while judging this one. The zero value knows of no
// answer.
type Answers struct {
	// Closing, when set, says the administration answered that the
	// account will be closed.
	Closing *ClosingAnswer
}

// JudgeWith is Judge for an account whose administration answered an
// earlier scan: the rules see the answers in their Input.
func JudgeWith(rs []Rule, res scanner.Result, asOf time.Time, a Answers) Judged {
	return judge(rs, res, asOf, a)
}
