package affiliation

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/scanner"
)

func cityFetcher(t *testing.T) *fixtureserver.RecordingFetcher {
	t.Helper()
	srv, err := fixtureserver.Start(os.DirFS("testdata/city"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	f, err := srv.Fetcher()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func cityDomains(acc scanner.Account) []string { return []string{"stockholm.se", "start.stockholm"} }

func TestProveFindsRelMeAndSameAs(t *testing.T) {
	links := []scanner.Link{
		{URL: "https://kultur.stockholm.se/", Text: "Webbplats"},
		{URL: "http://www.kultur.stockholm.se", Text: "same page again"},
		{URL: "https://kultur.stockholm.se/om-oss", Text: "Om oss"},
		{URL: "https://start.stockholm/", Text: "down"},
		{URL: "https://example.org/", Text: "not the city"},
		{URL: "mailto:kultur@stockholm.se", Text: "mail"},
	}
	tests := []struct {
		name string
		acc  scanner.Account
		src  []string
		want []scanner.Proof
	}{
		{
			name: "mastodon account linked back with rel=me",
			acc:  scanner.Account{URL: "@kulturforvaltningen@mastodon.example", Platform: scanner.Mastodon},
			src:  []string{"https://mastodon.example/api/v1/accounts/lookup?acct=kulturforvaltningen", "https://mastodon.example/@kulturforvaltningen"},
			want: []scanner.Proof{
				{Kind: scanner.ProofRelMe, From: "https://kultur.stockholm.se/", To: "https://mastodon.example/@kulturforvaltningen"},
			},
		},
		{
			name: "youtube channel named in sameAs on two pages",
			acc:  scanner.Account{URL: "https://youtube.com/@kulturstockholm", Platform: scanner.YouTube},
			want: []scanner.Proof{
				{Kind: scanner.ProofSameAs, From: "https://kultur.stockholm.se/", To: "https://www.youtube.com/@kulturstockholm"},
				{Kind: scanner.ProofSameAs, From: "https://kultur.stockholm.se/om-oss", To: "https://www.youtube.com/@kulturstockholm/"},
			},
		},
		{
			name: "an account the city's pages do not name",
			acc:  scanner.Account{URL: "https://www.facebook.com/somebody", Platform: scanner.Facebook},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cityFetcher(t)
			p := New(f, cityDomains, 5)
			got := p.Prove(context.Background(), tt.acc, scanner.Fetched{Profile: scanner.Profile{Links: links}, Sources: tt.src})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("proofs (-want +got):\n%s", diff)
			}
			var pages []string
			for _, r := range f.Requests() {
				pages = append(pages, r.URL)
				if !r.Page {
					t.Errorf("%s fetched without robots.txt", r.URL)
				}
			}
			want := []string{"https://kultur.stockholm.se/", "https://kultur.stockholm.se/om-oss", "https://start.stockholm/"}
			if diff := cmp.Diff(want, pages); diff != "" {
				t.Errorf("pages read (-want +got):\n%s", diff)
			}
		})
	}
}

func TestProveReadsAtMostMaxPages(t *testing.T) {
	f := cityFetcher(t)
	links := []scanner.Link{{URL: "https://kultur.stockholm.se/"}, {URL: "https://kultur.stockholm.se/om-oss"}}
	New(f, cityDomains, 1).Prove(context.Background(), scanner.Account{URL: "https://x.example/@a"}, scanner.Fetched{Profile: scanner.Profile{Links: links}})
	if n := len(f.Requests()); n != 1 {
		t.Errorf("%d pages read, want 1", n)
	}
}

type stubAdapter struct {
	f   scanner.Fetched
	err error
}

func (s stubAdapter) Fetch(context.Context, scanner.Account, time.Time) (scanner.Fetched, error) {
	return s.f, s.err
}

func TestWrapAddsProofsAndPassesErrorsThrough(t *testing.T) {
	f := cityFetcher(t)
	p := New(f, cityDomains, 3)
	acc := scanner.Account{URL: "https://mastodon.example/@kulturforvaltningen"}
	own := scanner.Proof{Kind: scanner.ProofVerifiedField, From: acc.URL, To: "https://kultur.stockholm.se/"}
	got, err := p.Wrap(stubAdapter{f: scanner.Fetched{
		Profile: scanner.Profile{Links: []scanner.Link{{URL: "https://kultur.stockholm.se/"}}},
		Proofs:  []scanner.Proof{own},
	}}).Fetch(context.Background(), acc, time.Time{})
	if err != nil || len(got.Proofs) != 2 || got.Proofs[0] != own {
		t.Errorf("Wrap: %v, %+v; want the adapter's proof kept and one rel=me proof added", err, got.Proofs)
	}
	gone := &scanner.FetchError{Kind: scanner.ErrNotFound}
	if _, err := p.Wrap(stubAdapter{err: gone}).Fetch(context.Background(), acc, time.Time{}); !errors.Is(err, gone) {
		t.Errorf("Wrap lost the adapter's error: %v", err)
	}
	if len(f.Requests()) != 1 {
		t.Errorf("a failed fetch must not lead to city pages being read: %d requests", len(f.Requests()))
	}
}

func FuzzClaims(f *testing.F) {
	f.Add([]byte(`<link rel="me" href="/x"><script type="application/ld+json">{"sameAs":["https://a/b"]}</script>`))
	f.Add([]byte(`<script type="application/ld+json">[{"@graph":[{"sameAs":"x"}]}]</script>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, c := range claims(body, "https://kultur.stockholm.se/") {
			if c.to == "" || (c.kind != scanner.ProofRelMe && c.kind != scanner.ProofSameAs) {
				t.Fatalf("bad claim %+v", c)
			}
		}
	})
}

// TestProveReadsLatin1Pages finds a proof on city pages that are not in
// UTF-8: one names ISO-8859-1 in the HTTP header, one Windows-1252 in an
// http-equiv meta. Read as raw bytes, the handle's "ö" would not match the
// account's link and the proof would be lost.
func TestProveReadsLatin1Pages(t *testing.T) {
	srv, err := fixtureserver.Start(os.DirFS("testdata/latin1-city"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	f, err := srv.Fetcher()
	if err != nil {
		t.Fatal(err)
	}
	acc := scanner.Account{URL: "https://www.youtube.com/@stadsmuseetförvaltning", Platform: scanner.YouTube}
	links := []scanner.Link{{URL: "https://stadsmuseet.stockholm.se/"}, {URL: "https://stadsmuseet.stockholm.se/om"}}
	got := New(f, cityDomains, 3).Prove(context.Background(), acc, scanner.Fetched{Profile: scanner.Profile{Links: links}})
	want := []scanner.Proof{
		{Kind: scanner.ProofRelMe, From: "https://stadsmuseet.stockholm.se/", To: "https://www.youtube.com/@stadsmuseetf%C3%B6rvaltning"},
		{Kind: scanner.ProofSameAs, From: "https://stadsmuseet.stockholm.se/om", To: "https://www.youtube.com/@stadsmuseetf%C3%B6rvaltning"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("proofs (-want +got):\n%s", diff)
	}
}
