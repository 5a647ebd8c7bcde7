package crawl

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/stockholm-stad/smaudit/scanner"
)

// classify turns an error from one attempt into a *scanner.FetchError. ctx
// is the caller's context (its end means the scan was interrupted), actx
// the attempt's context (its deadline is the request timeout).
func classify(ctx, actx context.Context, rawURL string, err error) *scanner.FetchError {
	var fe *scanner.FetchError
	if errors.As(err, &fe) {
		return fe
	}
	if ctx.Err() != nil {
		return canceledError(ctx, rawURL)
	}
	var refused *refusedAddressError
	if errors.As(err, &refused) {
		return &scanner.FetchError{Kind: scanner.ErrRefusedAddress, URL: rawURL, Detail: refused.Error(), Err: err}
	}
	var ne net.Error
	if errors.Is(actx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout()) {
		return &scanner.FetchError{Kind: scanner.ErrTimeout, URL: rawURL, Detail: "no complete answer in time", Err: err}
	}
	return &scanner.FetchError{Kind: scanner.ErrNetwork, URL: rawURL, Detail: err.Error(), Err: err}
}

// canceledError reports that the scan was interrupted while rawURL was
// being fetched or waited for.
func canceledError(ctx context.Context, rawURL string) *scanner.FetchError {
	cause := context.Cause(ctx)
	if cause == nil {
		cause = context.Canceled
	}
	return &scanner.FetchError{Kind: scanner.ErrCanceled, URL: rawURL, Detail: cause.Error(), Err: cause}
}

// retryable reports whether another attempt may help: timeouts, connection
// failures other than an unknown host, 5xx and 429. How many times is
// retryLimit's call.
func retryable(fe *scanner.FetchError) bool {
	switch fe.Kind {
	case scanner.ErrTimeout:
		return true
	case scanner.ErrNetwork:
		var dns *net.DNSError
		return !(errors.As(fe.Err, &dns) && dns.IsNotFound)
	case scanner.ErrHTTPStatus:
		return fe.StatusCode == 429 || fe.StatusCode >= 500
	}
	return false
}

// failureLabel names what failed in a few words a person recognises:
// "timeout", "connection refused", "DNS lookup failed", "HTTP 503".
func failureLabel(fe *scanner.FetchError) string {
	switch fe.Kind {
	case scanner.ErrTimeout:
		return "timeout"
	case scanner.ErrHTTPStatus:
		return fmt.Sprintf("HTTP %d", fe.StatusCode)
	case scanner.ErrNetwork:
		var dns *net.DNSError
		var tlsCert *tls.CertificateVerificationError
		var tlsRecord tls.RecordHeaderError
		var tlsAlert tls.AlertError
		switch {
		case errors.As(fe.Err, &dns):
			return "DNS lookup failed"
		case errors.Is(fe.Err, syscall.ECONNREFUSED):
			return "connection refused"
		case errors.Is(fe.Err, syscall.ECONNRESET):
			return "connection reset"
		case errors.Is(fe.Err, syscall.EHOSTUNREACH), errors.Is(fe.Err, syscall.ENETUNREACH):
			return "host unreachable"
		case errors.As(fe.Err, &tlsCert), errors.As(fe.Err, &tlsRecord), errors.As(fe.Err, &tlsAlert):
			return "TLS failure"
		case errors.Is(fe.Err, io.EOF), errors.Is(fe.Err, io.ErrUnexpectedEOF):
			return "connection closed without an answer"
		}
		return "network error"
	}
	return string(fe.Kind)
}
