package meta

import (
	"errors"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestParseFacebookURL(t *testing.T) {
	tests := []struct {
		raw  string
		want string // "" for an invalid link
	}{
		{"https://www.facebook.com/stockholmsstad", "stockholmsstad"},
		{"https://facebook.com/stockholmsstad/", "stockholmsstad"},
		{" https://www.facebook.com/Kulturforvaltningen?locale=sv_SE ", "Kulturforvaltningen"},
		{"http://m.facebook.com/stadsbiblioteket.stockholm", "stadsbiblioteket.stockholm"},
		{"https://sv-se.facebook.com/stockholmsstad/", "stockholmsstad"},
		{"https://www.facebook.com/profile.php?id=100064512345678", "100064512345678"},
		{"https://www.facebook.com/profile.php?id=100064512345678&sk=about", "100064512345678"},
		{"https://www.facebook.com/pages/Some-Name/123456789012345", "123456789012345"},
		{"https://www.facebook.com/pages/Parkleken-Humlan/123456789012345/", "123456789012345"},
		{"https://www.facebook.com/people/Parkprojektet-Hammarby-sjostad/100089912345678/", "100089912345678"},
		{"https://www.facebook.com/Kulturhuset-Stadsteatern-104392817650123/", "104392817650123"},
		{"https://www.facebook.com/104392817650123", "104392817650123"},
		{"https://www.facebook.com/p/F%C3%B6rskolan-Bl%C3%A5klinten-61550264528835/", "61550264528835"},
		{"https://sv-se.facebook.com/p/Stadsbiblioteket-100064512345678", "100064512345678"},
		{"https://www.facebook.com/p/Stadsbiblioteket/", ""},
		{"https://www.facebook.com/p", ""},
		{"https://www.facebook.com/", ""},
		{"https://www.facebook.com/profile.php", ""},
		{"https://www.facebook.com/profile.php?id=stockholm", ""},
		{"https://www.facebook.com/pages/Some-Name/abc", ""},
		{"https://www.facebook.com/groups/123456789", ""},
		{"https://www.facebook.com/events/123456789/", ""},
		{"https://www.facebook.com/watch", ""},
		{"https://www.facebook.com/stockholmsstad/posts/pfbid0abc", ""},
		{"https://www.facebook.com/../..", ""},
		{"https://www.facebook.com/Kultur-huset", ""},
		{"https://www.notfacebook.com/stockholmsstad", ""},
		{"https://facebook.com.evil.example/stockholmsstad", ""},
		{"www.facebook.com/stockholmsstad", ""},
		{"ftp://www.facebook.com/stockholmsstad", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := ParseFacebookURL(tt.raw)
			if tt.want == "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || fe.Detail == "" || fe.URL != tt.raw {
					t.Errorf("ParseFacebookURL(%q) = %q, %v; want an ErrInvalidInput FetchError", tt.raw, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseFacebookURL(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestParseInstagramURL(t *testing.T) {
	tests := []struct {
		raw  string
		want string // "" for an invalid link
	}{
		{"https://www.instagram.com/stockholmsstad/", "stockholmsstad"},
		{"https://instagram.com/stockholmsstad", "stockholmsstad"},
		{"https://www.instagram.com/Kultur.Stockholm/?hl=sv", "kultur.stockholm"},
		{"https://www.instagram.com/stadsbiblioteket_sthlm?igsh=MWx0ZzJ4", "stadsbiblioteket_sthlm"},
		{"http://m.instagram.com/stockholmsstad", "stockholmsstad"},
		{"https://www.instagram.com/", ""},
		{"https://www.instagram.com/p/C9xYz12AbCd/", ""},
		{"https://www.instagram.com/reel/C9xYz12AbCd/", ""},
		{"https://www.instagram.com/explore/", ""},
		{"https://www.instagram.com/stockholmsstad/reels/", ""},
		{"https://www.instagram.com/stockholms-stad/", ""},
		{"https://www.instagram.com/...", ""},
		{"https://www.instagram.com/" + "a234567890123456789012345678901", ""},
		{"https://www.facebook.com/stockholmsstad", ""},
		{"instagram.com/stockholmsstad", ""},
		{"@stockholmsstad", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := ParseInstagramURL(tt.raw)
			if tt.want == "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || fe.Detail == "" || fe.URL != tt.raw {
					t.Errorf("ParseInstagramURL(%q) = %q, %v; want an ErrInvalidInput FetchError", tt.raw, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseInstagramURL(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}
