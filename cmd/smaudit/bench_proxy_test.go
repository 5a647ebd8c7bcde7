package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"
)

// benchProxy lets a separate smaudit process reach the benchmark's
// fixtures under their real host names: the binary is configured with it
// as its proxy, and it answers plain requests itself and opens every
// CONNECT tunnel as a TLS server whose certificate, made for the host
// asked for, is signed by a throwaway CA the child trusts through
// SSL_CERT_FILE. The binary then runs its own transport, TLS included,
// unchanged.
type benchProxy struct {
	*httptest.Server
	caFile string // PEM of the CA, for SSL_CERT_FILE
	tunnel *connListener
	inner  *http.Server
}

// startBenchProxy serves handler through a proxy until Close.
func startBenchProxy(tb testing.TB, handler http.Handler) *benchProxy {
	tb.Helper()
	ca, caKey, caPEM := benchCA(tb)
	caFile := tb.TempDir() + "/ca.pem"
	if err := os.WriteFile(caFile, caPEM, 0o600); err != nil {
		tb.Fatal(err)
	}
	var certs sync.Map // host -> *tls.Certificate
	tlsCfg := &tls.Config{GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
		if c, ok := certs.Load(hello.ServerName); ok {
			return c.(*tls.Certificate), nil
		}
		c, err := benchLeaf(ca, caKey, hello.ServerName)
		if err != nil {
			return nil, err
		}
		certs.Store(hello.ServerName, c)
		return c, nil
	}}
	p := &benchProxy{caFile: caFile, tunnel: newConnListener(), inner: &http.Server{Handler: handler}}
	go p.inner.Serve(p.tunnel)
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			handler.ServeHTTP(w, r) // an absolute-form request for an http:// URL
			return
		}
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if _, err := conn.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n")); err != nil {
			conn.Close()
			return
		}
		select {
		case p.tunnel.conns <- tls.Server(conn, tlsCfg):
		case <-p.tunnel.done:
			conn.Close()
		}
	}))
	return p
}

// Close stops the proxy and the TLS server behind it.
func (p *benchProxy) Close() {
	p.Server.Close()
	p.inner.Close()
}

// benchCA makes a self-signed CA and returns it, its key and its PEM.
func benchCA(tb testing.TB) (*x509.Certificate, *ecdsa.PrivateKey, []byte) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "smaudit bench CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return ca, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// benchLeaf makes a server certificate for host signed by ca.
func benchLeaf(ca *x509.Certificate, caKey *ecdsa.PrivateKey, host string) (*tls.Certificate, error) {
	if host == "" {
		return nil, errors.New("bench proxy: no server name in the TLS hello")
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: host},
		DNSNames:     []string{host},
		NotBefore:    ca.NotBefore,
		NotAfter:     ca.NotAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	return &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

// connListener is a net.Listener fed with the proxy's tunnels.
type connListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func newConnListener() *connListener {
	return &connListener{conns: make(chan net.Conn), done: make(chan struct{})}
}

// Accept implements net.Listener.
func (l *connListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

// Close implements net.Listener.
func (l *connListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

// Addr implements net.Listener.
func (l *connListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }
