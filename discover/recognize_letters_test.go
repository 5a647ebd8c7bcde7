package discover

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestRecognizeLettersBeyondASCII: a city page may link an account whose
// address holds å, ä or ö, percent-encoded or as written. Recognize takes
// them where the platform allows such names, and refuses them where the
// platform's own rule keeps names ASCII, so no link is read as an account
// that cannot exist.
func TestRecognizeLettersBeyondASCII(t *testing.T) {
	t.Parallel()
	fbID := func(canonical, id string) Account {
		return Account{scanner.Facebook, canonical, "facebook:" + id}
	}
	yt := func(canonical, key string) Account { return Account{scanner.YouTube, canonical, "youtube:" + key} }
	tests := []struct {
		why, raw string
		want     Account // zero: refused
	}{
		// Facebook: user names are "alphanumeric characters (A–Z, 0–9) and
		// periods" (Help Centre 105399436216001); a page without one has
		// addresses made of its name and id, and only the id counts.
		{"new-style page address", "https://www.facebook.com/p/F%C3%B6rskolan-Bl%C3%A5klinten-61550264528835/",
			fbID("https://www.facebook.com/profile.php?id=61550264528835", "61550264528835")},
		{"new-style page address as written", "https://sv-se.facebook.com/p/Förskolan-Blåklinten-61550264528835",
			fbID("https://www.facebook.com/profile.php?id=61550264528835", "61550264528835")},
		{"people address with a numeric id", "https://www.facebook.com/people/%C3%96stermalms-stadsdelsf%C3%B6rvaltning/100064512345678/",
			fbID("https://www.facebook.com/profile.php?id=100064512345678", "100064512345678")},
		{"old page slug", "https://www.facebook.com/Kulturhuset-Stadsteatern-123456789012345/",
			fbID("https://www.facebook.com/123456789012345", "123456789012345")},
		{"old page slug with letters", "https://www.facebook.com/S%C3%B6dermalms-Stadsdelsf%C3%B6rvaltning-123456789012345/",
			fbID("https://www.facebook.com/123456789012345", "123456789012345")},
		{"bare id", "https://www.facebook.com/123456789012345", fbID("https://www.facebook.com/123456789012345", "123456789012345")},
		{"people address with an obfuscated id", "https://www.facebook.com/people/Kulturskolan/pfbid02mzgVYbe8DtqCVUW8Gu2NAk5bhdB7QAfE8g/", Account{}},
		{"/p/ without an id", "https://www.facebook.com/p/Kulturskolan/", Account{}},
		{"/p/ alone is no account", "https://www.facebook.com/p/", Account{}},
		{"a page name is no user name", "https://www.facebook.com/Stockholms%20stad", Account{}},
		{"user names are ASCII", "https://www.facebook.com/%C3%B6stermalm", Account{}},
		{"a slug with a space", "https://www.facebook.com/Stockholms%20stad-123456789012345", Account{}},
		// YouTube handles: "letters or numbers from one of our 75 supported
		// languages", and "_", "-", ".", "·" (Help, "Handles overview",
		// 11585688); legacy custom URLs /c/ were made from the channel's name.
		{"handle percent-encoded", "https://www.youtube.com/@%C3%85rstaBibliotek",
			yt("https://www.youtube.com/@%C3%85rstaBibliotek", "@årstabibliotek")},
		{"handle as written", "https://m.youtube.com/@ÅrstaBibliotek/videos",
			yt("https://www.youtube.com/@%C3%85rstaBibliotek", "@årstabibliotek")},
		{"handle decomposed (a + ring)", "https://www.youtube.com/@A%CC%8ArstaBibliotek",
			yt("https://www.youtube.com/@%C3%85rstaBibliotek", "@årstabibliotek")},
		{"handle with a middle dot", "https://www.youtube.com/@kultur%C2%B7huset", yt("https://www.youtube.com/@kultur%C2%B7huset", "@kultur·huset")},
		{"custom URL", "https://www.youtube.com/c/%C3%96stermalmsTeatern", yt("https://www.youtube.com/c/%C3%96stermalmsTeatern", "c/östermalmsteatern")},
		{"handle with a space", "https://www.youtube.com/@kultur%20huset", Account{}},
		{"handle with a symbol", "https://www.youtube.com/@kultur%E2%98%85", Account{}},
		{"handle of invalid UTF-8", "https://www.youtube.com/@kultur%FF", Account{}},
		{"legacy user names are ASCII", "https://www.youtube.com/user/%C3%B6stermalm", Account{}},
		// LinkedIn page addresses are made from the organisation's name.
		{"LinkedIn company", "https://www.linkedin.com/company/%C3%A4lvsj%C3%B6-stadsdelsf%C3%B6rvaltning/",
			Account{scanner.LinkedIn, "https://www.linkedin.com/company/%C3%A4lvsj%C3%B6-stadsdelsf%C3%B6rvaltning", "linkedin:company/älvsjö-stadsdelsförvaltning"}},
		// Mastodon: user names match [a-z0-9_]+([.-]+[a-z0-9_]+)*
		// (mastodon/mastodon app/models/account.rb, USERNAME_RE); a server
		// may have an internationalised domain, keyed in punycode.
		{"server with å", "https://sällskap.social/@kultur",
			Account{scanner.Mastodon, "https://xn--sllskap-5wa.social/@kultur", "mastodon:kultur@xn--sllskap-5wa.social"}},
		{"server percent-encoded", "https://s%C3%A4llskap.social/@kultur/112233445566",
			Account{scanner.Mastodon, "https://xn--sllskap-5wa.social/@kultur", "mastodon:kultur@xn--sllskap-5wa.social"}},
		{"server in punycode", "https://xn--sllskap-5wa.social/@kultur",
			Account{scanner.Mastodon, "https://xn--sllskap-5wa.social/@kultur", "mastodon:kultur@xn--sllskap-5wa.social"}},
		{"remote account on a server with å", "https://mastodon.social/@kultur@S%C3%A4llskap.social",
			Account{scanner.Mastodon, "https://xn--sllskap-5wa.social/@kultur", "mastodon:kultur@xn--sllskap-5wa.social"}},
		{"Mastodon user names are ASCII", "https://social.example/@kult%C3%BCr", Account{}},
		// The rest are ASCII by the platform's rule.
		{"Bluesky handles are ASCII, IDN in punycode (atproto packages/syntax/src/handle.ts)", "https://bsky.app/profile/s%C3%A4llskap.se", Account{}},
		{"Bluesky handle in punycode", "https://bsky.app/profile/xn--sllskap-5wa.se",
			Account{scanner.Bluesky, "https://bsky.app/profile/xn--sllskap-5wa.se", "bluesky:xn--sllskap-5wa.se"}},
		{"Instagram: letters, numbers, periods and underscores", "https://www.instagram.com/%C3%B6stermalm/", Account{}},
		{"X: letters, numbers and underscores", "https://x.com/%C3%B6stermalm", Account{}},
		{"TikTok: letters, numbers, underscores and periods", "https://www.tiktok.com/@%C3%B6stermalm", Account{}},
		{"Threads uses the Instagram name", "https://www.threads.net/@%C3%B6stermalm", Account{}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			got, ok := Recognize(tt.raw)
			if ok != (tt.want != Account{}) {
				t.Fatalf("Recognize(%q) = %+v, %v; want ok=%v", tt.raw, got, ok, !ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Recognize(%q) (-want +got):\n%s", tt.raw, diff)
			}
			if !ok {
				return
			}
			again, ok := Recognize(got.URL)
			if !ok || again != got {
				t.Errorf("canonical %q gives %+v, %v; want %+v", got.URL, again, ok, got)
			}
		})
	}
}

// TestOneFacebookPageOneKey: a registry row that gives a page by
// profile.php?id=ID matches the page's /p/Name-ID, /people/Name/ID,
// /pages/Name/ID and /Name-ID links, so discovery does not report a
// registered page as missing.
func TestOneFacebookPageOneKey(t *testing.T) {
	t.Parallel()
	key, ok := KeyOf(scanner.Account{Platform: scanner.Facebook, URL: "https://www.facebook.com/profile.php?id=61550264528835"})
	if !ok || key != "facebook:61550264528835" {
		t.Fatalf("KeyOf(profile.php?id=…) = %q, %v", key, ok)
	}
	for _, raw := range []string{
		"https://www.facebook.com/p/F%C3%B6rskolan-Bl%C3%A5klinten-61550264528835/",
		"https://www.facebook.com/people/F%C3%B6rskolan-Bl%C3%A5klinten/61550264528835",
		"https://www.facebook.com/pages/F%C3%B6rskolan-Bl%C3%A5klinten/61550264528835",
		"https://www.facebook.com/F%C3%B6rskolan-Bl%C3%A5klinten-61550264528835",
		"https://www.facebook.com/61550264528835",
	} {
		found := []Found{{Account: mustRecognize(t, raw), Page: "https://start.stockholm/forskola"}}
		registry := []scanner.Account{{Platform: scanner.Facebook, URL: "https://www.facebook.com/profile.php?id=61550264528835"}}
		if missing := Unregistered(found, registry); len(missing) != 0 {
			t.Errorf("%s: reported missing although registered: %+v", raw, missing)
		}
	}
	other := []Found{{Account: mustRecognize(t, "https://www.facebook.com/p/Annan-sida-61550264528836/"), Page: "https://start.stockholm/forskola"}}
	if missing := Unregistered(other, []scanner.Account{{Platform: scanner.Facebook, URL: "https://www.facebook.com/profile.php?id=61550264528835"}}); len(missing) != 1 {
		t.Errorf("another page's id: %d missing, want 1", len(missing))
	}
}

// TestKeyOfHandleWithLetters: a registry row may give a YouTube handle
// with å as written; it matches the percent-encoded link found on a page.
func TestKeyOfHandleWithLetters(t *testing.T) {
	t.Parallel()
	want := mustRecognize(t, "https://www.youtube.com/@%C3%85rstaBibliotek").Key
	for _, link := range []string{"@ÅrstaBibliotek", "https://www.youtube.com/@årstabibliotek", "youtube.com/@ÅrstaBibliotek"} {
		key, ok := KeyOf(scanner.Account{Platform: scanner.YouTube, URL: link})
		if !ok || key != want {
			t.Errorf("KeyOf(%q) = %q, %v; want %q", link, key, ok, want)
		}
	}
}

// mustRecognize is Recognize for a link the test knows is an account.
func mustRecognize(t *testing.T, raw string) Account {
	t.Helper()
	acc, ok := Recognize(raw)
	if !ok {
		t.Fatalf("Recognize(%q) refused", raw)
	}
	return acc
}
