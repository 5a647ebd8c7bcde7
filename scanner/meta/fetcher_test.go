package meta

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/scanner"
)

// testToken is the token the fixtures were recorded with: Graph echoes it
// in paging links and in some error messages.
const testToken = "EAAGm0PX4ZCpsBO7ZBfixtureTokenZCZBx0123456789ZZD"

// testIGUserID is the city's own Instagram account in the fixtures.
const testIGUserID = "17841400000000001"

// serve starts the fixture server for testdata/<tree> and returns the
// crawl layer reaching it under the fixtures' real host names.
func serve(t *testing.T, tree string) *fixtureserver.RecordingFetcher {
	t.Helper()
	dir := filepath.Join("testdata", tree)
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

// testConfig is the default configuration with the fixtures' token and
// Instagram user id.
func testConfig() Config {
	cfg := DefaultConfig()
	cfg.Token = testToken
	cfg.InstagramUserID = testIGUserID
	return cfg
}

// checkNoToken fails the test when the token shows in a request URL, in
// what was fetched or in the error; and when a request went without it
// in the Authorization header.
func checkNoToken(t *testing.T, f *fixtureserver.RecordingFetcher, got scanner.Fetched, err error) {
	t.Helper()
	for _, r := range f.Requests() {
		if strings.Contains(r.URL, testToken) || strings.Contains(strings.ToLower(r.URL), "access_token") {
			t.Errorf("request URL carries the token: %s", r.URL)
		}
		if h := r.Header.Get("Authorization"); h != "Bearer "+testToken {
			t.Errorf("request %s: Authorization %q, want the bearer token", r.URL, h)
		}
	}
	if s := fmt.Sprintf("%+v", got); strings.Contains(s, testToken) || strings.Contains(s, "access_token") {
		t.Errorf("Fetched carries the token: %s", s)
	}
	if err != nil {
		s := err.Error()
		if fe, ok := err.(*scanner.FetchError); ok {
			s += fmt.Sprintf(" %+v", *fe)
		}
		if strings.Contains(s, testToken) {
			t.Errorf("error carries the token: %s", s)
		}
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
