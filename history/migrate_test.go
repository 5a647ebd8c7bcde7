package history

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// schemaVersions reads the versions a database records, in order, with
// their applied_at stamps.
func schemaVersions(t *testing.T, db *DB) (versions []int, stamps []string) {
	t.Helper()
	rows, err := db.sql.Query(`SELECT version, applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		var at string
		if err := rows.Scan(&v, &at); err != nil {
			t.Fatal(err)
		}
		versions, stamps = append(versions, v), append(stamps, at)
	}
	return versions, stamps
}

func TestMigrationsAreNumberedFromOne(t *testing.T) {
	t.Parallel()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no embedded migrations")
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %d is %s (version %d), want version %d: versions run 1, 2, 3 … without gaps", i, m.name, m.version, i+1)
		}
		if strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %s is empty", m.name)
		}
	}
}

func TestOpenMigratesOnceAndRecordsVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	db, path := openTemp(t)
	versions, stamps := schemaVersions(t, db)
	if len(versions) != len(ms) || versions[len(versions)-1] != ms[len(ms)-1].version {
		t.Fatalf("after Open: versions %v, want 1..%d", versions, ms[len(ms)-1].version)
	}
	save(t, db, scanOf(t, "2026-03-31", acc("a.example", "Kulturförvaltningen", failing("contact"))))
	db.Close()

	for i := range 2 {
		again, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d of a migrated database: %v", i+2, err)
		}
		gotV, gotS := schemaVersions(t, again)
		if strings.Join(gotS, ",") != strings.Join(stamps, ",") || len(gotV) != len(versions) {
			t.Errorf("Open #%d: versions %v %v, want unchanged %v %v", i+2, gotV, gotS, versions, stamps)
		}
		infos, err := again.Scans(ctx)
		if err != nil || len(infos) != 1 {
			t.Errorf("Open #%d: Scans() = %v, %v; want the one saved scan", i+2, infos, err)
		}
		again.Close()
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, path := openTemp(t)
	if _, err := db.sql.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 'x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(ctx, path)
	if err == nil {
		t.Fatal("Open of a database with schema version 9999 succeeded")
	}
	for _, want := range []string{path, "9999", "newer smaudit"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestOpenRejectsBadPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	garbage := filepath.Join(dir, "not-a-db.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("this is not SQLite\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"not a database", garbage, garbage},
		{"missing folder", filepath.Join(dir, "nope", "h.db"), filepath.Join(dir, "nope")},
		{"question mark", filepath.Join(dir, "h?.db"), "'?'"},
		{"empty", "", "no path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(context.Background(), tt.path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded", tt.path)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) error %q does not mention %q", tt.path, err, tt.want)
			}
		})
	}
}
