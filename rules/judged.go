package rules

import (
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Judged is one account's scan result with the verdict of every rule, in
// the order of the rule list.
type Judged struct {
	Result scanner.Result
	// LastOwnPost is the newest own original post seen; zero if none.
	LastOwnPost time.Time
	// OwnPostsInWindow counts own original posts in the posting-frequency
	// window, as that rule's Record writes it; meaningful only when the
	// fetch succeeded.
	OwnPostsInWindow int
	Findings         []Finding
}
