package youtube

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/fixtureserver"
)

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

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
