package crawl

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Bounds of the memory that shared page answers may hold. City pages are
// tens to a few hundred kB; a scan of the city's accounts reads a few
// hundred distinct ones, so 64 MiB keeps all of them with room to spare,
// while a scan that somehow meets thousands of distinct pages stops
// keeping new answers once the total is reached (nothing is evicted:
// which pages recur is known only afterwards, and a full cache costs
// nothing but the network requests it would have saved).
const (
	// sharedBodyMax is the largest body kept for later callers. A larger
	// one is still handed to the callers waiting for it, then dropped.
	sharedBodyMax = 2 << 20
	// sharedTotalMax caps what all kept answers hold together.
	sharedTotalMax = 64 << 20
	// sharedEntryCost is what an answer is charged besides its body,
	// URL and headers: the map entry and the structs around it.
	sharedEntryCost = 256
)

// sharedGets makes identical page requests within one Client's life, one
// scan, go to the network once. Many accounts link to the same city pages
// (stockholm.se's comment rules, an administration's front page) and the
// affiliation check reads them for each: in a benchmark scan of 1,000
// accounts that was a quarter of all requests. The first caller fetches;
// callers arriving meanwhile wait for its answer, later ones get it from
// memory: status, headers and body, or the same error. A failure is kept
// as well as a success: the first caller's retries already asked the
// server as often as the configuration allows, and asking again per
// account would multiply one broken page by the accounts linking it.
//
// Only what shareKey admits is shared; see there.
type sharedGets struct {
	maxBody, maxTotal int64

	mu    sync.Mutex
	used  int64 // bytes charged for the answers kept
	calls map[string]*sharedCall
}

// sharedCall is one fetch and, once done is closed, its outcome. resp and
// err are written before done is closed and never after.
type sharedCall struct {
	done    chan struct{}
	resp    *scanner.Response
	err     *scanner.FetchError
	waiters atomic.Int32 // callers waiting on done; tests watch it
}

func newSharedGets(maxBody, maxTotal int64) *sharedGets {
	return &sharedGets{maxBody: maxBody, maxTotal: maxTotal, calls: make(map[string]*sharedCall)}
}

// shareKey returns the key under which req's answer is shared, or false
// when req must go to the network itself. This is where the choice of
// what is shared is made:
//
//   - Only pages (req.Page): HTML meant for people, the same for every
//     visitor, which is what recurs across accounts. API and feed answers
//     are each one account's (timelines, profiles, post pages); two
//     identical ones in a scan mean the registry lists an account twice.
//     Keeping them would fill the cap with answers of 100 kB and more that
//     nobody asks for again, in a scan that must stay within its memory
//     target.
//   - Never a request with headers of its own (req.Header): those carry
//     API tokens, the answer may depend on the token, and a store of such
//     answers would be one more place where what a secret unlocked lingers.
//
// The URL is taken as written: two spellings of one page are two keys,
// which costs a request, never a wrong answer.
func shareKey(req scanner.Request) (string, bool) {
	if !req.Page || len(req.Header) != 0 {
		return "", false
	}
	return req.Accept + "\x00" + req.URL, true
}

// join returns the call for key, and whether the caller is its leader and
// must fetch. Anyone else waits on the call's done channel.
func (s *sharedGets) join(key string) (call *sharedCall, leader bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if call, ok := s.calls[key]; ok {
		return call, false
	}
	call = &sharedCall{done: make(chan struct{})}
	s.calls[key] = call
	return call, true
}

// finish records the leader's outcome, keeps it for later callers when it
// is worth keeping and fits, and wakes the waiting callers. An interrupted
// fetch is not kept (it says nothing about the page); neither is a skip
// (the dead-host memory answers those before the cache is asked).
func (s *sharedGets) finish(key string, call *sharedCall, resp *scanner.Response, ferr *scanner.FetchError) {
	call.resp = freeze(resp)
	if ferr != nil {
		kept := *ferr
		call.err = &kept
	}
	keep := ferr == nil || ferr.Kind != scanner.ErrCanceled && !ferr.Skipped
	size := call.size()
	s.mu.Lock()
	if call.resp != nil && int64(len(call.resp.Body)) > s.maxBody || s.used+size > s.maxTotal {
		keep = false
	}
	if keep {
		s.used += size
	} else {
		delete(s.calls, key)
	}
	s.mu.Unlock()
	close(call.done)
}

// size is what keeping the call's outcome costs, roughly.
func (call *sharedCall) size() int64 {
	n := int64(sharedEntryCost)
	if r := call.resp; r != nil {
		n += int64(len(r.Body) + len(r.URL))
		for k, vs := range r.Header {
			n += int64(len(k))
			for _, v := range vs {
				n += int64(len(v))
			}
		}
	}
	if e := call.err; e != nil {
		n += int64(len(e.URL) + len(e.Detail))
	}
	return n
}

// await waits for the leader's outcome, false when ctx ends first. The
// account lends its worker meanwhile (scanner.Idle): the leader may need
// one to finish.
func (call *sharedCall) await(ctx context.Context) bool {
	select {
	case <-call.done:
		return true
	default:
	}
	call.waiters.Add(1)
	defer call.waiters.Add(-1)
	resume := scanner.Idle(ctx)
	defer resume()
	select {
	case <-call.done:
		return true
	case <-ctx.Done():
		return false
	}
}

// outcome gives one caller its own copy of the answer: its own Response
// and Header, which it may change, and its own FetchError. The body is
// the same array for every caller and must only be read.
func (call *sharedCall) outcome() (*scanner.Response, *scanner.FetchError) {
	var resp *scanner.Response
	if call.resp != nil {
		r := *call.resp
		r.Header = call.resp.Header.Clone()
		resp = &r
	}
	var ferr *scanner.FetchError
	if call.err != nil {
		e := *call.err
		ferr = &e
	}
	return resp, ferr
}

// freeze copies resp for keeping: its own Header, so the leader changing
// its copy does not change the others', and the body with its capacity
// cut to its length, so an append by one caller reallocates instead of
// writing into the array the others read.
func freeze(resp *scanner.Response) *scanner.Response {
	if resp == nil {
		return nil
	}
	r := *resp
	r.Header = resp.Header.Clone()
	r.Body = resp.Body[:len(resp.Body):len(resp.Body)]
	return &r
}

// fetchShared is fetch for requests whose answers are shared within the
// scan (see shareKey); others go straight to fetch.
func (c *Client) fetchShared(ctx context.Context, req scanner.Request, host string) (*scanner.Response, *scanner.FetchError) {
	key, ok := shareKey(req)
	if !ok {
		return c.fetch(ctx, req, host)
	}
	for {
		call, leader := c.shared.join(key)
		if leader {
			resp, ferr := c.fetch(ctx, req, host)
			c.shared.finish(key, call, resp, ferr)
			if resp != nil {
				// The leader's body too is the shared array.
				resp.Body = call.resp.Body
			}
			return resp, ferr
		}
		if !call.await(ctx) {
			return nil, canceledError(ctx, req.URL)
		}
		if call.err != nil && call.err.Kind == scanner.ErrCanceled {
			// The leader was interrupted, not the page: ask again,
			// one of the waiters leading now.
			continue
		}
		if call.err != nil {
			// As for pages that queued behind robots.txt: the
			// failure that found the host dead is counted once, the
			// requests that waited for it as skips.
			if skip := c.skipDead(host, req.URL); skip != nil {
				return nil, skip
			}
		}
		return call.outcome()
	}
}
