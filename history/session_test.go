package history

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/rules"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	rich := richScan(t, "2026-06-30", 23)
	// an expired waiver: the finding keeps its verdict
	rich.Accounts[1].Findings[0].Status = "fail"
	rich.Accounts[1].Findings[0].Waiver = &rules.Waiver{Reason: "Flytt", ApprovedBy: "K", Expires: day(t, "2026-01-31"), Expired: true, Source: "w.yaml:9"}
	tests := []struct {
		name string
		scan Scan
	}{
		{"every field", rich},
		{"no accounts", scanOf(t, "2026-03-31")},
		{"account without findings", scanOf(t, "2026-01-15", acc("x.example/@a", "Stadsledningskontoret"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := save(t, db, tt.scan)
			if want.ID <= 0 {
				t.Fatalf("Save returned ID %d", want.ID)
			}
			got, err := db.Load(ctx, want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("Load after Save (-saved +loaded):\n%s", d)
			}
		})
	}
}

func TestLoadUnknownScan(t *testing.T) {
	t.Parallel()
	db, _ := openTemp(t)
	_, err := db.Load(context.Background(), 42)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "42") {
		t.Errorf("Load(42) on an empty database: %v, want ErrNotFound naming 42", err)
	}
}

func TestSessionEnds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	s := scanOf(t, "2026-06-30", acc("a.example", "Kulturförvaltningen", failing("contact")))

	t.Run("rollback discards", func(t *testing.T) {
		sess, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		id, err := sess.insertScan(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.insertAccounts(ctx, id, s.Accounts); err != nil {
			t.Fatal(err)
		}
		if err := sess.Rollback(); err != nil {
			t.Fatal(err)
		}
		if infos, err := db.Scans(ctx); err != nil || len(infos) != 0 {
			t.Errorf("after Rollback: Scans() = %v, %v; want none", infos, err)
		}
		if err := sess.Rollback(); err != nil {
			t.Errorf("second Rollback: %v", err)
		}
	})
	t.Run("save ends the session", func(t *testing.T) {
		sess, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sess.Save(ctx, s); err != nil {
			t.Fatal(err)
		}
		if _, err := sess.Save(ctx, s); err == nil {
			t.Error("a second Save on one session succeeded")
		}
		if err := sess.Rollback(); err != nil {
			t.Errorf("Rollback after Save: %v", err)
		}
		if infos, err := db.Scans(ctx); err != nil || len(infos) != 1 {
			t.Errorf("after Save and Rollback: Scans() = %v, %v; want the saved scan", infos, err)
		}
	})
	t.Run("failed save stores nothing", func(t *testing.T) {
		bad := s
		bad.Accounts = []Account{acc("b.example", "Kulturförvaltningen", Finding{Rule: "contact", Status: "maybe", Judged: "fail"})}
		sess, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sess.Save(ctx, bad); err == nil || !strings.Contains(err.Error(), "https://b.example") {
			t.Errorf("Save of an unknown status: %v, want an error naming the account", err)
		}
		if infos, err := db.Scans(ctx); err != nil || len(infos) != 1 {
			t.Errorf("after a failed Save: Scans() = %v, %v; want only the earlier scan", infos, err)
		}
		// the lock was released
		again, err := db.Begin(ctx)
		if err != nil {
			t.Fatalf("Begin after a failed Save: %v", err)
		}
		again.Rollback()
	})
	t.Run("cancelled context does not end the session", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		sess, err := db.Begin(cctx)
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		// No wait needed: a transaction bound to the cancelled context
		// refuses Commit at once (database/sql checks the context there),
		// whether or not its watcher has rolled it back yet.
		if _, err := sess.Save(ctx, s); err != nil {
			t.Errorf("Save after the Begin context was cancelled: %v", err)
		}
	})
}

func TestConcurrentScanRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	first, path := openTemp(t)
	earlier := save(t, first, scanOf(t, "2026-03-31", acc("a.example", "Kulturförvaltningen", failing("contact"))))
	second, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()

	running, err := first.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Rollback()

	start := time.Now()
	_, err = second.Begin(ctx)
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("the refused Begin waited %v, want an answer at once", waited)
	}
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("second Begin while a scan runs: %v, want ErrBusy", err)
	}
	if want := "another smaudit scan is using " + path + "; wait for it to finish"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	// Writing answers needs the lock too; reading and opening do not.
	if err := second.SaveResponses(ctx, earlier.ID, nil); !errors.Is(err, ErrBusy) {
		t.Errorf("SaveResponses while a scan runs: %v, want ErrBusy", err)
	}
	if infos, err := second.Scans(ctx); err != nil || len(infos) != 1 {
		t.Errorf("Scans while a scan runs: %v, %v; want the stored scan", infos, err)
	}
	third, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open while a scan runs: %v", err)
	}
	third.Close()

	if _, err := running.Save(ctx, scanOf(t, "2026-06-30")); err != nil {
		t.Fatal(err)
	}
	after, err := second.Begin(ctx)
	if err != nil {
		t.Fatalf("Begin after the first scan finished: %v", err)
	}
	after.Rollback()
}
