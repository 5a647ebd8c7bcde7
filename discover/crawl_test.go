package discover

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/scanner"
)

// serveSite starts the fixture server for testdata/site and returns the
// real crawl layer reaching it under the fixtures' host names.
func serveSite(t *testing.T) *fixtureserver.RecordingFetcher {
	t.Helper()
	srv, err := fixtureserver.Start(os.DirFS(filepath.Join("testdata", "site")))
	if err != nil {
		t.Fatalf("fixture site: %v", err)
	}
	t.Cleanup(srv.Close)
	f, err := srv.Fetcher()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

const site = "https://start.stockholm"

// sitePages are the pages of testdata/site in the order a breadth-first
// crawl reads them: the start page, its links (a robots-disallowed page,
// a feed, a redirect off the site and a 404 among them), then the next
// level. The PDF, the external site, mailto: and tel: never appear.
var sitePages = []string{
	"https://start.stockholm/",
	"https://start.stockholm/kultur-och-fritid/",
	"https://start.stockholm/forskola/",
	"https://start.stockholm/om-stockholms-stad/",
	"https://www.start.stockholm/kontakt/",
	"https://start.stockholm/intern/personal/",
	"https://start.stockholm/nyheter/flode",
	"https://start.stockholm/kulturhuset",
	"https://start.stockholm/saknas",
	// depth 2
	"https://start.stockholm/kultur-och-fritid/bibliotek/",
	"https://start.stockholm/forskola/ansok/",
	"https://start.stockholm/om-stockholms-stad/?sida=2",
	// depth 3
	"https://start.stockholm/kultur-och-fritid/bibliotek/evenemang/",
}

func recognized(t *testing.T, raw, page string) Found {
	t.Helper()
	acc, ok := Recognize(raw)
	if !ok {
		t.Fatalf("Recognize(%q) refused", raw)
	}
	return Found{Account: acc, Page: page}
}

// siteFound is every account link of testdata/site, in crawl order.
func siteFound(t *testing.T) []Found {
	start, kultur, forskola, om := sitePages[0], sitePages[1], sitePages[2], sitePages[3]
	return []Found{
		recognized(t, "https://www.facebook.com/stockholmsstad", start),
		recognized(t, "https://www.instagram.com/stockholmsstad", start),
		recognized(t, "https://www.linkedin.com/company/stockholms-stad", start),
		recognized(t, "https://www.youtube.com/@stockholmsstad", start),
		recognized(t, "https://www.facebook.com/kulturforvaltningen", kultur),
		recognized(t, "https://social.example/@kulturhuset", kultur),
		recognized(t, "https://www.facebook.com/stockholmsstad", kultur),
		recognized(t, "https://www.instagram.com/stockholmsstad", kultur),
		recognized(t, "https://www.facebook.com/forskolanistockholm", forskola),
		recognized(t, "https://mastodon.social/@stockholmsstad", om),
		recognized(t, "https://x.com/stockholmsstad", "https://www.start.stockholm/kontakt/"),
		recognized(t, "https://www.tiktok.com/@stadsbiblioteket", sitePages[9]),
		recognized(t, "https://x.com/StadsbibSthlm", sitePages[9]),
		recognized(t, "https://bsky.app/profile/stadshuset.bsky.social", sitePages[11]),
		recognized(t, "https://www.threads.net/@stadsbiblioteket", sitePages[12]),
	}
}

func TestCrawl(t *testing.T) {
	t.Parallel()
	all := siteFound(t)
	tests := []struct {
		name            string
		depth, maxPages int
		pages           int // how many of sitePages are read
		found           int // how many of siteFound are found
		failures        []Failure
	}{
		{"start page only", 0, 0, 1, 4, nil},
		{"one level", 1, 0, 9, 11, siteFailures},
		{"two levels", 2, 0, 12, 14, siteFailures},
		{"whole site", 3, 0, 13, 15, siteFailures},
		{"deeper than the site", 10, 0, 13, 15, siteFailures},
		{"page cap", 3, 3, 3, 9, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serveSite(t)
			found, failures, err := Crawl(context.Background(), f, site, tt.depth, tt.maxPages)
			if err != nil {
				t.Fatalf("Crawl: %v", err)
			}
			var asked []string
			for _, r := range f.Requests() {
				asked = append(asked, r.URL)
				if r.Accept != "text/html" || !r.Page {
					t.Errorf("request %s: Accept %q, Page %v; want a page request for HTML", r.URL, r.Accept, r.Page)
				}
			}
			if diff := cmp.Diff(sitePages[:tt.pages], asked); diff != "" {
				t.Errorf("pages read (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(all[:tt.found], found); diff != "" {
				t.Errorf("found (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.failures, failures, cmpopts.IgnoreFields(Failure{}, "Err")); diff != "" {
				t.Errorf("failures (-want +got):\n%s", diff)
			}
			for _, fl := range failures {
				if fl.Err == nil || fl.Err.URL == "" {
					t.Errorf("failure %s carries no fetch error: %+v", fl.Page, fl.Err)
				}
			}
		})
	}
}

// siteFailures are the pages of testdata/site that cannot be read.
var siteFailures = []Failure{
	{Page: "https://start.stockholm/intern/personal/", Reason: "robots.txt forbids the page"},
	{Page: "https://start.stockholm/saknas", Reason: "HTTP 404"},
}

// TestCrawlNeverFindsOffLimits: accounts linked only from a page robots.txt
// forbids, from the external site, a feed or a PDF are never reported.
func TestCrawlNeverFindsOffLimits(t *testing.T) {
	t.Parallel()
	found, _, err := Crawl(context.Background(), serveSite(t), site+"/", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		switch f.Account.Key {
		case "facebook:intern-hemlig-grupp", "facebook:kulturhuset-extern", "facebook:bara-i-flodet", "facebook:bara-i-pdf":
			t.Errorf("found %s on %s", f.Account.URL, f.Page)
		}
	}
}

func TestCrawlErrors(t *testing.T) {
	t.Parallel()
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		site string
		is   error
	}{
		{"not a URL", context.Background(), "://start.stockholm", nil},
		{"no scheme", context.Background(), "start.stockholm", nil},
		{"not http", context.Background(), "ftp://start.stockholm/", nil},
		{"canceled", canceled, site, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serveSite(t)
			found, _, err := Crawl(tt.ctx, f, tt.site, 1, 0)
			if err == nil {
				t.Fatalf("Crawl(%q) gave no error; found %v", tt.site, found)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Crawl(%q) = %v; want %v", tt.site, err, tt.is)
			}
			if n := len(f.Requests()); n != 0 {
				t.Errorf("Crawl(%q) made %d requests", tt.site, n)
			}
		})
	}
}

// cancelAfter is a fetcher that ends the crawl's context after n pages,
// as a person pressing Ctrl-C would.
type cancelAfter struct {
	scanner.Fetcher
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	c.n--
	if c.n < 0 {
		c.cancel()
	}
	return c.Fetcher.Fetch(ctx, req)
}

func TestCrawlCanceledKeepsWhatWasFound(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	found, _, err := Crawl(ctx, &cancelAfter{Fetcher: serveSite(t), n: 1, cancel: cancel}, site, 3, 0)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Crawl = %v; want context.Canceled", err)
	}
	if diff := cmp.Diff(siteFound(t)[:4], found); diff != "" {
		t.Errorf("found before the interruption (-want +got):\n%s", diff)
	}
}

// TestCrawlReadsLatin1Pages crawls a city site whose pages are not in
// UTF-8 (ISO-8859-1 named in the HTTP header, Windows-1252 and ISO-8859-1
// named only in a meta tag). Read as raw bytes, links with "ö" lead to
// addresses that do not exist and the accounts behind them are missed.
func TestCrawlReadsLatin1Pages(t *testing.T) {
	t.Parallel()
	srv, err := fixtureserver.Start(os.DirFS(filepath.Join("testdata", "latin1-site")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	f, err := srv.Fetcher()
	if err != nil {
		t.Fatal(err)
	}
	found, failures, err := Crawl(context.Background(), f, "https://farsta.stockholm/", 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []Found{
		recognized(t, "https://www.youtube.com/@fritidsgardarnaifarsta", "https://farsta.stockholm/"),
		recognized(t, "https://www.facebook.com/foreningsstodfarsta", "https://farsta.stockholm/f%C3%B6reningar/"),
		recognized(t, "https://www.instagram.com/farstatraff", "https://farsta.stockholm/%C3%B6vrigt/kontakt.html"),
	}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("found (-want +got):\n%s", diff)
	}
	if len(failures) != 0 {
		t.Errorf("failures: %v", failures)
	}
}
