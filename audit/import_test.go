package audit

import (
	"context"
	"path/filepath"
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

// storedDemo audits the demo once and stores it as scan 1 of the history
// at the options' DBPath.
func storedDemo(t *testing.T) Options {
	t.Helper()
	opts, _ := demoOptions(t)
	a, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Run(context.Background(), &recordingProgress{})
	if err == nil {
		_, err = a.Store(context.Background())
	}
	a.Close()
	if err != nil {
		t.Fatal(err)
	}
	return opts
}
