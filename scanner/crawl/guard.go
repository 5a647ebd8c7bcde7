package crawl

import (
	"fmt"
	"net/netip"
	"syscall"
)

// blockedRange is an address range the guard refuses, with the reason
// shown to the user.
type blockedRange struct {
	prefix netip.Prefix
	reason string
}

// blockedRanges lists what a public social-media account or blog has no
// business resolving to: the IANA IPv4 and IPv6 special-purpose address
// registries, taken whole rather than entry by entry. The few entries there
// that are globally reachable anycast services (AS112, PCP, AMT) are no
// place for a city's account either, so a prefix is refused as soon as
// IANA sets it apart. The first matching entry names the reason, so the
// narrower ones come first. Checking at dial time covers registry links,
// redirects, configured platform base URLs and DNS answers that point
// inside the city's network alike.
var blockedRanges = []blockedRange{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved (IETF protocol assignments)"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("192.88.99.0/24"), "6to4 relay anycast"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("255.255.255.255/32"), "broadcast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},

	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("64:ff9b::/96"), "NAT64"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "NAT64"},
	{netip.MustParsePrefix("100::/64"), "discard-only"},
	{netip.MustParsePrefix("2001::/23"), "reserved (IETF protocol assignments, Teredo)"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("2002::/16"), "6to4"},
	{netip.MustParsePrefix("3fff::/20"), "documentation"},
	{netip.MustParsePrefix("5f00::/16"), "segment routing"},
	{netip.MustParsePrefix("fc00::/7"), "private"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// v4Compatible is ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291
// section 2.5.5.1). Some stacks still route it to a.b.c.d, so what decides
// is the embedded IPv4 address, just as for ::ffff:a.b.c.d.
var v4Compatible = netip.MustParsePrefix("::/96")

// refusedAddressError is returned by the dialer when the guard refuses an
// address; classify turns it into scanner.ErrRefusedAddress.
type refusedAddressError struct {
	addr   netip.Addr
	host   string // the name that resolved to addr, when known
	reason string
}

// Error names the address (and the name that led to it) and how to allow
// it.
func (e *refusedAddressError) Error() string {
	what := "address " + e.addr.String()
	if e.host != "" && e.host != e.addr.String() {
		what = e.host + " resolves to " + e.addr.String() + ", which"
	}
	return fmt.Sprintf("%s is in a %s range; use --allow-private-networks to allow it", what, e.reason)
}

// checkAddress returns a *refusedAddressError when addr lies in a blocked
// range, nil otherwise. An IPv4 address embedded in an IPv4-mapped
// (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 address is judged
// as the IPv4 address it reaches.
func checkAddress(addr netip.Addr) error {
	addr = addr.WithZone("")
	orig := addr
	addr = addr.Unmap()
	if addr.Is6() && v4Compatible.Contains(addr) && addr.Compare(netip.MustParseAddr("::1")) > 0 {
		b := addr.As16()
		addr = netip.AddrFrom4([4]byte(b[12:]))
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(addr) {
			return &refusedAddressError{addr: orig, reason: r.reason}
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
