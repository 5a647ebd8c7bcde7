package reports

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestTempFilesRemoveAllLeavesNothingHalfWritten(t *testing.T) {
	dir := t.TempDir()
	reg := &tempFiles{paths: map[string]bool{}}
	done, err := reg.create(dir, ".done.*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	done.Close()
	if err := os.Rename(done.Name(), filepath.Join(dir, "done.pdf")); err != nil {
		t.Fatal(err)
	}
	reg.remove(done.Name())
	half, err := reg.create(dir, ".half.*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	defer half.Close()
	if _, err := half.WriteString("%PDF-1.3 half"); err != nil {
		t.Fatal(err)
	}

	if n := reg.removeAll(); n != 1 {
		t.Errorf("removeAll removed %d files, want the 1 in progress", n)
	}
	// The writer's rename now fails: the half file never becomes a report.
	if err := os.Rename(half.Name(), filepath.Join(dir, "half.pdf")); err == nil {
		t.Errorf("a removed temporary file was renamed into place")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "done.pdf" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only the finished done.pdf", names)
	}
	// No writer starts another file once removeAll ran.
	started := make(chan struct{})
	go func() {
		if f, err := reg.create(dir, ".late.*.tmp"); err == nil {
			f.Close()
		}
		close(started)
	}()
	select {
	case <-started:
		t.Errorf("a temporary file was created after removeAll")
	case <-time.After(100 * time.Millisecond):
	}
}
