//go:build unix

package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// crashEnv carries the database path to the helper process.
const crashEnv = "SMAUDIT_HISTORY_CRASH_DB"

// TestMain runs the crash helper instead of the tests when crashEnv names
// a database: the process TestKilledScanLeavesHistory kills is this test
// binary, and a helper written as a Test function would show as skipped
// in every ordinary run.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		crashScan(path)
	}
	os.Exit(m.Run())
}

// crashScan is the scan TestKilledScanLeavesHistory kills: it begins a
// scan, writes half of it and dies by SIGKILL, as a scan does when the
// machine or the user kills it. Any failure before the kill exits 3,
// which the parent test reports as not killed.
func crashScan(path string) {
	t := exitTB{}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A tiny page cache makes SQLite spill the half-written scan into the
	// file system before the kill, the hard case for recovery.
	if _, err := sess.tx.ExecContext(ctx, "PRAGMA cache_size = 2"); err != nil {
		t.Fatal(err)
	}
	s := richScan(t, "2026-06-30", 400)
	id, err := sess.insertScan(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.insertAccounts(ctx, id, s.Accounts[:len(s.Accounts)/2]); err != nil {
		t.Fatal(err)
	}
	syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {} // not reached: SIGKILL cannot be caught
}

// exitTB lets crashScan use the tests' fixtures outside a test: a fatal
// error is printed and ends the process. Other testing.TB methods are not
// used by those fixtures.
type exitTB struct{ testing.TB }

func (exitTB) Helper() {}

func (exitTB) Fatal(args ...any) {
	fmt.Fprintln(os.Stderr, args...)
	os.Exit(3)
}

func (exitTB) Fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(3)
}

func TestKilledScanLeavesHistory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, path := openTemp(t)
	before := save(t, db, richScan(t, "2026-03-31", 30))
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$") // TestMain runs the helper; no test runs twice
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("helper process: %v, want it killed\n%s", err, out)
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("helper process ended with %v, want SIGKILL\n%s", err, out)
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Errorf("the killed scan left no write-ahead log (%v): it did not get to write, so the test proves nothing", err)
	}

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after the killed scan: %v", err)
	}
	defer db.Close()
	var check string
	if err := db.sql.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v; want ok", check, err)
	}
	infos, err := db.Scans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].ID != before.ID {
		t.Fatalf("scans after the killed scan: %+v, want only scan %d", infos, before.ID)
	}
	var accounts, findings int
	db.sql.QueryRowContext(ctx, "SELECT count(*) FROM accounts").Scan(&accounts)
	db.sql.QueryRowContext(ctx, "SELECT count(*) FROM findings").Scan(&findings)
	if accounts != 30 || findings != 30*9 {
		t.Errorf("after the killed scan: %d accounts and %d findings stored, want 30 and %d", accounts, findings, 30*9)
	}
	got, err := db.Load(ctx, before.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(before, got); d != "" {
		t.Errorf("the earlier scan changed (-before +after):\n%s", d)
	}
	next := save(t, db, richScan(t, "2026-06-30", 5))
	if next.ID == before.ID {
		t.Errorf("a new scan after the killed one got the old ID %d", next.ID)
	}
}
