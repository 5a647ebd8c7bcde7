package scanner

import (
	"context"
	"time"
)

// Recorder hears every response an adapter received while it fetched an
// account, so that a scan can keep what it saw (smaudit's --evidence
// bundle). Record is called from many goroutines at once; resp.Body may
// be shared with other accounts and must only be read. A response that
// came with an error (a final 404 or 503) is recorded too: the finding
// that the account could not be read rests on it.
type Recorder interface {
	Record(acc Account, req Request, resp *Response)
}

// Citation names the archived record that a fetched URL's answer was
// kept in.
type Citation struct {
	// File is the archive file, relative to the report folder, e.g.
	// "bevis/kulturforvaltningen.warc.gz".
	File string
	// RecordID is the WARC-Record-ID of the response record, without the
	// angle brackets: "urn:uuid:…".
	RecordID string
}

// Recording returns adapters that tell the fetcher they were built on
// which account each fetch is for; build them on a RecordingFetcher.
// Nothing here runs unless a front end asks for a record: a scan without
// one uses the adapters and the fetcher as they are, at no cost.
//
// Adapters that fetch nothing (Unavailable) are kept as they are, so the
// scan still tells them apart.
func Recording(adapters map[Platform]Adapter) map[Platform]Adapter {
	out := make(map[Platform]Adapter, len(adapters))
	for p, a := range adapters {
		if _, ok := a.(Unavailable); ok {
			out[p] = a
			continue
		}
		out[p] = accountAdapter{a}
	}
	return out
}

// RecordingFetcher wraps f so that every response fetched on behalf of an
// account (through an adapter from Recording) is handed to rec. Fetches
// made outside an account, such as the search for unregistered accounts,
// are not recorded: no finding of an account rests on them.
func RecordingFetcher(f Fetcher, rec Recorder) Fetcher {
	return recordingFetcher{next: f, rec: rec}
}

// accountCtxKey is the context key of the account an adapter fetches.
type accountCtxKey struct{}

// AccountOf returns the account whose fetch ctx belongs to, when the
// adapter came from Recording: the crawl layer's answers that no adapter
// sees (robots.txt) can then be kept with the account's evidence too.
func AccountOf(ctx context.Context) (Account, bool) {
	acc, ok := ctx.Value(accountCtxKey{}).(*Account)
	if !ok {
		return Account{}, false
	}
	return *acc, true
}

// accountAdapter puts the account into the context of its fetches.
type accountAdapter struct{ next Adapter }

// Fetch implements Adapter.
func (a accountAdapter) Fetch(ctx context.Context, acc Account, since time.Time) (Fetched, error) {
	return a.next.Fetch(context.WithValue(ctx, accountCtxKey{}, &acc), acc, since)
}

// recordingFetcher hands each response to a Recorder.
type recordingFetcher struct {
	next Fetcher
	rec  Recorder
}

// Fetch implements Fetcher.
func (f recordingFetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	resp, err := f.next.Fetch(ctx, req)
	if resp != nil {
		if acc, ok := AccountOf(ctx); ok {
			f.rec.Record(acc, req, resp)
		}
	}
	return resp, err
}
