package bluesky

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestWebsiteFieldPassesWebsiteLink: an account whose description names
// no site but whose website field links start.stockholm (the `website`
// tree, a getProfile answer with the field where the AppView puts it)
// links its site, and website-link passes it. Without the field the same
// profile fails, so the pass comes from reading the field.
func TestWebsiteFieldPassesWebsiteLink(t *testing.T) {
	asOf := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	cfg := rules.DefaultConfig()
	since, _ := rules.Window(asOf, cfg.Posting.For(scanner.Bluesky).WindowDays)
	acc := scanner.Account{Administration: "Kulturförvaltningen", Name: "Kultur", Platform: scanner.Bluesky, URL: "https://bsky.app/profile/kultur.stockholm.se"}
	got, err := New(serve(t, "website"), DefaultConfig()).Fetch(context.Background(), acc, since)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := []scanner.Link{{URL: "https://start.stockholm/kultur", Text: "https://start.stockholm/kultur"}}
	if !reflect.DeepEqual(got.Profile.Links, want) {
		t.Fatalf("Links = %+v, want %+v", got.Profile.Links, want)
	}
	verdict := func(f scanner.Fetched) rules.Finding {
		j := rules.Judge(rules.All(cfg), scanner.Result{Account: acc, Status: scanner.FetchOK, Fetched: f}, asOf)
		for _, fd := range j.Findings {
			if fd.Rule == rules.WebsiteLink {
				return fd
			}
		}
		t.Fatalf("no %s finding", rules.WebsiteLink)
		return rules.Finding{}
	}
	fd := verdict(got)
	if fd.Status != rules.Pass || len(fd.Evidence) != 1 || fd.Evidence[0].URL != "https://start.stockholm/kultur" {
		t.Errorf("website-link = %s %+v, want pass citing https://start.stockholm/kultur", fd.Status, fd.Evidence)
	}
	without := got
	without.Profile.Links = nil
	if fd := verdict(without); fd.Status != rules.Fail {
		t.Errorf("without the website field website-link = %s, want fail (the description names no site)", fd.Status)
	}
}

// TestProfileLinks: the website field comes first, once, and only as a
// web address; the record accepts any URI, and the AppView's own test
// profile "eve" sets a wss: address it does not pass on.
func TestProfileLinks(t *testing.T) {
	for _, tt := range []struct {
		name, website, desc string
		want                []string
	}{
		{"field only", "https://start.stockholm/kultur", "Vi berättar om konst.", []string{"https://start.stockholm/kultur"}},
		{"field and description", "https://kulturhuset.stadsteatern.se", "Mer på stockholm.se/kultur.", []string{"https://kulturhuset.stadsteatern.se", "https://stockholm.se/kultur"}},
		{"same address twice", "https://Stockholm.se/kultur", "Mer på stockholm.se/kultur", []string{"https://stockholm.se/kultur"}},
		{"http kept", "http://www.stockholm.se", "", []string{"http://www.stockholm.se"}},
		{"websocket address", "wss://jetstream1.us-east.bsky.network", "", nil},
		{"no host", "https://", "", nil},
		{"a word", "stockholm", "", nil},
		{"no field", "", "Läs mer på https://start.stockholm.", []string{"https://start.stockholm"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range profileLinks(tt.website, tt.desc) {
				got = append(got, l.URL)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("profileLinks(%q, %q) = %q, want %q", tt.website, tt.desc, got, tt.want)
			}
		})
	}
}
