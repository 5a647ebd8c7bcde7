//go:build unix

package evidence

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestBundleIsOwnerOnly writes a bundle under a permissive umask into a
// folder an earlier run left open to all: the folder ends 0700 and each
// file 0600, and Verify says nothing of it.
func TestBundleIsOwnerOnly(t *testing.T) {
	old := syscall.Umask(0)
	t.Cleanup(func() { syscall.Umask(old) })
	pre := t.TempDir()
	if err := os.Mkdir(filepath.Join(pre, Folder), 0o777); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{t.TempDir(), pre} {
		d, cites := bundleIn(t, dir)
		assertMode(t, filepath.Join(d, Folder), DirPerm)
		files, _ := filepath.Glob(filepath.Join(d, Folder, "*"+Ext))
		if len(files) == 0 {
			t.Fatal("no archive file written")
		}
		for _, f := range files {
			assertMode(t, f, FilePerm)
		}
		c, err := Verify(d)
		if err != nil {
			t.Fatal(err)
		}
		if !c.OK() || len(c.Warnings) != 0 || c.Citations != len(cites) {
			t.Errorf("Verify = %+v, want no problems and no warnings", c)
		}
	}
}
