package crawl

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// hostLimiter enforces politeness per host: at most n requests in flight,
// starts at least delay apart, and no start before a rate-limit block set
// by an earlier answer has passed. colly's LimitRule cannot do this: a rule
// with DomainGlob "*" shares one semaphore across all hosts.
//
// Politeness (slots, delay) is per host; rate-limit blocks are per host
// and endpoint (scanner.Request.Endpoint), because X counts user lookups
// and user timelines apart: a 429 on timelines must not hold lookups.
// Requests without an Endpoint share the host's one block, as before.
// A request waits for its block before it takes a slot, so requests
// blocked on one endpoint never hold the slots another endpoint needs.
type hostLimiter struct {
	n        int
	delay    time.Duration
	clock    clock
	onWait   func(host string, d time.Duration, reason string)
	deadline time.Time     // no wait a server demands may end after it
	window   time.Duration // Graph's rolling window, for graphPacer

	mu    sync.Mutex
	hosts map[string]*hostState
}

// hostState is the politeness state of one host.
type hostState struct {
	slots chan struct{} // one token per request in flight

	mu        sync.Mutex
	lastStart time.Time            // when the latest request started
	blocks    map[string]hostBlock // by endpoint; "" is the host's one window
	graph     *graphPacer          // nil until the host's first Graph call

	suspect chan struct{}       // non-nil while a failed request retries; closed when settled
	dead    chan struct{}       // closed when the host is declared dead
	deadErr *scanner.FetchError // the failure that declared it dead
	skipped int                 // requests skipped since
}

// hostBlock is the earliest start a server allowed, and why.
type hostBlock struct {
	until  time.Time
	reason string
}

// lateError is what acquire returns when the wait the request needs
// (a block or Graph's pacing) would end after the scan's deadline. The
// request fails at once: sleeping first would only delay the same end.
type lateError struct {
	until  time.Time
	reason string
}

func (e *lateError) Error() string {
	return fmt.Sprintf("%s until %s, after the deadline", e.reason, e.until.UTC().Format(time.RFC3339))
}

func newHostLimiter(n int, delay time.Duration, clk clock, onWait func(string, time.Duration, string), deadline time.Time, window time.Duration) *hostLimiter {
	return &hostLimiter{n: n, delay: delay, clock: clk, onWait: onWait, deadline: deadline, window: window, hosts: make(map[string]*hostState)}
}

func (l *hostLimiter) state(host string) *hostState {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.hosts[host]
	if !ok {
		h = &hostState{slots: make(chan struct{}, l.n), dead: make(chan struct{}), blocks: make(map[string]hostBlock)}
		l.hosts[host] = h
	}
	return h
}

// acquire waits until req to host may start and returns the function
// that frees its slot. It returns ctx's error if ctx ends while waiting,
// errHostDown if the host is declared dead meanwhile (requests queued
// behind the one that found it dead must not each wait for their turn
// only to be skipped), and a *lateError if the rate limit holding req
// lasts beyond the deadline.
//
// While the host is suspect (a request's attempt failed hard and it is
// retrying) only such retries start; the others wait to learn whether the
// host is alive or dead. Otherwise, with one slot, ten requests would take
// turns timing out once each before any of them had used up its retries.
//
// Every wait here lends the account's worker (scanner.Idle).
func (l *hostLimiter) acquire(ctx context.Context, host string, req scanner.Request, retrying bool) (release func(), err error) {
	h := l.state(host)
	wctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	go func() {
		select {
		case <-h.dead:
			stop(errHostDown)
		case <-wctx.Done():
		}
	}()
	release, err = l.take(ctx, wctx, host, h, req, retrying)
	var late *lateError
	if err != nil && !errors.As(err, &late) && ctx.Err() == nil && errors.Is(context.Cause(wctx), errHostDown) {
		return nil, errHostDown
	}
	return release, err
}

// take is acquire's loop. ctx is the account's (for scanner.Idle), wctx
// the same ended early when the host is declared dead.
func (l *hostLimiter) take(ctx, wctx context.Context, host string, h *hostState, req scanner.Request, retrying bool) (func(), error) {
	for {
		if !retrying {
			if err := h.awaitSettled(ctx, wctx); err != nil {
				return nil, err
			}
		}
		if err := l.awaitLimit(ctx, wctx, host, h, req); err != nil {
			return nil, err
		}
		if err := h.takeSlot(ctx, wctx); err != nil {
			return nil, err
		}
		h.mu.Lock()
		held := h.suspect != nil && !retrying
		h.mu.Unlock()
		if held {
			// The host became suspect while this request queued for a slot.
			<-h.slots
			continue
		}
		started, err := l.waitTurn(ctx, wctx, h, req)
		if err != nil {
			<-h.slots
			return nil, err
		}
		if started {
			return func() { <-h.slots }, nil
		}
		// A rate limit came up while this request held a slot: wait for
		// it without the slot.
		<-h.slots
	}
}

// takeSlot takes one of the host's slots, lending the worker only when
// none is free.
func (h *hostState) takeSlot(ctx, wctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	default:
	}
	resume := scanner.Idle(ctx)
	defer resume()
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-wctx.Done():
		return wctx.Err()
	case <-h.dead:
		return errHostDown
	}
}

// awaitSettled waits while the host is suspect. It returns errHostDown
// when the host is declared dead, or wctx's error.
func (h *hostState) awaitSettled(ctx, wctx context.Context) error {
	for {
		h.mu.Lock()
		wait := h.suspect
		h.mu.Unlock()
		if wait == nil {
			return nil
		}
		resume := scanner.Idle(ctx)
		var err error
		select {
		case <-wait:
		case <-wctx.Done():
			err = wctx.Err()
		case <-h.dead:
			err = errHostDown
		}
		resume()
		if err != nil {
			return err
		}
	}
}

// limitWait is how long req must wait for its rate limit: the block of
// its endpoint, or for a Graph call the pacing. h.mu must be held.
func (l *hostLimiter) limitWait(h *hostState, req scanner.Request, now time.Time) (time.Duration, string) {
	if b := h.blocks[req.Endpoint]; b.until.After(now) {
		return b.until.Sub(now), b.reason
	}
	if req.Limits == scanner.LimitsMetaGraph {
		return l.pacer(h).wait(now)
	}
	return 0, ""
}

// awaitLimit sleeps, without a slot, until req's rate limit lets it
// start. A wait that would end after the deadline is not begun.
func (l *hostLimiter) awaitLimit(ctx, wctx context.Context, host string, h *hostState, req scanner.Request) error {
	var told time.Time // the end of the wait last reported
	for {
		h.mu.Lock()
		now := l.clock.now()
		wait, reason := l.limitWait(h, req, now)
		h.mu.Unlock()
		if wait <= 0 {
			return nil
		}
		if wait > l.deadline.Sub(now) {
			return &lateError{until: now.Add(wait), reason: reason}
		}
		if until := now.Add(wait); until.After(told) {
			told = until
			if l.onWait != nil {
				l.onWait(host, wait, reason)
			}
		}
		if err := l.clock.idleSleep(ctx, wctx, wait); err != nil {
			return err
		}
	}
}

// waitTurn, holding a slot, sleeps until the delay after the previous
// start has passed, then records the start (and, for a Graph call, the
// call). It checks again after each sleep, so timers firing late never
// bring two starts closer than the delay. started is false when a rate
// limit holds the request after all (set meanwhile by another answer):
// the caller frees the slot and waits for it in awaitLimit.
func (l *hostLimiter) waitTurn(ctx, wctx context.Context, h *hostState, req scanner.Request) (started bool, err error) {
	for {
		h.mu.Lock()
		now := l.clock.now()
		if b := h.blocks[req.Endpoint]; b.until.After(now) {
			h.mu.Unlock()
			return false, nil
		}
		if l.delay > 0 && h.lastStart.Add(l.delay).After(now) {
			wait := h.lastStart.Add(l.delay).Sub(now)
			h.mu.Unlock()
			if err := l.clock.idleSleep(ctx, wctx, wait); err != nil {
				return false, err
			}
			continue
		}
		if req.Limits == scanner.LimitsMetaGraph && !l.pacer(h).reserve(now) {
			h.mu.Unlock()
			return false, nil
		}
		h.lastStart = now
		h.mu.Unlock()
		return true, nil
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

// block keeps new requests to host's endpoint ("" for the host's one
// window) from starting before until. A later block extends an earlier
// one; an earlier one never shortens it.
func (l *hostLimiter) block(host, endpoint string, until time.Time, reason string) {
	h := l.state(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if until.After(h.blocks[endpoint].until) {
		h.blocks[endpoint] = hostBlock{until: until, reason: reason}
	}
}
