package registry

import (
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestPlatformMismatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		platform, link string
		want           string // "" when the link fits
	}{
		{"Facebook", "https://www.facebook.com/kultur", ""},
		{"Facebook", "https://sv-se.facebook.com/kultur", ""},
		{"Facebook", "https://m.youtube.com/@kultur", `"https://m.youtube.com/@kultur" links to YouTube, but the platform is "Facebook"`},
		{"Facebook", "https://facebook.com.example/kultur", `"https://facebook.com.example/kultur" is not on facebook.com, where Facebook accounts are`},
		{"Facebook", "https://notfacebook.com/kultur", `"https://notfacebook.com/kultur" is not on facebook.com, where Facebook accounts are`},
		{"YouTube", "https://youtu.be/abc", ""},
		{"X", "https://twitter.com/sthlm", ""},
		{"Twitter", "https://x.com/sthlm", ""},
		{"X", "https://x.com.evil.example/sthlm", `"https://x.com.evil.example/sthlm" is not on x.com, where X accounts are`},
		{"Instagram", "https://WWW.INSTAGRAM.COM/kultur", ""},
		{"LinkedIn", "https://www.facebook.com/kultur", `"https://www.facebook.com/kultur" links to Facebook, but the platform is "LinkedIn"`},
		{"Bluesky", "https://bsky.app/profile/kultur.stockholm.se", ""},
		{"Bluesky", "https://kultur.bsky.social", `"https://kultur.bsky.social" is not on bsky.app, where Bluesky accounts are`},
		{"Mastodon", "https://social.example/@kultur", ""},
		{"Mastodon", "@kultur@social.example", ""},
		{"Mastodon", "https://www.instagram.com/@kultur", `"https://www.instagram.com/@kultur" links to Instagram, but the platform is "Mastodon"`},
		{"Mastodon", "@kultur@bsky.app", `"@kultur@bsky.app" links to Bluesky, but the platform is "Mastodon"`},
		{"Blogg", "https://www.youtube.com/@kultur", ""},
		{"Webbplats", "https://example.se", ""},
		{"Annan", "https://www.facebook.com/kultur", ""},
		{"TikTok", "https://www.tiktok.com/@kultur", ""},
		{"TikTok", "https://x.com/kultur", `"https://x.com/kultur" links to X, but the platform is "TikTok"`},
		{"Facebook", "htps://youtube.com/x", ""}, // a bad link, which loading reports
		{"Facebook", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.platform+" "+tt.link, func(t *testing.T) {
			acc := scanner.Account{PlatformName: tt.platform, Platform: platformOf(tt.platform), URL: tt.link}
			if got := platformMismatch(acc); got != tt.want {
				t.Errorf("platformMismatch = %q, want %q", got, tt.want)
			}
		})
	}
}
