package crawl

import (
	"context"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// clock is the Client's source of time. Tests replace it so waits of
// seconds or minutes take no time.
type clock struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// realClock is the wall clock; crawling is the one place that may read it.
func realClock() clock {
	return clock{now: time.Now, sleep: sleepContext}
}

// sleepContext waits d, or less if ctx ends first, in which case it
// returns the context's error.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// idleSleep sleeps d on wctx, lending the worker of ctx's account to
// another account meanwhile (scanner.Idle): a wait for a host is no work.
func (c clock) idleSleep(ctx, wctx context.Context, d time.Duration) error {
	if d <= 0 {
		return wctx.Err()
	}
	resume := scanner.Idle(ctx)
	defer resume()
	return c.sleep(wctx, d)
}
