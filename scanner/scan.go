package scanner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Progress hears about a scan as it runs. Calls may come from several
// goroutines; implementations must be safe for that.
type Progress interface {
	Started(acc Account)
	Finished(res Result)
}

// Scan fetches every account with the adapter for its platform, at most
// concurrency at a time, and returns the results in the accounts' order.
// One failing account never stops the others. When ctx is cancelled, the
// accounts not yet started and those whose fetch the cancellation cut off
// are returned as FetchNotReached, so a partial scan still yields a result
// for every row and nobody mistakes an interruption for an unreadable
// account. Rows that need no request (a bad row, a platform that is not
// fetched) are still reported as such.
func Scan(ctx context.Context, accounts []Account, adapters map[Platform]Adapter, since time.Time, concurrency int, progress Progress) []Result {
	if concurrency < 1 {
		concurrency = 1
	}
	results := make([]Result, len(accounts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if progress != nil {
					progress.Started(accounts[i])
				}
				results[i] = scanOne(ctx, accounts[i], adapters, since).Clean()
				if progress != nil {
					progress.Finished(results[i])
				}
			}
		}()
	}
	for i := range accounts {
		if ctx.Err() != nil {
			results[i] = scanOne(ctx, accounts[i], adapters, since).Clean()
			continue
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
			results[i] = scanOne(ctx, accounts[i], adapters, since).Clean()
		}
	}
	close(jobs)
	wg.Wait()
	return results
}

// scanOne fetches one account, turning every way it can go wrong into a
// result rather than an error.
func scanOne(ctx context.Context, acc Account, adapters map[Platform]Adapter, since time.Time) (res Result) {
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
