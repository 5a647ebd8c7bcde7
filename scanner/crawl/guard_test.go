package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestCheckAddress(t *testing.T) {
	tests := []struct {
		addr   string
		reason string // empty: allowed
	}{
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"192.168.1.1", "private"},
		{"fc00::1", "private"},
		{"fd12:3456::1", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"100.64.0.1", "carrier-grade NAT"},
		{"100.127.255.254", "carrier-grade NAT"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"224.0.0.251", "multicast"},
		{"ff02::1", "multicast"},
		{"192.0.0.8", "reserved (IETF protocol assignments)"},
		{"192.0.2.2", "documentation"},
		{"198.51.100.7", "documentation"},
		{"203.0.113.200", "documentation"},
		{"192.88.99.1", "6to4 relay anycast"},
		{"198.18.0.1", "benchmarking"},
		{"198.19.255.254", "benchmarking"},
		{"240.0.0.1", "reserved"},
		{"255.255.255.254", "reserved"},
		{"255.255.255.255", "broadcast"},
		{"0.1.2.3", "unspecified"},
		{"::ffff:10.0.0.1", "private"},
		{"::ffff:192.0.2.2", "documentation"},
		{"::10.0.0.1", "private"},   // IPv4-compatible: the embedded v4 decides
		{"::127.0.0.1", "loopback"}, // IPv4-compatible loopback
		{"::198.18.0.1", "benchmarking"},
		{"64:ff9b::8.8.8.8", "NAT64"},
		{"64:ff9b::c000:202", "NAT64"},
		{"64:ff9b:1::1", "NAT64"},
		{"100::1", "discard-only"},
		{"2001::1", "reserved (IETF protocol assignments, Teredo)"},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved (IETF protocol assignments, Teredo)"},
		{"2001:2::1", "reserved (IETF protocol assignments, Teredo)"},
		{"2001:db8::1", "documentation"},
		{"2002:c000:0202::1", "6to4"},
		{"2002:0808:0808::1", "6to4"},
		{"3fff::1", "documentation"},
		{"fe80::1%eth0", "link-local"},
		{"ff05::2", "multicast"},
		{"8.8.8.8", ""},
		{"192.0.3.1", ""},
		{"198.20.0.1", ""},
		{"203.0.114.1", ""},
		{"239.255.255.255", "multicast"},
		{"::ffff:8.8.8.8", ""},
		{"::8.8.8.8", ""},
		{"64:ff9c::1", ""},
		{"2001:200::1", ""},
		{"2003::1", ""},
		{"2a00:1450:400f:80c::200e", ""},
		{"172.32.0.1", ""},
		{"100.128.0.1", ""},
		{"193.180.0.1", ""},
		{"2001:4860:4860::8888", ""},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := checkAddress(netip.MustParseAddr(tt.addr))
			if tt.reason == "" {
				if err != nil {
					t.Fatalf("checkAddress(%s) = %v, want allowed", tt.addr, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("checkAddress(%s) allowed it, want refused as %s", tt.addr, tt.reason)
			}
			if !strings.Contains(err.Error(), "in a "+tt.reason+" range") || !strings.Contains(err.Error(), "--allow-private-networks") {
				t.Errorf("message %q does not name the %s range and the flag", err, tt.reason)
			}
		})
	}
}

func TestFetchPrivateNetworkGuard(t *testing.T) {
	hits := &counter{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		fmt.Fprint(w, "inside")
	})
	tests := []struct {
		name  string
		allow bool
	}{
		{"refused by default", false},
		{"allowed when asked", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := hits.get()
			c := newTestClient(t, func(cfg *Config) { cfg.AllowPrivateNetworks = tt.allow })
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/admin"})
			if tt.allow {
				if err != nil || string(resp.Body) != "inside" {
					t.Fatalf("Fetch = %v, %v; want the page", resp, err)
				}
				return
			}
			fe := wantKind(t, err, scanner.ErrRefusedAddress)
			if !strings.Contains(fe.Detail, "127.0.0.1") || !strings.Contains(fe.Detail, "loopback") {
				t.Errorf("detail %q does not name the address and its range", fe.Detail)
			}
			if hits.get() != before {
				t.Errorf("server was reached despite the guard")
			}
		})
	}
}

func TestFetchRefusesSpecialPurposeAddresses(t *testing.T) {
	// Registry links written with an address; the dial-time guard refuses
	// them before a packet is sent, so none of these leaves the machine.
	for _, u := range []string{
		"http://192.0.2.2/@kultur",
		"http://198.18.0.1/",
		"http://240.0.0.1/",
		"http://[64:ff9b::c000:202]/",
		"http://[2002:c000:202::1]/",
		"http://[::ffff:10.1.2.3]/",
	} {
		t.Run(u, func(t *testing.T) {
			c := newTestClient(t, func(cfg *Config) { cfg.AllowPrivateNetworks = false })
			_, err := c.Fetch(context.Background(), scanner.Request{URL: u})
			fe := wantKind(t, err, scanner.ErrRefusedAddress)
			if !strings.Contains(fe.Detail, "--allow-private-networks") {
				t.Errorf("detail %q does not say how to allow it", fe.Detail)
			}
		})
	}
}
