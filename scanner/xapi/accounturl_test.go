package xapi

import (
	"errors"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestParseAccountURL(t *testing.T) {
	tests := []struct {
		raw  string
		want string // empty: invalid
	}{
		{"https://x.com/stockholmsstad", "stockholmsstad"},
		{"https://twitter.com/stockholmsstad", "stockholmsstad"},
		{"https://www.twitter.com/stockholmsstad/", "stockholmsstad"},
		{"https://mobile.twitter.com/stockholmsstad", "stockholmsstad"},
		{" https://X.com/Stockholms_Stad?lang=sv ", "Stockholms_Stad"},
		{"http://twitter.com/stockholmsstad", "stockholmsstad"},
		{"https://x.com/stockholmsstad/status/2123702890053906432", "stockholmsstad"},
		{"https://twitter.com/#!/stockholmsstad", "stockholmsstad"},
		{"@stockholmsstad", "stockholmsstad"},
		{"@a", "a"},
		{"@Home", ""},
		{"@abcdefghijklmno", "abcdefghijklmno"},
		{"@abcdefghijklmnop", ""},
		{"@stockholms-stad", ""},
		{"@", ""},
		{"https://x.com/home", ""},
		{"https://x.com/i/lists/1234567890", ""},
		{"https://twitter.com/search?q=stockholm", ""},
		{"https://x.com/explore", ""},
		{"https://x.com/", ""},
		{"https://x.com", ""},
		{"https://x.com/stockholms.stad", ""},
		{"https://x.com/abcdefghijklmnop", ""},
		{"https://facebook.com/stockholmsstad", ""},
		{"https://x.com.example/stockholmsstad", ""},
		{"x.com/stockholmsstad", ""},
		{"ftp://x.com/stockholmsstad", ""},
		{"stockholmsstad", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := ParseAccountURL(tt.raw)
			if tt.want == "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || fe.Detail == "" || fe.URL != tt.raw {
					t.Errorf("ParseAccountURL(%q) = %q, %v; want an ErrInvalidInput FetchError", tt.raw, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseAccountURL(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}
