package evidence

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/meta"
	"github.com/stockholm-stad/smaudit/scanner/xapi"
)

// The tokens the recorded Meta and X fixtures were made with (see
// scanner/meta/testdata/README.md and scanner/xapi/testdata/README.md):
// Graph echoes its token in every paging link of the posts it returns.
const (
	metaToken = "EAAGm0PX4ZCpsBO7ZBfixtureTokenZCZBx0123456789ZZD"
	xToken    = "AAAAAAAAAAAAAAAAAAAAAMsmauditTEST0%2BfakeToken%3DnotReal42"
)

// slugs is a FileBase for tests: lower case, spaces as dashes.
func slugs(admin string) string { return strings.ReplaceAll(strings.ToLower(admin), " ", "-") }

// testClock dates records one second apart from a fixed instant.
func testClock() func() time.Time {
	t := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

// serveTree starts a fixture server for an adapter's recorded answers
// and returns the real crawl layer reaching it.
func serveTree(t *testing.T, dir string) scanner.Fetcher {
	t.Helper()
	srv, err := fixtureserver.Start(os.DirFS(dir))
	if err != nil {
		t.Fatalf("fixture tree %s: %v", dir, err)
	}
	t.Cleanup(srv.Close)
	f, err := srv.Fetcher()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// unpacked returns every file of the bundle decompressed, by name.
func unpacked(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, Folder, "*"+Ext))
	if err != nil || len(names) == 0 {
		t.Fatalf("no %s files in %s (%v)", Ext, dir, err)
	}
	out := map[string][]byte{}
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out[filepath.Base(n)] = b
	}
	return out
}

// writeResults writes a results.json that cites every record cites
// names, as reports/jsonout does.
func writeResults(t *testing.T, dir string, cites map[string]scanner.Citation) {
	t.Helper()
	type rec struct {
		File string `json:"file"`
		ID   string `json:"id"`
	}
	type ev struct {
		URL    string `json:"url"`
		Record rec    `json:"record"`
	}
	var evs []ev
	for u, c := range cites {
		evs = append(evs, ev{URL: u, Record: rec{c.File, c.RecordID}})
	}
	doc := map[string]any{"accounts": []any{map[string]any{"name": "Konto", "registryRow": 2,
		"findings": []any{map[string]any{"rule": "account-exists", "evidence": evs}}}}}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "results.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTokensNeverEnterTheBundle scans a Facebook page and an X account
// from their recorded answers with their tokens, as smaudit does, and
// finds neither token anywhere in the archive: not in the request
// records' Authorization header, not in Graph's paging links that echo
// it in the bodies, not in any target URI.
func TestTokensNeverEnterTheBundle(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir, Options{FileBase: slugs, Secrets: []string{metaToken, xToken}, UserAgent: "smaudit/test", Software: "smaudit test", Now: testClock()})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	since := time.Date(2026, 9, 15, 0, 0, 0, 0, time.UTC)

	fbCfg := meta.DefaultConfig()
	fbCfg.Token = metaToken
	fb := scanner.Recording(map[scanner.Platform]scanner.Adapter{
		scanner.Facebook: meta.NewFacebook(scanner.RecordingFetcher(serveTree(t, "../scanner/meta/testdata/facebook-pass"), w), fbCfg),
	})[scanner.Facebook]
	fbAcc := scanner.Account{Row: 2, Administration: "Kulturförvaltningen", URL: "https://www.facebook.com/kulturforvaltningen/?locale=sv_SE"}
	if _, err := fb.Fetch(ctx, fbAcc, since); err != nil {
		t.Fatalf("Facebook: %v", err)
	}

	xCfg := xapi.DefaultConfig()
	xCfg.BearerToken = xToken
	x := scanner.Recording(map[scanner.Platform]scanner.Adapter{
		scanner.X: xapi.New(scanner.RecordingFetcher(serveTree(t, "../scanner/xapi/testdata/passing"), w), xCfg),
	})[scanner.X]
	xAcc := scanner.Account{Row: 3, Administration: "Stadsledningskontoret", URL: "https://x.com/stockholmsstad"}
	if _, err := x.Fetch(ctx, xAcc, since); err != nil {
		t.Fatalf("X: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	files := unpacked(t, dir)
	if len(files) != 2 {
		t.Fatalf("files %v, want one per administration", len(files))
	}
	all := bytes.Join([][]byte{files["kulturförvaltningen.warc.gz"], files["stadsledningskontoret.warc.gz"]}, nil)
	for _, secret := range []string{metaToken, xToken} {
		if bytes.Contains(all, []byte(secret)) {
			t.Errorf("the bundle carries the token %s…", secret[:12])
		}
	}
	for _, m := range regexpAll(`(?i)access_token=[^&"\s\\]*`, all) {
		if m != "access_token="+Redacted {
			t.Errorf("the bundle carries %q", m)
		}
	}
	// Graph's posts pages echo the token: the records must show where it
	// was, so a reader knows the body was changed there.
	if !bytes.Contains(files["kulturförvaltningen.warc.gz"], []byte("access_token="+Redacted)) {
		t.Error("Graph's echoed token is not marked REDACTED in the Facebook records")
	}
	for name, b := range files {
		if got := bytes.Count(b, []byte("\r\nAuthorization: "+Redacted+"\r\n")); got == 0 {
			t.Errorf("%s: no request record shows the Authorization header as %s", name, Redacted)
		}
		if bytes.Contains(b, []byte("Authorization: Bearer")) {
			t.Errorf("%s: an Authorization header kept its value", name)
		}
	}

	fbCites, xCites := w.Citations(fbAcc), w.Citations(xAcc)
	if len(fbCites) == 0 || len(xCites) == 0 {
		t.Fatalf("citations: Facebook %d, X %d; want some for each", len(fbCites), len(xCites))
	}
	for u, c := range fbCites {
		if c.File != Folder+"/kulturförvaltningen.warc.gz" || !strings.HasPrefix(c.RecordID, "urn:uuid:") {
			t.Errorf("Facebook %s cited as %+v", u, c)
		}
	}
	cites := map[string]scanner.Citation{}
	for u, c := range fbCites {
		cites[u] = c
	}
	for u, c := range xCites {
		cites[u] = c
	}
	writeResults(t, dir, cites)
	check, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !check.OK() || check.Citations != len(cites) || len(check.Files) != 2 {
		t.Errorf("Verify = %d files, %d records, %d citations, problems %v; want 2 files, %d citations, none",
			len(check.Files), check.Records, check.Citations, check.Problems, len(cites))
	}
}

// fixedFetcher answers every request with the same response, as the crawl
// layer answers a page several accounts share.
type fixedFetcher struct{ resp *scanner.Response }

func (f fixedFetcher) Fetch(context.Context, scanner.Request) (*scanner.Response, error) {
	return f.resp, nil
}

// TestSharedPageOncePerAdministration records a page three accounts
// used, two of one administration and one of another: each
// administration's file holds it once, and its accounts cite that record.
func TestSharedPageOncePerAdministration(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir, Options{FileBase: slugs, Now: testClock()})
	if err != nil {
		t.Fatal(err)
	}
	page := &scanner.Response{URL: "https://start.stockholm/kommentarsregler/", StatusCode: 200,
		Header: map[string][]string{"Content-Type": {"text/html; charset=utf-8"}}, Body: []byte("<html><title>Kommentarsregler</title></html>")}
	req := scanner.Request{URL: page.URL, Page: true}
	accs := []scanner.Account{
		{Row: 2, Administration: "Kulturförvaltningen", URL: "https://mastodon.example/@a"},
		{Row: 3, Administration: "Kulturförvaltningen", URL: "https://mastodon.example/@b"},
		{Row: 4, Administration: "Utbildningsförvaltningen", URL: "https://mastodon.example/@c"},
	}
	f := scanner.RecordingFetcher(fixedFetcher{page}, w)
	for _, acc := range accs {
		ctxAdapter := scanner.Recording(map[scanner.Platform]scanner.Adapter{scanner.Web: fetchOnce{f, req}})[scanner.Web]
		if _, err := ctxAdapter.Fetch(context.Background(), acc, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	a, b, c := w.Citations(accs[0])[page.URL], w.Citations(accs[1])[page.URL], w.Citations(accs[2])[page.URL]
	if a.RecordID == "" || a != b {
		t.Errorf("one administration's accounts cite %+v and %+v; want one record", a, b)
	}
	if c.RecordID == "" || c.File == a.File || c.RecordID == a.RecordID {
		t.Errorf("the other administration cites %+v; want its own file and record", c)
	}
	for name, body := range unpacked(t, dir) {
		if n := bytes.Count(body, []byte("WARC-Type: response")); n != 1 {
			t.Errorf("%s holds %d response records, want 1", name, n)
		}
		if n := bytes.Count(body, []byte("WARC-Type: warcinfo")); n != 1 || !bytes.HasPrefix(body, []byte("WARC/1.1\r\nWARC-Type: warcinfo")) {
			t.Errorf("%s: %d warcinfo records, or not first", name, n)
		}
	}
}

// regexpAll returns every match of expr in b.
func regexpAll(expr string, b []byte) []string {
	var out []string
	for _, m := range regexp.MustCompile(expr).FindAll(b, -1) {
		out = append(out, string(m))
	}
	return out
}

// fetchOnce is an adapter that fetches one request.
type fetchOnce struct {
	f   scanner.Fetcher
	req scanner.Request
}

func (a fetchOnce) Fetch(ctx context.Context, _ scanner.Account, _ time.Time) (scanner.Fetched, error) {
	_, err := a.f.Fetch(ctx, a.req)
	return scanner.Fetched{}, err
}
