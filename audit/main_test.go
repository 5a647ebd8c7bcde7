package audit

import (
	"os"
	"testing"
)

// sharedDirs are folders tests share across the test binary (see
// storedDemo); TestMain removes them once every test is done.
var sharedDirs []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range sharedDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}
