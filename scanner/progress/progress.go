// Package progress shows a person how a scan goes, on a terminal or in a
// log: one line per account finished, the waits for rate limits and
// retries, the hosts that stopped answering and an estimate of the time
// left. Any front end with a terminal or a log (the command line, a
// scheduled job) can hand it to the audit as its progress. It reads the
// wall clock for the estimate only, never for what a report says.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// Display tells a person on stderr how far the scan has come: done/total,
// the account being fetched, errors so far, waits for rate limits and
// retries (with what failed), and at the end the hosts that did not
// answer. On a terminal it redraws one line; elsewhere it writes plain
// lines without control codes. Every outside text (account names from the
// registry, hosts, servers' error texts) goes through termText first.
type Display struct {
	mu      sync.Mutex
	w       io.Writer
	tty     bool
	total   int
	done    int
	errors  int
	current string
	now     func() time.Time // the wall clock; tests set their own
	left    *timeLeft
}

// New returns the display of a scan of accounts that writes to w (a
// person's terminal or a log file).
func New(w io.Writer, accounts []scanner.Account) *Display {
	return &Display{w: w, tty: isTerminal(w), total: len(accounts), now: time.Now, left: newTimeLeft(accounts, time.Now())}
}

// isTerminal reports whether w is a character device (a person's terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Started implements scanner.Progress.
func (p *Display) Started(acc scanner.Account) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.current = termText(acc.Name)
	if p.tty {
		p.redraw()
	}
}

// Finished implements scanner.Progress.
func (p *Display) Finished(res scanner.Result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.left.finished(res.Account)
	outcome := string(res.Status)
	if res.Err != nil {
		p.errors++
		outcome += ": " + res.Err.Error()
	}
	if p.tty {
		p.clear()
	}
	fmt.Fprintf(p.w, "[%d/%d] %s (%s) %s · errors so far: %d%s\n", p.done, p.total,
		termText(res.Account.Name), termText(res.Account.PlatformName), termText(outcome), p.errors, p.timeLeft())
	if p.tty {
		p.redraw()
	}
}

// Wait reports a pause for a host's rate limit or a retry. The crawl
// layer's reason names what failed ("backoff after timeout", "backoff
// after connection refused", "backoff after HTTP 503"), so a person can
// tell a dead server from a busy one.
func (p *Display) Wait(host string, d time.Duration, reason string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		p.clear()
	}
	fmt.Fprintf(p.w, "waiting %s for %s: %s%s\n", d.Round(100*time.Millisecond), termText(host), termText(reason), p.timeLeft())
	if p.tty {
		p.redraw()
	}
}

// DeadHosts prints one line per host that failed hard during the scan,
// with how many of its accounts (accounts[host]) were skipped rather than
// each waiting for the same timeout.
func (p *Display) DeadHosts(hosts []crawl.DeadHost, accounts map[string]int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		p.clear()
	}
	for _, h := range hosts {
		fmt.Fprintf(p.w, "host %s did not answer (%s: %s); %d accounts on it were skipped without asking again\n",
			termText(h.Host), h.Kind, termText(h.Reason), accounts[h.Host])
	}
	if p.tty {
		p.redraw()
	}
}

// Close ends the progress display.
func (p *Display) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		p.clear()
	}
}

func (p *Display) redraw() {
	fmt.Fprintf(p.w, "\r\033[K[%d/%d] fetching %s · errors so far: %d", p.done, p.total, p.current, p.errors)
}

// timeLeft is " · about T left" (or " · under a minute left") once the pace of every lane with
// accounts left is known, and "" before.
func (p *Display) timeLeft() string {
	if p.done == p.total {
		return ""
	}
	d, ok := p.left.estimate(p.now())
	if !ok {
		return ""
	}
	if d < time.Minute {
		return " · under a minute left"
	}
	return " · about " + aboutDuration(d) + " left"
}

func (p *Display) clear() { fmt.Fprint(p.w, "\r\033[K") }

// termText is s as one line a terminal shows as it is: line breaks and
// tabs become spaces, invalid UTF-8 becomes U+FFFD, and what
// scanner.CleanText removes from every outside text (escape sequences'
// control characters, bidi overrides) is removed.
func termText(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ", "\t", " ").Replace(s)
	return scanner.CleanText(strings.ToValidUTF8(s, "\uFFFD"))
}
