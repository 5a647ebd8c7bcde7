package discover

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestRecognize(t *testing.T) {
	t.Parallel()
	fb := func(name string) Account {
		return Account{scanner.Facebook, "https://www.facebook.com/" + name, "facebook:" + strings.ToLower(name)}
	}
	tests := []struct {
		raw  string
		want Account // zero: not an account
	}{
		// Facebook
		{"https://www.facebook.com/kulturforvaltningen", fb("kulturforvaltningen")},
		{"http://facebook.com/Kulturforvaltningen/", fb("Kulturforvaltningen")},
		{"https://m.facebook.com/kulturhuset.stadsteatern?ref=bookmarks", fb("kulturhuset.stadsteatern")},
		{"https://sv-se.facebook.com/stockholmsstad", fb("stockholmsstad")},
		{"https://developers.facebook.com/docs", Account{}},
		{"https://www.facebook.com/stockholmsstad/posts/123456789", fb("stockholmsstad")},
		{"https://www.facebook.com/profile.php?id=100064512345678", Account{scanner.Facebook, "https://www.facebook.com/profile.php?id=100064512345678", "facebook:100064512345678"}},
		{"https://www.facebook.com/profile.php", Account{}},
		{"https://www.facebook.com/groups/sodermalmsgrannar", Account{scanner.Facebook, "https://www.facebook.com/groups/sodermalmsgrannar", "facebook:groups/sodermalmsgrannar"}},
		{"https://www.facebook.com/pages/Stadsarkivet/123456789012", Account{scanner.Facebook, "https://www.facebook.com/123456789012", "facebook:123456789012"}},
		{"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fstart.stockholm", Account{}},
		{"https://www.facebook.com/share.php?u=x", Account{}},
		{"https://www.facebook.com/dialog/share?app_id=1", Account{}},
		{"https://www.facebook.com/policies/cookies/", Account{}},
		{"https://www.facebook.com/help/123", Account{}},
		{"https://www.facebook.com/events/987654321/", Account{}},
		{"https://www.facebook.com/", Account{}},
		// Instagram
		{"https://www.instagram.com/stockholmsstad/", Account{scanner.Instagram, "https://www.instagram.com/stockholmsstad", "instagram:stockholmsstad"}},
		{"https://instagram.com/Kultur.Huset?igshid=abc", Account{scanner.Instagram, "https://www.instagram.com/Kultur.Huset", "instagram:kultur.huset"}},
		{"https://www.instagram.com/stories/stadsbiblioteket/3141", Account{scanner.Instagram, "https://www.instagram.com/stadsbiblioteket", "instagram:stadsbiblioteket"}},
		{"https://www.instagram.com/p/CxYz123/", Account{}},
		{"https://www.instagram.com/reel/CxYz123/", Account{}},
		{"https://www.instagram.com/explore/tags/stockholm/", Account{}},
		{"https://www.instagram.com/accounts/login/", Account{}},
		// X and Twitter
		{"https://x.com/stockholmsstad", Account{scanner.X, "https://x.com/stockholmsstad", "x:stockholmsstad"}},
		{"https://twitter.com/StockholmsStad", Account{scanner.X, "https://x.com/StockholmsStad", "x:stockholmsstad"}},
		{"https://mobile.twitter.com/trafikkontoret/status/1712345678901234567", Account{scanner.X, "https://x.com/trafikkontoret", "x:trafikkontoret"}},
		{"https://twitter.com/intent/tweet?text=Hej", Account{}},
		{"https://twitter.com/share?url=x", Account{}},
		{"https://x.com/home", Account{}},
		{"https://x.com/i/lists/123", Account{}},
		{"https://twitter.com/search?q=stockholm", Account{}},
		{"https://twitter.com/hashtag/stockholm", Account{}},
		{"https://x.com/this_name_is_far_too_long", Account{}},
		// LinkedIn
		{"https://www.linkedin.com/company/stockholms-stad/", Account{scanner.LinkedIn, "https://www.linkedin.com/company/stockholms-stad", "linkedin:company/stockholms-stad"}},
		{"https://se.linkedin.com/company/stockholms-stad/posts/?feedView=all", Account{scanner.LinkedIn, "https://www.linkedin.com/company/stockholms-stad", "linkedin:company/stockholms-stad"}},
		{"https://www.linkedin.com/showcase/kulturhuset-stadsteatern", Account{scanner.LinkedIn, "https://www.linkedin.com/showcase/kulturhuset-stadsteatern", "linkedin:showcase/kulturhuset-stadsteatern"}},
		{"https://www.linkedin.com/in/anna-andersson-123/", Account{}},
		{"https://www.linkedin.com/shareArticle?mini=true&url=x", Account{}},
		{"https://www.linkedin.com/company/", Account{}},
		// YouTube
		{"https://www.youtube.com/@stockholmsstad", Account{scanner.YouTube, "https://www.youtube.com/@stockholmsstad", "youtube:@stockholmsstad"}},
		{"https://m.youtube.com/@StockholmsStad/videos", Account{scanner.YouTube, "https://www.youtube.com/@StockholmsStad", "youtube:@stockholmsstad"}},
		{"https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", Account{scanner.YouTube, "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", "youtube:channel/ucabcdefghijklmnopqrstuv"}},
		{"https://www.youtube.com/c/Stadsmuseet", Account{scanner.YouTube, "https://www.youtube.com/c/Stadsmuseet", "youtube:c/stadsmuseet"}},
		{"https://www.youtube.com/user/stockholmsstad", Account{scanner.YouTube, "https://www.youtube.com/user/stockholmsstad", "youtube:user/stockholmsstad"}},
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", Account{}},
		{"https://www.youtube.com/embed/dQw4w9WgXcQ", Account{}},
		{"https://www.youtube.com/playlist?list=PL123", Account{}},
		{"https://www.youtube.com/results?search_query=stockholm", Account{}},
		{"https://www.youtube.com/channel/notachannelid", Account{}},
		{"https://youtu.be/dQw4w9WgXcQ", Account{}},
		// Bluesky, TikTok, Threads
		{"https://bsky.app/profile/stockholm.se", Account{scanner.Bluesky, "https://bsky.app/profile/stockholm.se", "bluesky:stockholm.se"}},
		{"https://bsky.app/profile/Kultur.bsky.social/post/3kabc", Account{scanner.Bluesky, "https://bsky.app/profile/Kultur.bsky.social", "bluesky:kultur.bsky.social"}},
		{"https://bsky.app/search?q=x", Account{}},
		{"https://www.tiktok.com/@stockholmsstad", Account{TikTok, "https://www.tiktok.com/@stockholmsstad", "tiktok:stockholmsstad"}},
		{"https://www.tiktok.com/@stockholmsstad/video/7312345678901234567", Account{TikTok, "https://www.tiktok.com/@stockholmsstad", "tiktok:stockholmsstad"}},
		{"https://www.tiktok.com/tag/stockholm", Account{}},
		{"https://www.threads.net/@stockholmsstad", Account{Threads, "https://www.threads.net/@stockholmsstad", "threads:stockholmsstad"}},
		{"https://www.threads.com/@stockholmsstad/post/C1234", Account{Threads, "https://www.threads.net/@stockholmsstad", "threads:stockholmsstad"}},
		// Mastodon and other servers of the fediverse
		{"https://mastodon.social/@Stockholm", Account{scanner.Mastodon, "https://mastodon.social/@Stockholm", "mastodon:stockholm@mastodon.social"}},
		{"https://social.example/@kulturhuset/112233445566", Account{scanner.Mastodon, "https://social.example/@kulturhuset", "mastodon:kulturhuset@social.example"}},
		{"https://mastodon.social/@kultur@Social.Example", Account{scanner.Mastodon, "https://social.example/@kultur", "mastodon:kultur@social.example"}},
		{"https://social.example/@kulturhuset/with_replies", Account{scanner.Mastodon, "https://social.example/@kulturhuset", "mastodon:kulturhuset@social.example"}},
		{"https://social.example/@kulturhuset/tagged/foo", Account{}},
		{"https://medium.com/@stockholm", Account{}},
		{"https://stockholm.substack.com/@stockholm", Account{}},
		{"https://social.example/users/kulturhuset", Account{}},
		{"https://social.example/about", Account{}},
		// not web addresses of accounts at all
		{"mailto:info@stockholm.se", Account{}},
		{"facebook.com/kulturforvaltningen", Account{}},
		{"https://start.stockholm/om-stockholms-stad/", Account{}},
		{"https://user:pw@www.facebook.com/stockholmsstad", Account{}},
		{"", Account{}},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, ok := Recognize(tt.raw)
			if ok != (tt.want != Account{}) {
				t.Fatalf("Recognize(%q) = %+v, %v; want ok=%v", tt.raw, got, ok, !ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Recognize(%q) (-want +got):\n%s", tt.raw, diff)
			}
		})
	}
}

// TestRecognizeCanonicalRoundTrip checks that an account's canonical URL
// is recognised as the same account, so keys are stable.
func TestRecognizeCanonicalRoundTrip(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{
		"https://m.facebook.com/kulturhuset/posts/1", "https://www.facebook.com/profile.php?id=42",
		"https://twitter.com/x_stockholm/status/1", "https://se.linkedin.com/company/stockholms-stad/about",
		"https://mastodon.social/@a@social.example", "https://www.threads.com/@stad",
		"https://bsky.app/profile/did:plc:abc123", "https://www.facebook.com/groups/grannar",
	} {
		t.Run(raw, func(t *testing.T) {
			first, ok := Recognize(raw)
			if !ok {
				t.Fatalf("Recognize(%q) refused", raw)
			}
			again, ok := Recognize(first.URL)
			if !ok || again != first {
				t.Errorf("Recognize(%q) = %+v, %v; want %+v", first.URL, again, ok, first)
			}
		})
	}
}

func TestKeyOf(t *testing.T) {
	t.Parallel()
	row := func(platform scanner.Platform, link string) scanner.Account {
		return scanner.Account{PlatformName: string(platform), Platform: platform, URL: link}
	}
	tests := []struct {
		name string
		acc  scanner.Account
		want string // "" when nothing can match
	}{
		{"web address", row(scanner.Facebook, "https://www.facebook.com/Kulturforvaltningen"), "facebook:kulturforvaltningen"},
		{"without scheme", row(scanner.Facebook, "facebook.com/kulturforvaltningen/"), "facebook:kulturforvaltningen"},
		{"www without scheme", row(scanner.Instagram, " www.instagram.com/stadsbiblioteket "), "instagram:stadsbiblioteket"},
		{"mastodon handle", row(scanner.Mastodon, "@kulturhuset@Social.Example"), "mastodon:kulturhuset@social.example"},
		{"mastodon handle without @", row(scanner.Mastodon, "kulturhuset@social.example"), "mastodon:kulturhuset@social.example"},
		{"mastodon actor address", row(scanner.Mastodon, "https://social.example/users/kulturhuset"), "mastodon:kulturhuset@social.example"},
		{"mastodon address", row(scanner.Mastodon, "https://social.example/@kulturhuset"), "mastodon:kulturhuset@social.example"},
		{"X handle", row(scanner.X, "@StockholmsStad"), "x:stockholmsstad"},
		{"bluesky handle", row(scanner.Bluesky, "@stockholm.se"), "bluesky:stockholm.se"},
		{"youtube handle", row(scanner.YouTube, "@stockholmsstad"), "youtube:@stockholmsstad"},
		{"tiktok handle", row(TikTok, "@stockholmsstad"), "tiktok:stockholmsstad"},
		{"platform from its name only", scanner.Account{PlatformName: "Instagram", URL: "@kulturhuset"}, "instagram:kulturhuset"},
		{"handle without a platform that knows it", row(scanner.Web, "@kulturhuset"), ""},
		{"a web site", row(scanner.Web, "https://kulturhuset.stockholm/"), ""},
		{"a post", row(scanner.Instagram, "https://www.instagram.com/p/CxYz123/"), ""},
		{"not a link", row(scanner.Facebook, "Kulturförvaltningens sida"), ""},
		{"empty", row(scanner.Facebook, ""), ""},
		{"mastodon actor on another platform", row(scanner.Web, "https://social.example/users/kulturhuset"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := KeyOf(tt.acc)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("KeyOf(%q) = %q, %v; want %q", tt.acc.URL, got, ok, tt.want)
			}
		})
	}
}

// TestKeyOfMatchesRecognize: a registry row written as the link found on
// the web has the key of that link.
func TestKeyOfMatchesRecognize(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"https://x.com/stad", "https://www.youtube.com/@stad", "https://bsky.app/profile/stad.se"} {
		acc, ok := Recognize(raw)
		if !ok {
			t.Fatalf("Recognize(%q) refused", raw)
		}
		key, ok := KeyOf(scanner.Account{Platform: acc.Platform, URL: raw})
		if !ok || key != acc.Key {
			t.Errorf("KeyOf(%q) = %q, %v; want %q", raw, key, ok, acc.Key)
		}
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"https://www.facebook.com/kulturforvaltningen", "https://www.facebook.com/profile.php?id=1",
		"https://twitter.com/a/status/1", "https://social.example/@a@b.example", "https://bsky.app/profile/a.b",
		"https://www.youtube.com/channel/UC1", "https://se.linkedin.com/company/x", "http://[::1]/@a", "https://%zz/",
		"https://x.com/%00", "https://a.b/@/1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		acc, ok := Recognize(raw)
		if !ok {
			if acc != (Account{}) {
				t.Fatalf("Recognize(%q) refused but returned %+v", raw, acc)
			}
			return
		}
		if acc.Platform == "" || acc.Key != strings.ToLower(acc.Key) || !strings.HasPrefix(acc.Key, string(acc.Platform)+":") {
			t.Fatalf("Recognize(%q) = %+v: malformed", raw, acc)
		}
		again, ok := Recognize(acc.URL)
		if !ok || again.Key != acc.Key {
			t.Fatalf("canonical URL %q of %q gives %+v, %v; want key %q", acc.URL, raw, again, ok, acc.Key)
		}
	})
}
