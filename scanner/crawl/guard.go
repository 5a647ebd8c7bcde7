package crawl

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// blockedRange is an address range the guard refuses, with the reason
// shown to the user.
type blockedRange struct {
	prefix netip.Prefix
	reason string
}

// blockedRanges lists what a public social-media account or blog has no
// business resolving to. Checking at dial time covers redirects and DNS
// answers that point inside the city's network.
var blockedRanges = []blockedRange{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("255.255.255.255/32"), "broadcast"},
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("fc00::/7"), "private"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// refusedAddressError is returned by the dialer when the guard refuses an
// address; classify turns it into scanner.ErrRefusedAddress.
type refusedAddressError struct {
	addr   netip.Addr
	reason string
}

// Error names the address and how to allow it.
func (e *refusedAddressError) Error() string {
	return fmt.Sprintf("address %s is in a %s range; use --allow-private-networks to allow it", e.addr, e.reason)
}

// checkAddress returns a *refusedAddressError when addr lies in a blocked
// range, nil otherwise.
func checkAddress(addr netip.Addr) error {
	addr = addr.Unmap()
	for _, r := range blockedRanges {
		if r.prefix.Contains(addr) {
			return &refusedAddressError{addr: addr, reason: r.reason}
		}
	}
	return nil
}

// guardControl is a net.Dialer Control hook: it runs after DNS resolution
// with the literal IP about to be connected to.
func guardControl(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("private-network guard: cannot parse dial address %q: %w", address, err)
	}
	return checkAddress(ap.Addr())
}

// newTransport builds the shared transport: keep-alive with enough idle
// connections per host for concurrent scans, and the private-network guard
// unless allowPrivate is set. No proxy is used, because the guard could
// only see the proxy's address.
func newTransport(allowPrivate bool, perHost int) *http.Transport {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = guardControl
	}
	idle := max(perHost, 64)
	return &http.Transport{
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          4 * idle,
		MaxIdleConnsPerHost:   idle,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}
