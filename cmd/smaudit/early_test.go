package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// countingBlog is a blog on loopback that counts the requests it gets, to
// prove a refused run sent none.
func countingBlog(t *testing.T) (*atomic.Int64, string) {
	t.Helper()
	var n atomic.Int64
	srv := blogServer(t, func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Write([]byte(`<html><head><title>Bloggen</title></head><body><p>Hej</p></body></html>`))
	})
	return &n, writeRegistry(t, "", "Kulturförvaltningen;Bloggen;Blogg;"+srv.URL+"/;Syfte;Mål;Målgrupp;Ansvarig")
}

// entries lists what a folder holds, for "left nothing behind" checks.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

// TestScanRefusesUnwritablePlacesBeforeAnyRequest: an --out that is a
// file or cannot be created, and a history database that cannot be
// written, stop the scan with exit 2 before a single request is sent,
// and leave no database or folder behind.
func TestScanRefusesUnwritablePlacesBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) (out string, extra []string)
		want  string
	}{
		{"out is a file", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "rapporter")
			must(t, os.WriteFile(p, []byte("not a folder"), 0o644))
			return p, nil
		}, "is a file, not a folder"},
		{"out below a file", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "fil")
			must(t, os.WriteFile(p, []byte("x"), 0o644))
			return filepath.Join(p, "rapporter"), nil
		}, "is a file, not a folder"},
		{"database below a file", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "fil")
			must(t, os.WriteFile(p, []byte("x"), 0o644))
			return filepath.Join(dir, "ut", "rapporter"), []string{"--db", filepath.Join(p, "smaudit.db")}
		}, "history database"},
		{"database is a folder", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "smaudit.db")
			must(t, os.Mkdir(p, 0o755))
			return filepath.Join(dir, "ut"), []string{"--db", p}
		}, "cannot be written"},
		{"read-only database", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "smaudit.db")
			must(t, os.WriteFile(p, nil, 0o644))
			makeReadOnly(t, p, 0o444)
			return filepath.Join(dir, "ut"), []string{"--db", p}
		}, "cannot be written"},
		{"read-only folder", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "ro")
			must(t, os.Mkdir(p, 0o755))
			makeReadOnly(t, p, 0o555)
			return p, []string{"--no-history"}
		}, "cannot be written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, reg := countingBlog(t)
			dir := t.TempDir()
			out, extra := tt.setup(t, dir)
			before := entries(t, dir)
			args := append([]string{"scan", "--registry", reg, "--out", out, "--as-of", "2026-11-20", "--allow-private-networks"}, extra...)
			code, _, stderr := runCLI(context.Background(), args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 saying %q", code, stderr, tt.want)
			}
			if got := n.Load(); got != 0 {
				t.Errorf("%d requests sent before the refusal", got)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(reg), defaultDBName)); err == nil {
				t.Errorf("a history database was left beside the registry")
			}
			if got := entries(t, dir); strings.Join(got, ",") != strings.Join(before, ",") {
				t.Errorf("the refused run left %v (before: %v)", got, before)
			}
		})
	}
}

// TestScanCreatesOutAndDatabaseFolder: a missing --out and a --db in a
// missing folder are created before the scan, as README's first command
// needs on a fresh clone.
func TestScanCreatesOutAndDatabaseFolder(t *testing.T) {
	n, reg := countingBlog(t)
	dir := t.TempDir()
	out, db := filepath.Join(dir, "a", "rapporter"), filepath.Join(dir, "historik", "q4", "smaudit.db")
	code, stdout, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out, "--db", db, "--as-of", "2026-11-20", "--allow-private-networks")
	if code == exitUsage {
		t.Fatalf("exit 2: %s", stderr)
	}
	if n.Load() == 0 {
		t.Error("the blog was never fetched")
	}
	for _, p := range []string{filepath.Join(out, "results.json"), db} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if !strings.Contains(stdout, "Stored in the history") {
		t.Errorf("the scan was not stored:\n%s", stdout)
	}
}

// TestDemoOutIsFileExits2: the demo refuses a file as --out before it
// scans, and leaves no database.
func TestDemoOutIsFileExits2(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "rapporter")
	must(t, os.WriteFile(p, []byte("x"), 0o644))
	code, _, stderr := runCLI(context.Background(), "demo", "--out", p)
	if code != exitUsage || !strings.Contains(stderr, "--out "+p+": is a file") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if strings.Contains(stderr, "[1/") {
		t.Errorf("the demo scanned before refusing:\n%s", stderr)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

// TestEmptyRegistryStops: a registry with a header and no accounts stops
// the scan with exit 2 naming the file, and registry check says so.
func TestEmptyRegistryStops(t *testing.T) {
	t.Parallel()
	reg := writeRegistry(t, "")
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out)
	if code != exitUsage || !strings.Contains(stderr, "konton.csv: the registry has no accounts") {
		t.Errorf("scan: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the output folder was created")
	}
	code, stdout, _ := runCLI(context.Background(), "registry", "check", reg)
	if code != exitFail || !strings.Contains(stdout, "error: "+reg+": the registry has no accounts") {
		t.Errorf("registry check: exit %d, stdout %q", code, stdout)
	}
}

// TestConcurrencyBelowOneIsUsageError: --concurrency 0 and -1 are
// refused; the flag left out keeps the config's value.
func TestConcurrencyBelowOneIsUsageError(t *testing.T) {
	t.Parallel()
	n, reg := countingBlog(t)
	for _, v := range []string{"0", "-1"} {
		out := filepath.Join(t.TempDir(), "out")
		code, _, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out, "--concurrency", v)
		if code != exitUsage || !strings.Contains(stderr, "--concurrency must be at least 1, not "+v) {
			t.Errorf("--concurrency %s: exit %d, stderr %q", v, code, stderr)
		}
	}
	if n.Load() != 0 {
		t.Error("a refused scan sent requests")
	}
	code, stdout, _ := runCLI(context.Background(), "scan", "-h")
	if code != exitOK || !strings.Contains(stdout, "(default 8)") {
		t.Errorf("scan -h does not show the default concurrency:\n%s", stdout)
	}
}

// TestHistoryCommandsRefuseMissingDatabase: diff and import-responses
// never create an empty database where none is; they name the path.
func TestHistoryCommandsRefuseMissingDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "smaudit.db")
	for _, args := range [][]string{
		{"diff", "--db", db, "--from", "1", "--to", "2"},
		{"import-responses", "--db", db, filepath.Join(dir, "kulturforvaltningen.xlsx")},
	} {
		code, _, stderr := runCLI(context.Background(), args...)
		if code != exitUsage || !strings.Contains(stderr, "history database "+db+" does not exist") || !strings.Contains(stderr, "--db") {
			t.Errorf("%s: exit %d, stderr %q", args[0], code, stderr)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%s created %s", args[0], db)
		}
	}
}

// TestScanLongAdministrationNameWritesEveryReport: a 300-character
// administration name once stopped the run half-way through writing
// ("file name too long"); its file names are capped now.
func TestScanLongAdministrationNameWritesEveryReport(t *testing.T) {
	srv := blogServer(t, nil)
	long := strings.Repeat("Stadsdelsförvaltningen med ett mycket långt namn ", 7)[:300]
	reg := writeRegistry(t, "",
		long+";Bloggen;Blogg;"+srv.URL+"/;Syfte;Mål;Målgrupp;Ansvarig",
		"Kulturförvaltningen;Kulturbloggen;Blogg;"+srv.URL+"/kultur;Syfte;Mål;Målgrupp;Ansvarig")
	out := t.TempDir()
	code, stdout, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out, "--as-of", "2026-11-20", "--allow-private-networks", "--no-history")
	if code == exitUsage {
		t.Fatalf("exit 2:\n%s", stderr)
	}
	var reports int
	for _, name := range entries(t, out) {
		if len(name) > 90 {
			t.Errorf("file name of %d bytes: %s", len(name), name)
		}
		if strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, ".xlsx") {
			reports++
		}
	}
	if reports != 6 {
		t.Errorf("%d reports written, want the overview and two administrations' (6):\n%s", reports, stdout)
	}
}
