package bluesky

import (
	"errors"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestParseAccountURL(t *testing.T) {
	tests := []struct {
		raw   string
		actor string // empty: invalid
	}{
		{"https://bsky.app/profile/kultur.stockholm.se", "kultur.stockholm.se"},
		{"https://bsky.app/profile/kultur.stockholm.se/", "kultur.stockholm.se"},
		{" https://BSKY.app/profile/Kultur.Stockholm.SE ", "kultur.stockholm.se"},
		{"http://bsky.app/profile/stadsarkivet.bsky.social", "stadsarkivet.bsky.social"},
		{"https://www.bsky.app/profile/stadsarkivet.bsky.social", "stadsarkivet.bsky.social"},
		{"https://bsky.app/profile/kultur.stockholm.se?lang=sv", "kultur.stockholm.se"},
		{"https://bsky.app/profile/did:plc:bimfcgemmbunukq6uabix3jh", "did:plc:bimfcgemmbunukq6uabix3jh"},
		{"https://bsky.app/profile/did:plc:bimfcgemmbunukq6uabix3jh/", "did:plc:bimfcgemmbunukq6uabix3jh"},
		{"https://bsky.app/profile/did%3Aplc%3Abimfcgemmbunukq6uabix3jh", "did:plc:bimfcgemmbunukq6uabix3jh"},
		{"https://bsky.app/profile/did:web:kultur.stockholm.se", "did:web:kultur.stockholm.se"},
		{"@kultur.stockholm.se", "kultur.stockholm.se"},
		{"@Sthlm-Fritid.bsky.social", "sthlm-fritid.bsky.social"},
		{"https://bsky.app/profile/kultur.stockholm.se/post/3n2qaqvc5c2ke", ""},
		{"https://bsky.app/profile/", ""},
		{"https://bsky.app/kultur.stockholm.se", ""},
		{"https://bsky.social/profile/kultur.stockholm.se", ""},
		{"https://bsky.app/profile/kultur", ""},
		{"https://bsky.app/profile/-kultur.stockholm.se", ""},
		{"https://bsky.app/profile/kultur.123", ""},
		{"https://bsky.app/profile/did:plc:", ""},
		{"bsky.app/profile/kultur.stockholm.se", ""},
		{"ftp://bsky.app/profile/kultur.stockholm.se", ""},
		{"@kultur", ""},
		{"@", ""},
		{"kultur@stockholm.se", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			actor, err := ParseAccountURL(tt.raw)
			if tt.actor == "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || fe.Detail == "" || fe.URL != tt.raw {
					t.Errorf("ParseAccountURL(%q) = %q, %v; want an ErrInvalidInput FetchError", tt.raw, actor, err)
				}
				return
			}
			if err != nil || actor != tt.actor {
				t.Errorf("ParseAccountURL(%q) = %q, %v; want %q", tt.raw, actor, err, tt.actor)
			}
		})
	}
}
