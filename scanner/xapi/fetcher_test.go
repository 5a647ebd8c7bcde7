package xapi

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/fixtureserver"
)

// testToken looks like an X app bearer token, percent-escapes included, so
// a leak through URL encoding would show as well.
const testToken = "AAAAAAAAAAAAAAAAAAAAAMsmauditTEST0%2BfakeToken%3DnotReal42"

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

// testConfig is the default configuration with the test token.
func testConfig() Config {
	cfg := DefaultConfig()
	cfg.BearerToken = testToken
	return cfg
}

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}
