package evidence

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVerifyWarnsWhenOthersMayRead opens the folder and then a file of an
// intact bundle to others: Verify still says it holds (the records are
// true) but warns, naming what is open and how to close it.
func TestVerifyWarnsWhenOthersMayRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows keeps access in ACLs, not in file modes")
	}
	dir, _ := bundle(t)
	files, _ := filepath.Glob(filepath.Join(dir, Folder, "*"+Ext))
	tests := []struct {
		name, path, fix string
		mode            fs.FileMode
	}{
		{"folder", filepath.Join(dir, Folder), "chmod 700", 0o755},
		{"file", files[0], "chmod 600", 0o644},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.Chmod(tt.path, tt.mode); err != nil {
				t.Fatal(err)
			}
			c, err := Verify(dir)
			if err != nil {
				t.Fatal(err)
			}
			if !c.OK() {
				t.Errorf("problems %v: wide modes do not make the records untrue", c.Problems)
			}
			if len(c.Warnings) != 1 {
				t.Fatalf("warnings %v, want one for %s", c.Warnings, tt.path)
			}
			got := c.Warnings[0].String()
			rel, _ := filepath.Rel(dir, tt.path)
			for _, want := range []string{filepath.ToSlash(rel) + ":", tt.mode.String(), tt.fix, "personal data"} {
				if !strings.Contains(got, want) {
					t.Errorf("warning %q lacks %q", got, want)
				}
			}
			want := DirPerm
			if tt.name == "file" {
				want = FilePerm
			}
			if err := os.Chmod(tt.path, want); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func assertMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s: mode %v, want %v", path, got, want)
	}
}
