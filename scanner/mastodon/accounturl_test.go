package mastodon

import (
	"errors"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestParseAccountURL(t *testing.T) {
	tests := []struct {
		raw        string
		host, name string // empty host: invalid
	}{
		{"https://mastodon.example/@kultur", "mastodon.example", "kultur"},
		{"https://mastodon.example/@kultur/", "mastodon.example", "kultur"},
		{" https://Mastodon.Example/users/kultur ", "mastodon.example", "kultur"},
		{"https://mastodon.example/users/kultur/", "mastodon.example", "kultur"},
		{"http://mastodon.example/@stads_bibliotek", "mastodon.example", "stads_bibliotek"},
		{"https://mastodon.example/@kultur?lang=sv", "mastodon.example", "kultur"},
		{"@kultur@mastodon.example", "mastodon.example", "kultur"},
		{"https://mastodon.social/@kultur@mastodon.example", "mastodon.example", "kultur"},
		{"https://mastodon.example/", "", ""},
		{"https://mastodon.example/@", "", ""},
		{"https://mastodon.example/@kultur/109348231823412345", "", ""},
		{"https://mastodon.example/web/@kultur", "", ""},
		{"mastodon.example/@kultur", "", ""},
		{"ftp://mastodon.example/@kultur", "", ""},
		{"@kultur", "", ""},
		{"@kultur@", "", ""},
		{"kultur@stockholm.se", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			host, name, err := ParseAccountURL(tt.raw)
			if tt.host == "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || fe.Detail == "" || fe.URL != tt.raw {
					t.Errorf("ParseAccountURL(%q) = %q, %q, %v; want an ErrInvalidInput FetchError", tt.raw, host, name, err)
				}
				return
			}
			if err != nil || host != tt.host || name != tt.name {
				t.Errorf("ParseAccountURL(%q) = %q, %q, %v; want %q, %q", tt.raw, host, name, err, tt.host, tt.name)
			}
		})
	}
}
