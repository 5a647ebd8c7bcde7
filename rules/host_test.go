package rules

import "testing"

func TestHostOf(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"https://Stockholm.SE/kultur", "stockholm.se"},
		{"http://start.stockholm.:8080/x", "start.stockholm"},
		{"stockholm.se/kultur", "stockholm.se"},
		{" https://www.stockholm.se ", "www.stockholm.se"},
		{"mailto:kultur@stockholm.se", ""},
		{"tel:+46850829000", ""},
		{"kultur@stockholm.se", ""},
		{"ftp://stockholm.se/", ""},
		{"Kontakta oss", ""},
		{"bibliotek", ""},
		{"https://", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			if got := hostOf(tt.raw); got != tt.want {
				t.Errorf("hostOf(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestBareDomain(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"https://www.Kulturhuset.se/", "kulturhuset.se"},
		{"stadsarkivet.se", "stadsarkivet.se"},
		{"www.stockholm.se", "stockholm.se"},
		{"localhost", ""},
		{"inte en domän", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			if got := bareDomain(tt.raw); got != tt.want {
				t.Errorf("bareDomain(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestHostWithin(t *testing.T) {
	tests := []struct {
		host, domain string
		want         bool
	}{
		{"stockholm.se", "stockholm.se", true},
		{"www.stockholm.se", "stockholm.se", true},
		{"a.b.stockholm.se", "stockholm.se", true},
		{"notstockholm.se", "stockholm.se", false},
		{"stockholm.se.example.org", "stockholm.se", false},
		{"", "stockholm.se", false},
		{"stockholm.se", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.host+" in "+tt.domain, func(t *testing.T) {
			if got := hostWithin(tt.host, tt.domain); got != tt.want {
				t.Errorf("hostWithin(%q, %q) = %v", tt.host, tt.domain, got)
			}
		})
	}
}
