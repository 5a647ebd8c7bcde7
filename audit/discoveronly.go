package audit

import (
	"context"
	"errors"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// ErrDiscoveryInterrupted is DiscoverOnly's error when its context ended
// before the search finished. A search cut short proves nothing about
// what it did not reach, so nothing is reported or written rather than
// "every account is in the registry".
var ErrDiscoveryInterrupted = errors.New("interrupted before the search finished")

// NotStartedError is DiscoverOnly's error when the crawl could not be set
// up (a crawl setting out of range): nothing was fetched.
type NotStartedError struct{ Err error }

func (e *NotStartedError) Error() string { return e.Err.Error() }

// Unwrap returns the setup's error.
func (e *NotStartedError) Unwrap() error { return e.Err }

// DiscoverOnly looks for accounts missing from the registry without
// judging anything: it fetches every registered account for the links on
// its profile, crawls o.Discover's site and returns the accounts the
// registry lacks, with notes on the pages that could not be read. It
// writes nothing; WriteUnregistered does, once a front end has shown the
// list. Its error is a *NotStartedError, ErrDiscoveryInterrupted, or the
// search's (a site address that is none).
func DiscoverOnly(ctx context.Context, o Options, prog Progress) ([]model.Unregistered, []string, error) {
	results, client, err := Fetch(ctx, o, prog)
	prog.Close()
	if err != nil {
		return nil, nil, &NotStartedError{Err: err}
	}
	var missing []model.Unregistered
	var notes []string
	if ctx.Err() == nil {
		missing, notes, err = FindUnregistered(ctx, o, client, results)
	}
	if ctx.Err() != nil {
		return nil, nil, ErrDiscoveryInterrupted
	}
	return missing, notes, err
}
