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
		{"8.8.8.8", ""},
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
