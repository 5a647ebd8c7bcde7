package mastodon

import (
	"errors"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestParseAccountURL(t *testing.T) {
	tests := []struct {
		raw          string
		server, name string // empty server: invalid
	}{
		{"https://mastodon.example/@kultur", "https://mastodon.example", "kultur"},
		{"https://mastodon.example/@kultur/", "https://mastodon.example", "kultur"},
		{" https://Mastodon.Example/users/kultur ", "https://mastodon.example", "kultur"},
		{"https://mastodon.example/users/kultur/", "https://mastodon.example", "kultur"},
		{"http://mastodon.example/@stads_bibliotek", "http://mastodon.example", "stads_bibliotek"},
		{"https://mastodon.example/@kultur?lang=sv", "https://mastodon.example", "kultur"},
		{"@kultur@mastodon.example", "https://mastodon.example", "kultur"},
		{"https://mastodon.social/@kultur@mastodon.example", "https://mastodon.example", "kultur"},
		{"HTTP://Mastodon.Example:8080/@kultur", "http://mastodon.example:8080", "kultur"},
		{"http://mastodon.social/@kultur@mastodon.example", "https://mastodon.example", "kultur"},
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
			server, name, err := ParseAccountURL(tt.raw)
			if tt.server == "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || fe.Detail == "" || fe.URL != tt.raw {
					t.Errorf("ParseAccountURL(%q) = %q, %q, %v; want an ErrInvalidInput FetchError", tt.raw, server, name, err)
				}
				return
			}
			if err != nil || server != tt.server || name != tt.name {
				t.Errorf("ParseAccountURL(%q) = %q, %q, %v; want %q, %q", tt.raw, server, name, err, tt.server, tt.name)
			}
		})
	}
}
