package scanner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"
)

// Progress hears about a scan as it runs. Calls may come from several
// goroutines; implementations must be safe for that.
type Progress interface {
	Started(acc Account)
	Finished(res Result)
}

// Options tune a Scan.
type Options struct {
	// Concurrency is the number of workers: accounts fetched or parsed at
	// one moment. Zero or less means 1.
	Concurrency int
	// PerLane is how many accounts of one lane (see LaneOf) are under way
	// at once; set it to the crawl layer's per-host concurrency, so a
	// host is kept busy without its accounts queuing for it in crowds.
	// Zero or less means 2.
	PerLane int
	// Progress, when set, hears about every account.
	Progress Progress
	// Logger, when set, receives the stack of a panic recovered while
	// fetching an account (a bug, reported as that account's failure).
	Logger *slog.Logger
}

// startedPerWorker bounds the accounts under way (working or waiting for
// their host) to this many per worker. Waiting accounts hold what they
// have read so far, so the bound keeps memory flat however many accounts
// wait for a rate-limited host.
const startedPerWorker = 4

// Scan fetches every account with the adapter for its platform and returns
// the results in the accounts' order. One failing account never stops the
// others.
//
// Work is queued per lane, the host an account's requests go to (see
// LaneOf). Lanes with the most accounts left are served first, at most
// opts.PerLane accounts of a lane at once, and an account waiting for its
// host gives its worker to another (see Idle): the order of the registry
// does not change how long a scan takes, and a host that is slow or
// rate-limited holds only its own accounts back.
//
// When ctx is cancelled, the accounts not yet started and those whose fetch
// the cancellation cut off are returned as FetchNotReached, so a partial
// scan still yields a result for every row and nobody mistakes an
// interruption for an unreadable account. Rows that need no request (a bad
// row, a platform that is not fetched) are still reported as such.
func Scan(ctx context.Context, accounts []Account, adapters map[Platform]Adapter, since time.Time, opts Options) []Result {
	opts.Concurrency = max(opts.Concurrency, 1)
	if opts.PerLane < 1 {
		opts.PerLane = 2
	}
	results := make([]Result, len(accounts))
	q := newLanes(accounts, opts.PerLane)
	tokens := make(chan struct{}, opts.Concurrency)
	finished := make(chan string)
	underway := 0
	for ctx.Err() == nil {
		var i int
		var key string
		ok := underway < opts.Concurrency*startedPerWorker
		if ok {
			i, key, ok = q.next()
		}
		if !ok {
			if underway == 0 {
				break
			}
			select {
			case key := <-finished:
				q.done(key)
				underway--
			case <-ctx.Done():
			}
			continue
		}
		underway++
		go func() {
			results[i] = scanWithWorker(ctx, tokens, accounts[i], adapters, since, opts)
			finished <- key
		}()
	}
	// Interrupted: the accounts never started are not reached (or are
	// what they are without a request).
	for _, i := range q.rest() {
		results[i] = scanOne(ctx, accounts[i], adapters, since, opts.Logger).Clean()
	}
	for ; underway > 0; underway-- {
		<-finished
	}
	return results
}

// scanWithWorker scans one account once it has a worker (see Idle). An
// account still waiting for one when ctx ends is not reached.
func scanWithWorker(ctx context.Context, tokens chan struct{}, acc Account, adapters map[Platform]Adapter, since time.Time, opts Options) Result {
	progress := opts.Progress
	w := &worker{tokens: tokens}
	if !w.acquire(ctx) {
		return scanOne(ctx, acc, adapters, since, opts.Logger).Clean()
	}
	defer w.release()
	if progress != nil {
		progress.Started(acc)
	}
	res := scanOne(withWorker(ctx, w), acc, adapters, since, opts.Logger).Clean()
	if progress != nil {
		progress.Finished(res)
	}
	return res
}

// scanOne fetches one account, turning every way it can go wrong into a
// result rather than an error.
func scanOne(ctx context.Context, acc Account, adapters map[Platform]Adapter, since time.Time, log *slog.Logger) (res Result) {
	res.Account = acc
	if len(acc.Problems) > 0 {
		var parts []string
		for _, p := range acc.Problems {
			parts = append(parts, fmt.Sprintf("%s: %s", p.Column, p.Message))
		}
		res.Status = FetchFailed
		res.Err = &FetchError{Kind: ErrInvalidInput, Detail: strings.Join(parts, "; ")}
		return res
	}
	adapter, ok := adapters[acc.Platform]
	if !ok {
		res.Status = FetchUnsupported
		res.Unsupported = NoAdapter
		return res
	}
	if u, ok := adapter.(Unavailable); ok {
		res.Status = FetchUnsupported
		res.Unsupported = UnsupportedReason(u)
		return res
	}
	if ctx.Err() != nil {
		return notReached(acc)
	}
	defer func() {
		// A panic on scraped input is a bug, but it must not take the
		// other accounts down with it.
		if p := recover(); p != nil {
			if log != nil {
				log.Error("panic while fetching an account (a bug; the account is reported as failed)",
					"url", acc.URL, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			}
			res.Status = FetchFailed
			res.Err = &FetchError{Kind: ErrUnparseable, URL: acc.URL, Detail: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	fetched, err := adapter.Fetch(ctx, acc, since)
	var unsupported *Unsupported
	if errors.As(err, &unsupported) {
		res.Status = FetchUnsupported
		res.Unsupported = unsupported.Reason
		return res
	}
	if err != nil {
		if ctx.Err() != nil {
			// The interruption cut the fetch off: whatever the error
			// says, the account was given up on, not found unreadable.
			return notReached(acc)
		}
		res.Status = FetchFailed
		res.Err = AsFetchError(err)
		return res
	}
	res.Status = FetchOK
	res.Fetched = fetched
	keepPostText(res.Fetched.Posts, since)
	return res
}

// Unavailable is an adapter for a platform that cannot be fetched: every
// account is reported as unsupported for the given reason.
type Unavailable UnsupportedReason

// Fetch implements Adapter.
func (u Unavailable) Fetch(context.Context, Account, time.Time) (Fetched, error) {
	return Fetched{}, &Unsupported{Reason: UnsupportedReason(u)}
}

// notReached is the result of an account the interrupted scan never got
// to or gave up on.
func notReached(acc Account) Result {
	return Result{Account: acc, Status: FetchNotReached}
}
