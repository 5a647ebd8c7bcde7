package crawl

import (
	"net/http"
	"testing"
)

// idleCounter is a transport that counts the calls to close its idle
// connections, as *http.Transport would act on them.
type idleCounter struct {
	http.RoundTripper
	closed int
}

func (t *idleCounter) CloseIdleConnections() { t.closed++ }

// plainTransport is a transport without idle connections to close.
type plainTransport struct{}

func (plainTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, http.ErrNotSupported
}

// TestCloseIdleConnectionsReachesTransport checks that the Client passes
// CloseIdleConnections on to the transport it was given, beneath the
// decoding layer it adds, and that a transport without the method is
// fine.
func TestCloseIdleConnectionsReachesTransport(t *testing.T) {
	tr := &idleCounter{RoundTripper: http.DefaultTransport}
	c, err := New(Config{Transport: tr})
	if err != nil {
		t.Fatal(err)
	}
	c.CloseIdleConnections()
	c.CloseIdleConnections()
	if tr.closed != 2 {
		t.Errorf("transport's idle connections closed %d times, want 2", tr.closed)
	}
	plain, err := New(Config{Transport: plainTransport{}})
	if err != nil {
		t.Fatal(err)
	}
	plain.CloseIdleConnections()
}
