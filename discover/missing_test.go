package discover

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/scanner"
)

// siteRegistry is a small registry for testdata/site, its links written
// the many ways people write them.
func siteRegistry() []scanner.Account {
	row := func(n int, p scanner.Platform, link string) scanner.Account {
		return scanner.Account{Source: "konton.csv", Row: n, Administration: "Stadsledningskontoret", PlatformName: string(p), Platform: p, URL: link}
	}
	return []scanner.Account{
		row(2, scanner.Facebook, "https://facebook.com/StockholmsStad"),
		row(3, scanner.Instagram, "www.instagram.com/stockholmsstad"),
		row(4, scanner.X, "@stockholmsstad"),
		row(5, scanner.Mastodon, "@kulturhuset@social.example"),
		row(6, scanner.Web, "https://start.stockholm/"),
		row(7, scanner.YouTube, "Stadens YouTube-kanal"), // unrecognisable: matches nothing
	}
}

func TestUnregisteredOnSite(t *testing.T) {
	t.Parallel()
	found, _, err := Crawl(context.Background(), serveSite(t), site, 3, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := Unregistered(found, siteRegistry())
	missing := func(raw string, pages ...string) Missing {
		return Missing{Account: recognized(t, raw, "").Account, FoundOn: pages, Pages: len(pages)}
	}
	want := []Missing{
		missing("https://bsky.app/profile/stadshuset.bsky.social", "https://start.stockholm/om-stockholms-stad/?sida=2"),
		missing("https://www.facebook.com/forskolanistockholm", "https://start.stockholm/forskola/"),
		missing("https://www.facebook.com/kulturforvaltningen", "https://start.stockholm/kultur-och-fritid/"),
		missing("https://www.linkedin.com/company/stockholms-stad", "https://start.stockholm/"),
		missing("https://mastodon.social/@stockholmsstad", "https://start.stockholm/om-stockholms-stad/"),
		missing("https://www.threads.net/@stadsbiblioteket", "https://start.stockholm/kultur-och-fritid/bibliotek/evenemang/"),
		missing("https://www.tiktok.com/@stadsbiblioteket", "https://start.stockholm/kultur-och-fritid/bibliotek/"),
		missing("https://x.com/StadsbibSthlm", "https://start.stockholm/kultur-och-fritid/bibliotek/"),
		missing("https://www.youtube.com/@stockholmsstad", "https://start.stockholm/"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unregistered (-want +got):\n%s", diff)
	}
}

func TestUnregistered(t *testing.T) {
	t.Parallel()
	registry := []scanner.Account{{Platform: scanner.Facebook, URL: "https://www.facebook.com/stockholmsstad"}}
	var many []Found
	for i := 9; i >= 1; i-- {
		many = append(many, recognized(t, "https://www.instagram.com/kulturhuset", fmt.Sprintf("https://start.stockholm/sida-%d", i)))
	}
	tests := []struct {
		name  string
		found []Found
		want  []Missing
	}{
		{"nothing found gives an empty, non-nil list", nil, []Missing{}},
		{"registered accounts are left out, however written", []Found{
			recognized(t, "https://m.facebook.com/StockholmsStad/posts/1", "https://start.stockholm/"),
			recognized(t, "http://facebook.com/stockholmsstad", "https://start.stockholm/a"),
		}, []Missing{}},
		{"one account written two ways is one entry, pages sorted and unique", []Found{
			recognized(t, "https://twitter.com/Kulturhuset", "https://start.stockholm/b"),
			recognized(t, "https://x.com/kulturhuset/status/1", "https://start.stockholm/a"),
			recognized(t, "https://x.com/kulturhuset", "https://start.stockholm/b"),
		}, []Missing{{Account: Account{scanner.X, "https://x.com/Kulturhuset", "x:kulturhuset"},
			FoundOn: []string{"https://start.stockholm/a", "https://start.stockholm/b"}, Pages: 2}}},
		{"an account linking to itself is not a discovery", []Found{
			recognized(t, "https://social.example/@kultur", "https://social.example/@kultur"),
			recognized(t, "https://social.example/@bibliotek", "https://social.example/@kultur"),
		}, []Missing{{Account: Account{scanner.Mastodon, "https://social.example/@bibliotek", "mastodon:bibliotek@social.example"},
			FoundOn: []string{"https://social.example/@kultur"}, Pages: 1}}},
		{"at most a few pages each", many, []Missing{{Account: many[0].Account, Pages: 9, FoundOn: []string{
			"https://start.stockholm/sida-1", "https://start.stockholm/sida-2", "https://start.stockholm/sida-3",
			"https://start.stockholm/sida-4", "https://start.stockholm/sida-5"}}}},
		{"sorted by platform, then URL", []Found{
			recognized(t, "https://x.com/b", "p"),
			recognized(t, "https://www.youtube.com/@a", "p"),
			recognized(t, "https://x.com/a", "p"),
			recognized(t, "https://bsky.app/profile/z.se", "p"),
		}, []Missing{
			{Account: recognized(t, "https://bsky.app/profile/z.se", "").Account, FoundOn: []string{"p"}, Pages: 1},
			{Account: recognized(t, "https://x.com/a", "").Account, FoundOn: []string{"p"}, Pages: 1},
			{Account: recognized(t, "https://x.com/b", "").Account, FoundOn: []string{"p"}, Pages: 1},
			{Account: recognized(t, "https://www.youtube.com/@a", "").Account, FoundOn: []string{"p"}, Pages: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unregistered(tt.found, registry)
			if got == nil {
				t.Fatal("Unregistered returned nil; reports read nil as \"no discovery ran\"")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Unregistered (-want +got):\n%s", diff)
			}
			// The result does not depend on the order things were found in.
			rev := make([]Found, len(tt.found))
			for i, f := range tt.found {
				rev[len(rev)-1-i] = f
			}
			if diff := cmp.Diff(got, Unregistered(rev, registry)); diff != "" {
				t.Errorf("reversed input gives another result (-first +reversed):\n%s", diff)
			}
		})
	}
}

func TestFromProfiles(t *testing.T) {
	t.Parallel()
	result := func(url string, status scanner.FetchStatus, links ...string) scanner.Result {
		r := scanner.Result{Account: scanner.Account{Platform: scanner.Mastodon, URL: url}, Status: status}
		for _, l := range links {
			r.Fetched.Profile.Links = append(r.Fetched.Profile.Links, scanner.Link{URL: l, Text: "länk"})
		}
		return r
	}
	results := []scanner.Result{
		result("https://social.example/@kulturhuset", scanner.FetchOK,
			"https://kulturhuset.stockholm/", "https://www.instagram.com/kulturhuset/", "https://instagram.com/Kulturhuset",
			"https://social.example/@kulturhuset", "mailto:info@kulturhuset.stockholm", "https://www.youtube.com/watch?v=1"),
		result("https://social.example/@trasig", scanner.FetchFailed, "https://www.instagram.com/trasig/"),
		result("https://social.example/@bibliotek", scanner.FetchOK, "https://bsky.app/profile/bibliotek.stockholm"),
	}
	want := []Found{
		recognized(t, "https://www.instagram.com/kulturhuset", "https://social.example/@kulturhuset"),
		recognized(t, "https://social.example/@kulturhuset", "https://social.example/@kulturhuset"),
		recognized(t, "https://bsky.app/profile/bibliotek.stockholm", "https://social.example/@bibliotek"),
	}
	got := FromProfiles(results)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FromProfiles (-want +got):\n%s", diff)
	}
	registry := []scanner.Account{results[0].Account, results[1].Account, results[2].Account}
	missing := Unregistered(got, registry)
	wantMissing := []Missing{
		{Account: want[2].Account, FoundOn: []string{"https://social.example/@bibliotek"}, Pages: 1},
		{Account: want[0].Account, FoundOn: []string{"https://social.example/@kulturhuset"}, Pages: 1},
	}
	if diff := cmp.Diff(wantMissing, missing); diff != "" {
		t.Errorf("Unregistered of profile links (-want +got):\n%s", diff)
	}
}
