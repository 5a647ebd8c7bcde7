package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteBytesSynced drives the write path with its fsyncs (file before
// the rename, folder after): the report arrives whole, readable by all,
// and no temporary file is left beside it.
func TestWriteBytesSynced(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := bytes.Repeat([]byte("rapport\n"), 1000)
	if err := writeBytes(dir, "oversikt.pdf", data); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "oversikt.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("file holds %d bytes; want the %d written", len(got), len(data))
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries; want only the report", len(entries))
	}
}

// TestSyncDir: a folder syncs; a folder that does not exist is an error,
// not silently skipped.
func TestSyncDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syncDir(dir); err != nil {
		t.Errorf("syncDir(%s): %v", dir, err)
	}
	if err := syncDir(filepath.Join(dir, "saknas")); err == nil {
		t.Error("syncDir of a missing folder: no error")
	}
}
