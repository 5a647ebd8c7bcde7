package scanner

import (
	"errors"
	"fmt"
)

// ErrorKind classifies why an account could not be fetched, so reports can
// explain it in the reader's language.
type ErrorKind string

// Kinds of fetch errors.
const (
	ErrHTTPStatus     ErrorKind = "http-status"     // the server answered with a non-2xx status
	ErrTimeout        ErrorKind = "timeout"         // no answer in time
	ErrRefusedAddress ErrorKind = "refused-address" // the host resolves to a private/loopback address
	ErrUnparseable    ErrorKind = "unparseable"     // the answer could not be understood
	ErrRobots         ErrorKind = "robots"          // robots.txt forbids the page
	ErrTooLarge       ErrorKind = "too-large"       // the body exceeds the size limit
	ErrNetwork        ErrorKind = "network"         // DNS, connection or TLS failure
	ErrInvalidInput   ErrorKind = "invalid-input"   // the registry row is unusable
	ErrNotFound       ErrorKind = "not-found"       // the account does not exist on the platform
	ErrCanceled       ErrorKind = "canceled"        // the scan was interrupted
	ErrBlocked        ErrorKind = "blocked"         // the platform showed a wall (consent page, opt-out) instead of the account
	ErrRateLimited    ErrorKind = "rate-limited"    // the platform's rate limit would not reset before the scan's deadline
)

// FetchError says why an account could not be fetched.
type FetchError struct {
	Kind       ErrorKind
	URL        string // the URL that failed, if any
	StatusCode int    // for ErrHTTPStatus and ErrNotFound
	Detail     string // short technical detail, e.g. the server's error text
	Err        error  // underlying error, if any
	// Skipped means the request was never sent: its host failed hard
	// earlier in the same scan, and this is that failure's kind. Reports
	// count these to say how many accounts one dead server took along.
	Skipped bool
}

// Error gives a short English reason, for logs.
func (e *FetchError) Error() string {
	msg := string(e.Kind)
	if e.StatusCode != 0 {
		msg = fmt.Sprintf("HTTP %d", e.StatusCode)
	}
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if e.URL != "" {
		msg += " (" + e.URL + ")"
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *FetchError) Unwrap() error { return e.Err }

// AsFetchError returns err as a *FetchError, wrapping foreign errors as
// ErrNetwork so every failure carries a kind.
func AsFetchError(err error) *FetchError {
	if err == nil {
		return nil
	}
	var fe *FetchError
	if errors.As(err, &fe) {
		return fe
	}
	return &FetchError{Kind: ErrNetwork, Detail: err.Error(), Err: err}
}
