// Package history keeps every scan in an embedded SQLite database (a
// pure-Go driver, no cgo): the registry snapshot, fetch outcomes, findings
// with their evidence summaries and waivers, and the administrations'
// answers. From the stored scans it computes what a report adds: each
// finding's change since the previous scan, accounts added and removed,
// each administration's trend and inactive streaks.
//
// A scan is stored in one transaction that holds the database's write lock
// from Begin to Save, so an interrupted scan leaves the history as it was
// and a second scan against the same file is refused at once. The database
// runs in WAL mode, so reading the history never waits for a running scan;
// like any SQLite WAL database it must live on a local file system.
package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
)

// ErrBusy means another scan holds the database's write lock.
var ErrBusy = errors.New("history database is locked")

// ErrNotFound means no stored scan matches.
var ErrNotFound = errors.New("no such scan")

// DB is an open history database.
type DB struct {
	sql  *sql.DB
	path string
}

// readBusyTimeoutMS is how long a reader waits on a lock. In WAL mode
// readers only wait in rare moments such as recovery; writers never wait
// (see lock).
const readBusyTimeoutMS = 5000

// Open opens the history database at path, creating the file if needed,
// and brings its schema up to date. A database written by a newer smaudit
// is an error.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("history database: no path given")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("history database %s: the path must not contain '?'", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if fi, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("history database %s: folder: %w", path, err)
		} else if !fi.IsDir() {
			return nil, fmt.Errorf("history database %s: %s is not a folder", path, dir)
		}
	}
	// _txlock=immediate: every transaction takes the write lock when it
	// begins, so it can never fail halfway to upgrade a read lock.
	dsn := fmt.Sprintf("%s?_busy_timeout=%d&_journal_mode=WAL&_foreign_keys=1&_txlock=immediate", path, readBusyTimeoutMS)
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("history database %s: %w", path, err)
	}
	db := &DB{sql: sdb, path: path}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// Path returns the database file's path, as given to Open.
func (db *DB) Path() string { return db.path }

// Close closes the database.
func (db *DB) Close() error {
	if err := db.sql.Close(); err != nil {
		return fmt.Errorf("history database %s: close: %w", db.path, err)
	}
	return nil
}

// lock takes the database's write lock on a dedicated connection without
// waiting: if another scan holds it, the error wraps ErrBusy. The caller
// ends the transaction and then calls release.
func (db *DB) lock(ctx context.Context) (*sql.Tx, func(), error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("history database %s: %w", db.path, err)
	}
	release := func() {
		// The connection goes back to the pool: restore the readers' wait.
		conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA busy_timeout = %d", readBusyTimeoutMS))
		conn.Close()
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		release()
		return nil, nil, fmt.Errorf("history database %s: %w", db.path, err)
	}
	// The transaction outlives ctx: a session ends by Save or Rollback,
	// not when the context that began it is done.
	tx, err := conn.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		release()
		if isBusy(err) {
			return nil, nil, fmt.Errorf("another smaudit scan is using %s; wait for it to finish: %w", db.path, ErrBusy)
		}
		return nil, nil, fmt.Errorf("history database %s: begin: %w", db.path, err)
	}
	return tx, release, nil
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	const sqliteBusy = 5
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteBusy
}
