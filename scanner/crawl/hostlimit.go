package crawl

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// hostLimiter enforces politeness per host: at most n requests in flight,
// starts at least delay apart, and no start before a rate-limit block set
// by an earlier answer has passed. colly's LimitRule cannot do this: a rule
// with DomainGlob "*" shares one semaphore across all hosts.
type hostLimiter struct {
	n      int
	delay  time.Duration
	clock  clock
	onWait func(host string, d time.Duration, reason string)

	mu    sync.Mutex
	hosts map[string]*hostState
}

// hostState is the politeness state of one host.
type hostState struct {
	slots chan struct{} // one token per request in flight

	mu           sync.Mutex
	lastStart    time.Time // when the latest request started
	blockedUntil time.Time // earliest start allowed by the server
	blockReason  string

	suspect chan struct{}       // non-nil while a failed request retries; closed when settled
	dead    chan struct{}       // closed when the host is declared dead
	deadErr *scanner.FetchError // the failure that declared it dead
	skipped int                 // requests skipped since
}

func newHostLimiter(n int, delay time.Duration, clk clock, onWait func(string, time.Duration, string)) *hostLimiter {
	return &hostLimiter{n: n, delay: delay, clock: clk, onWait: onWait, hosts: make(map[string]*hostState)}
}

func (l *hostLimiter) state(host string) *hostState {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.hosts[host]
	if !ok {
		h = &hostState{slots: make(chan struct{}, l.n), dead: make(chan struct{})}
		l.hosts[host] = h
	}
	return h
}

// acquire waits until a request to host may start and returns the function
// that frees its slot. It returns ctx's error if ctx ends while waiting,
// and errHostDown if the host is declared dead meanwhile: requests queued
// behind the one that found it dead must not each wait for their turn
// only to be skipped.
//
// While the host is suspect (a request's attempt failed hard and it is
// retrying) only such retries start; the others wait to learn whether the
// host is alive or dead. Otherwise, with one slot, ten requests would take
// turns timing out once each before any of them had used up its retries.
func (l *hostLimiter) acquire(ctx context.Context, host string, retrying bool) (release func(), err error) {
	h := l.state(host)
	for {
		if !retrying {
			if err := h.awaitSettled(ctx); err != nil {
				return nil, err
			}
		}
		select {
		case h.slots <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-h.dead:
			return nil, errHostDown
		}
		h.mu.Lock()
		held := h.suspect != nil && !retrying
		h.mu.Unlock()
		if !held {
			break
		}
		// The host became suspect while this request queued for a slot.
		<-h.slots
	}
	release = func() { <-h.slots }
	wctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	go func() {
		select {
		case <-h.dead:
			stop(errHostDown)
		case <-wctx.Done():
		}
	}()
	if err := l.waitTurn(wctx, host, h); err != nil {
		release()
		if ctx.Err() == nil && errors.Is(context.Cause(wctx), errHostDown) {
			return nil, errHostDown
		}
		return nil, err
	}
	return release, nil
}

// awaitSettled waits while the host is suspect. It returns errHostDown
// when the host is declared dead, or ctx's error.
func (h *hostState) awaitSettled(ctx context.Context) error {
	for {
		h.mu.Lock()
		wait := h.suspect
		h.mu.Unlock()
		if wait == nil {
			return nil
		}
		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		case <-h.dead:
			return errHostDown
		}
	}
}

// waitTurn sleeps until neither a server's block nor the delay after the
// previous start holds the request back, then records its start. It checks
// again after each sleep, so timers firing late never bring two starts
// closer than the delay.
func (l *hostLimiter) waitTurn(ctx context.Context, host string, h *hostState) error {
	var honored time.Time // the block already waited for
	for {
		h.mu.Lock()
		now := l.clock.now()
		var wait time.Duration
		reason := ""
		switch {
		case h.blockedUntil.After(now) && h.blockedUntil.After(honored):
			wait, reason = h.blockedUntil.Sub(now), h.blockReason
			honored = h.blockedUntil
		case l.delay > 0 && h.lastStart.Add(l.delay).After(now):
			wait = h.lastStart.Add(l.delay).Sub(now)
		default:
			h.lastStart = now
			h.mu.Unlock()
			return nil
		}
		h.mu.Unlock()
		if reason != "" && l.onWait != nil {
			l.onWait(host, wait, reason)
		}
		if err := l.clock.sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// suspectHost holds new requests to host until a retrying one settles
// whether it is alive (settle) or dead (markDead).
func (l *hostLimiter) suspectHost(host string) {
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.suspect == nil && h.deadErr == nil {
		h.suspect = make(chan struct{})
	}
}

// settle lets requests held by suspectHost go.
func (l *hostLimiter) settle(host string) {
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.suspect != nil {
		close(h.suspect)
		h.suspect = nil
	}
}

// markDead declares host dead because of fe; the first failure stays the
// reason.
func (l *hostLimiter) markDead(host string, fe *scanner.FetchError) {
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.suspect != nil {
		close(h.suspect)
		h.suspect = nil
	}
	if h.deadErr != nil {
		return
	}
	c := *fe
	h.deadErr = &c
	close(h.dead)
}

// skip returns the failure that declared host dead and counts one more
// skipped request, or returns nil if the host is alive.
func (l *hostLimiter) skip(host string) *scanner.FetchError {
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.deadErr == nil {
		return nil
	}
	h.skipped++
	return h.deadErr
}

// block keeps new requests to host from starting before until. A later
// block extends an earlier one; an earlier one never shortens it.
func (l *hostLimiter) block(host string, until time.Time, reason string) {
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if until.After(h.blockedUntil) {
		h.blockedUntil = until
		h.blockReason = reason
	}
}
