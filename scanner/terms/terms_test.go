package terms

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

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

// firstTermsLink chooses as the rules do: the first link whose text or
// address names terms.
func firstTermsLink(p scanner.Profile) (scanner.Link, bool) {
	for _, l := range p.Links {
		if strings.Contains(strings.ToLower(l.Text+" "+l.URL), "villkor") || strings.Contains(l.URL, "regler") {
			return l, true
		}
	}
	return scanner.Link{}, false
}

// profileAdapter answers every account with one profile, or err.
type profileAdapter struct {
	links []scanner.Link
	err   error
}

func (a profileAdapter) Fetch(context.Context, scanner.Account, time.Time) (scanner.Fetched, error) {
	return scanner.Fetched{Profile: scanner.Profile{Text: "Kulturförvaltningen", Links: a.links}}, a.err
}

func TestWrapReadsTheTermsLink(t *testing.T) {
	tests := []struct {
		name    string
		links   []scanner.Link
		want    []string // lines the text must hold
		notWant []string // words of the page's chrome and hidden parts
		errKind scanner.ErrorKind
	}{
		{
			name:    "main part of a city page",
			links:   []scanner.Link{{URL: "https://kultur.stockholm.se/", Text: "Webbplats"}, {URL: "https://kultur.stockholm.se/villkor-sociala-medier", Text: "Läs våra villkor"}},
			want:    []string{"Villkor för våra sociala medier", "Ställ frågor och diskutera Stockholms kulturliv med oss. Vi svarar under kontorstid, vardagar 8–17.", "Ser du något som bryter mot reglerna? Anmäl det till kultur@stockholm.se."},
			notWant: []string{"Anmäl dig till kurser", "08-508", "Dold text", "dataLayer", "Till innehållet"},
		},
		{
			name:    "Latin-1 page without main",
			links:   []scanner.Link{{URL: "https://kultur.stockholm.se/kommentarsregler", Text: "Kommentarsregler"}},
			want:    []string{"Kommentarsfältet är till för frågor om våra föreställningar.", "Inlägg som bryter mot reglerna raderas."},
			notWant: []string{"Anmäl dig", "Rapportera fel"},
		},
		{name: "404", links: []scanner.Link{{URL: "https://kultur.stockholm.se/gamla-villkor", Text: "Villkor"}}, errKind: scanner.ErrHTTPStatus},
		{name: "robots.txt forbids", links: []scanner.Link{{URL: "https://start.stockholm/om-webbplatsen/sociala-medier/kommentarsregler/", Text: "Regler"}}, errKind: scanner.ErrRobots},
		{name: "a PDF", links: []scanner.Link{{URL: "https://kultur.stockholm.se/villkor.pdf", Text: "Villkor (pdf)"}}, errKind: scanner.ErrUnparseable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cityFetcher(t)
			got, err := New(f, firstTermsLink).Wrap(profileAdapter{links: tt.links}).Fetch(context.Background(), scanner.Account{}, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			terms := got.Terms
			if terms == nil {
				t.Fatal("Terms is nil")
			}
			link, _ := firstTermsLink(scanner.Profile{Links: tt.links})
			if terms.URL != link.URL {
				t.Errorf("URL = %q, want the profile's link %q", terms.URL, link.URL)
			}
			var pages []string
			for _, r := range f.Requests() {
				if r.URL == link.URL && !r.Page {
					t.Errorf("%s fetched without robots.txt", r.URL)
				}
				pages = append(pages, r.URL)
			}
			if tt.errKind == scanner.ErrRobots && len(pages) != 1 {
				t.Errorf("requests = %v, want the one asked for (and refused before it was sent)", pages)
			}
			if len(pages) == 0 || len(pages) > 1 {
				t.Errorf("requests = %v, want one: a single link is followed", pages)
			}
			if tt.errKind != "" {
				if terms.Err == nil || terms.Err.Kind != tt.errKind {
					t.Fatalf("Err = %v, want kind %s", terms.Err, tt.errKind)
				}
				if terms.Text != "" {
					t.Errorf("Text = %q, want none with an error", terms.Text)
				}
				return
			}
			if terms.Err != nil {
				t.Fatalf("Err = %v", terms.Err)
			}
			if terms.Cut {
				t.Error("Cut set for a short page")
			}
			lines := strings.Split(terms.Text, "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || l == w
				}
				if !found {
					t.Errorf("text lacks the line %q:\n%s", w, terms.Text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(terms.Text, w) {
					t.Errorf("text holds %q, which is not the page's content:\n%s", w, terms.Text)
				}
			}
		})
	}
}

func TestWrapFollowsNothingWithoutALink(t *testing.T) {
	tests := []struct {
		name  string
		links []scanner.Link
		err   error
	}{
		{name: "no terms link", links: []scanner.Link{{URL: "https://kultur.stockholm.se/", Text: "Webbplats"}}},
		{name: "a terms link that is not a web page", links: []scanner.Link{{URL: "mailto:villkor@stockholm.se", Text: "Villkor"}}},
		{name: "the account could not be read", links: []scanner.Link{{URL: "https://kultur.stockholm.se/villkor-sociala-medier"}}, err: &scanner.FetchError{Kind: scanner.ErrNotFound}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cityFetcher(t)
			got, err := New(f, firstTermsLink).Wrap(profileAdapter{links: tt.links, err: tt.err}).Fetch(context.Background(), scanner.Account{}, time.Time{})
			if !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
			if got.Terms != nil {
				t.Errorf("Terms = %+v, want nil", got.Terms)
			}
			if r := f.Requests(); len(r) != 0 {
				t.Errorf("requests = %v, want none", r)
			}
		})
	}
}

// bigPage serves one page of n bytes of prose, in UTF-8 with letters of
// two bytes, to see where the cut lands.
type bigPage int

func (n bigPage) Fetch(_ context.Context, req scanner.Request) (*scanner.Response, error) {
	body := "<html><body><main><p>" + strings.Repeat("å", int(n)/2) + "</p></main></body></html>"
	return &scanner.Response{URL: req.URL, StatusCode: 200, Header: map[string][]string{"Content-Type": {"text/html"}}, Body: []byte(body)}, nil
}

func TestReadCapsTheText(t *testing.T) {
	got := New(bigPage(3*scanner.MaxTermsText), firstTermsLink).Read(context.Background(), "https://kultur.stockholm.se/villkor")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	if !got.Cut {
		t.Error("Cut not set for a page longer than the cap")
	}
	if n := len(got.Text); n > scanner.MaxTermsText || n < scanner.MaxTermsText-1 {
		t.Errorf("len(Text) = %d, want at most %d and cut at a letter", n, scanner.MaxTermsText)
	}
	if strings.Trim(got.Text, "å") != "" {
		t.Errorf("the cut split a letter: %q", got.Text[len(got.Text)-4:])
	}
}

func TestReadSharesOnePagesText(t *testing.T) {
	f := cityFetcher(t)
	r := New(f, firstTermsLink)
	a := r.Read(context.Background(), "https://kultur.stockholm.se/villkor-sociala-medier")
	b := r.Read(context.Background(), "https://kultur.stockholm.se/villkor-sociala-medier")
	if a.Text == "" || a.Text != b.Text {
		t.Fatalf("texts differ or are empty: %q, %q", a.Text, b.Text)
	}
	if unsafe.StringData(a.Text) != unsafe.StringData(b.Text) {
		t.Error("two accounts linking to one page hold its text twice")
	}
}

// recorder keeps the URLs recorded per account.
type recorder struct {
	mu   sync.Mutex
	urls map[string][]string
}

func (r *recorder) Record(acc scanner.Account, req scanner.Request, resp *scanner.Response) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.urls[acc.Name] = append(r.urls[acc.Name], resp.URL)
}

func TestTheTermsPageIsRecordedForTheAccount(t *testing.T) {
	rec := &recorder{urls: map[string][]string{}}
	f := scanner.RecordingFetcher(cityFetcher(t), rec)
	links := []scanner.Link{{URL: "https://kultur.stockholm.se/gamla-villkor", Text: "Villkor"}}
	adapters := scanner.Recording(map[scanner.Platform]scanner.Adapter{scanner.Mastodon: New(f, firstTermsLink).Wrap(profileAdapter{links: links})})
	acc := scanner.Account{Name: "Kulturförvaltningen", Platform: scanner.Mastodon, URL: "@kultur@mastodon.example"}
	res := scanner.Scan(context.Background(), []scanner.Account{acc}, adapters, time.Time{}, scanner.Options{})
	if res[0].Fetched.Terms == nil || res[0].Fetched.Terms.Err == nil {
		t.Fatalf("Terms = %+v, want the 404", res[0].Fetched.Terms)
	}
	if got := rec.urls[acc.Name]; len(got) != 1 || got[0] != links[0].URL {
		t.Errorf("recorded %v, want the 404 answer of %s: the manual finding rests on it", got, links[0].URL)
	}
}

// cancelling is a fetcher whose request is cut off by the scan's
// interruption: it cancels the context and fails as the crawl layer then
// fails.
type cancelling struct{ cancel context.CancelFunc }

func (c cancelling) Fetch(ctx context.Context, req scanner.Request) (*scanner.Response, error) {
	c.cancel()
	return nil, &scanner.FetchError{Kind: scanner.ErrCanceled, URL: req.URL, Err: ctx.Err()}
}

// TestWrapGivesUpWhenTheScanIsInterrupted checks that an interruption
// while the terms page is read fails the account's fetch (the scan then
// reports it as not reached), instead of judging it with the
// interruption as the terms page's reason.
func TestWrapGivesUpWhenTheScanIsInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	links := []scanner.Link{{URL: "https://kultur.stockholm.se/villkor-sociala-medier", Text: "Villkor"}}
	_, err := New(cancelling{cancel}, firstTermsLink).Wrap(profileAdapter{links: links}).Fetch(ctx, scanner.Account{}, time.Time{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want the interruption", err)
	}
}
