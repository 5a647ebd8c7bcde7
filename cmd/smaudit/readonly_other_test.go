//go:build !linux

package main

import (
	"os"
	"testing"
)

// makeReadOnly takes the write permission away from path. Root ignores
// permission bits, and outside Linux these tests know no attribute that
// stops root, so they skip there.
func makeReadOnly(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skipf("running as root, which writes %s whatever its permissions", path)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}
