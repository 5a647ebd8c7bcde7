package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// progress tells a person on stderr how far the scan has come: done/total,
// the account being fetched, errors so far and waits for rate limits. On a
// terminal it redraws one line; elsewhere it writes plain lines without
// control codes.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	tty     bool
	total   int
	done    int
	errors  int
	current string
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, tty: isTerminal(w), total: total}
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
func (p *progress) Started(acc scanner.Account) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.current = acc.Name
	if p.tty {
		p.redraw()
	}
}

// Finished implements scanner.Progress.
func (p *progress) Finished(res scanner.Result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	outcome := string(res.Status)
	if res.Err != nil {
		p.errors++
		outcome += ": " + res.Err.Error()
	}
	if p.tty {
		p.clear()
	}
	fmt.Fprintf(p.w, "[%d/%d] %s (%s) %s · errors so far: %d\n", p.done, p.total, res.Account.Name, res.Account.PlatformName, outcome, p.errors)
	if p.tty {
		p.redraw()
	}
}

// Wait reports a pause for a host's rate limit or a retry.
func (p *progress) Wait(host string, d time.Duration, reason string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		p.clear()
	}
	fmt.Fprintf(p.w, "waiting %s for %s: %s\n", d.Round(100*time.Millisecond), host, reason)
	if p.tty {
		p.redraw()
	}
}

// Close ends the progress display.
func (p *progress) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		p.clear()
	}
}

func (p *progress) redraw() {
	fmt.Fprintf(p.w, "\r\033[K[%d/%d] fetching %s · errors so far: %d", p.done, p.total, p.current, p.errors)
}

func (p *progress) clear() { fmt.Fprint(p.w, "\r\033[K") }
