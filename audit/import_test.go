package audit

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestImportResponsesRejectsWholeWorkbooks: after one stored demo audit,
// a workbook it sent is read and accepted, while a missing file and a
// PDF are rejected, each in the order named; a missing history stops the
// import before any workbook is read.
func TestImportResponsesRejectsWholeWorkbooks(t *testing.T) {
	t.Parallel()
	opts := storedDemo(t)
	paths := []string{
		filepath.Join(opts.Out, "kulturforvaltningen.xlsx"),
		filepath.Join(opts.Out, "saknas.xlsx"),
		filepath.Join(opts.Out, "oversikt.pdf"),
	}
	im, err := ImportResponses(context.Background(), opts.DBPath, "", paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Workbooks) != len(paths) || im.Rejected() != 2 || im.Stored != 0 || im.Scan.ID != 1 {
		t.Fatalf("%d workbooks, %d rejected, %d stored, scan %d; want 3, 2, 0 (none answered), 1", len(im.Workbooks), im.Rejected(), im.Stored, im.Scan.ID)
	}
	for i, w := range im.Workbooks {
		if w.Path != paths[i] || w.Accepted() != (i == 0) {
			t.Errorf("workbook %d: %s accepted %v (%v); want %s, only the first accepted", i, w.Path, w.Accepted(), w.Err, paths[i])
		}
	}
	im, err = ImportResponses(context.Background(), filepath.Join(t.TempDir(), DefaultDBName), "", paths)
	if err == nil || len(im.Workbooks) != 0 {
		t.Errorf("no history: error %v, %d workbooks read; want an error and none read", err, len(im.Workbooks))
	}
}

// storedDemo gives a fresh demo setup whose output folder and history
// already hold the demo's audit stored as scan 1, at the options'
// DBPath. The audit runs once per test binary (storedDemoRun); each
// caller gets its own copy of the folder, so it may change it.
func storedDemo(t *testing.T) Options {
	t.Helper()
	stored.once.Do(func() { stored.dir, stored.err = storedDemoRun(t) })
	if stored.err != nil {
		t.Fatalf("the stored demo audit: %v", stored.err)
	}
	opts, _ := demoOptions(t)
	if err := os.CopyFS(opts.Out, os.DirFS(stored.dir)); err != nil {
		t.Fatal(err)
	}
	return opts
}

// stored is the folder of the demo audit storedDemo copies.
var stored struct {
	once sync.Once
	dir  string
	err  error
}

// storedDemoRun audits the demo, stores it as scan 1 and keeps a copy of
// the output folder, history included, in a folder TestMain removes.
func storedDemoRun(t *testing.T) (string, error) {
	opts, _ := demoOptions(t)
	a, err := Open(context.Background(), opts)
	if err != nil {
		return "", err
	}
	_, err = a.Run(context.Background(), &recordingProgress{})
	if err == nil {
		_, err = a.Store(context.Background())
	}
	a.Close()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "smaudit-audit-stored-")
	if err != nil {
		return "", err
	}
	sharedDirs = append(sharedDirs, dir)
	dir = filepath.Join(dir, "out")
	return dir, os.CopyFS(dir, os.DirFS(opts.Out))
}
