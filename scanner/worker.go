package scanner

import (
	"context"
	"sync"
)

// A scan has a fixed number of workers: the accounts being worked on at
// one moment (fetching, parsing). An account that waits for its host
// (a politeness turn, a rate limit, another request's answer) lends its
// worker to another account meanwhile, so one slow or rate-limited host
// never holds all of them. The crawl layer says when it waits by calling
// Idle with the request's context.

// workerKey is the context key of the account's worker.
type workerKey struct{}

// worker is the right of one account to use one of the scan's workers.
type worker struct {
	tokens chan struct{} // shared by the scan: one token per worker

	mu   sync.Mutex
	idle int  // waits under way (an account may wait in two places at once)
	held bool // whether this account holds a token
}

// withWorker returns ctx carrying w, for the fetches of one account.
func withWorker(ctx context.Context, w *worker) context.Context {
	return context.WithValue(ctx, workerKey{}, w)
}

// acquire takes a token for the account; false when ctx ended first.
func (w *worker) acquire(ctx context.Context) bool {
	select {
	case w.tokens <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	w.mu.Lock()
	w.held = true
	w.mu.Unlock()
	return true
}

// release gives the account's token back, if it holds one.
func (w *worker) release() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.held {
		w.held = false
		<-w.tokens
	}
}

// Idle tells the scan that the account whose fetch ctx belongs to is about
// to wait for something other than its own work, and returns the function
// to call when the wait is over. Meanwhile its worker serves another
// account; resume waits until a worker is free again (or ctx ends). Outside
// a Scan, Idle and resume do nothing. Every wait must resume exactly once.
//
// Nothing that holds a worker may wait for something only an idle account
// can finish; waits that call Idle first are safe by construction.
func Idle(ctx context.Context) (resume func()) {
	w, ok := ctx.Value(workerKey{}).(*worker)
	if !ok {
		return func() {}
	}
	w.mu.Lock()
	w.idle++
	first := w.idle == 1
	w.mu.Unlock()
	if first {
		w.release()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			w.mu.Lock()
			w.idle--
			last := w.idle == 0
			w.mu.Unlock()
			if last {
				w.acquire(ctx)
			}
		})
	}
}
