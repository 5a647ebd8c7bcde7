package history

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles are the schema changes, applied in version order. A file
// is named NNNN_what.sql; once released it never changes: a later change
// is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one versioned schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded schema changes, oldest first.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("history migrations: %w", err)
	}
	var ms []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("history migration %s: the name must start with a version number and '_'", base)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("history migration %s: %w", base, err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(body)})
	}
	sort.Slice(ms, func(i, k int) bool { return ms[i].version < ms[k].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("history migrations %s and %s: same version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// createMigrations records which schema changes a database has.
const createMigrations = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	applied_at TEXT NOT NULL
)`

// migrate applies the schema changes the database lacks, each in its own
// transaction, and refuses a database that has changes this binary does
// not know.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	applied, err := db.appliedVersions(ctx)
	if err != nil {
		return err
	}
	known := map[int]bool{}
	for _, m := range ms {
		known[m.version] = true
	}
	for v := range applied {
		if !known[v] {
			return fmt.Errorf("history database %s has schema version %d, which this smaudit does not know (it knows up to %d): it was written by a newer smaudit; use that one",
				db.path, v, ms[len(ms)-1].version)
		}
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		if err := db.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// appliedVersions reads schema_migrations; a new database has none. It
// only reads, so opening a database while a scan holds the write lock
// works.
func (db *DB) appliedVersions(ctx context.Context) (map[int]bool, error) {
	var n int
	err := db.sql.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n)
	if err != nil {
		return nil, fmt.Errorf("history database %s: not a readable SQLite database: %w", db.path, err)
	}
	applied := map[int]bool{}
	if n == 0 {
		return applied, nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("history database %s: schema versions: %w", db.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("history database %s: schema versions: %w", db.path, err)
		}
		applied[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history database %s: schema versions: %w", db.path, err)
	}
	return applied, nil
}

// apply runs one schema change and records it, atomically. Another
// process may have applied it meanwhile; then it does nothing.
func (db *DB) apply(ctx context.Context, m migration) (err error) {
	tx, release, err := db.lock(ctx)
	if err != nil {
		return fmt.Errorf("history migration %s: %w", m.name, err)
	}
	defer release()
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, createMigrations); err != nil {
		return fmt.Errorf("history database %s: migration %s: %w", db.path, m.name, err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return fmt.Errorf("history database %s: migration %s: %w", db.path, m.name, err)
	}
	if n > 0 {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("history database %s: migration %s: %w", db.path, m.name, err)
	}
	// applied_at is bookkeeping about the file, not scan content: the
	// wall clock is fine here.
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`, m.version); err != nil {
		return fmt.Errorf("history database %s: migration %s: %w", db.path, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("history database %s: migration %s: commit: %w", db.path, m.name, err)
	}
	return nil
}
