package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/waivers"
)

// defaultDBName is the history database's file name; scan keeps it beside
// the registry, the demo in its output folder.
const defaultDBName = "smaudit.db"

// defaultDBPath is where scan keeps history when --db is not given: beside
// the registry, the one file every quarter's audit starts from.
func defaultDBPath(registryPath string) string {
	return filepath.Join(filepath.Dir(registryPath), defaultDBName)
}

// openHistory opens the job's history database and takes its write lock
// for the whole scan, so a second scan against the same file is refused
// before it fetches anything. With no database it returns nils.
func openHistory(ctx context.Context, j job) (*history.DB, *history.Session, error) {
	if j.dbPath == "" {
		return nil, nil, nil
	}
	db, err := history.Open(ctx, j.dbPath)
	if err != nil {
		return nil, nil, fmt.Errorf("history database %s: %w", j.dbPath, err)
	}
	sess, err := db.Begin(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, sess, nil
}

// openStoredHistory opens an existing history database for diff and
// import-responses. A missing file is an error naming it: creating an
// empty database there would only hide that the scans are elsewhere.
func openStoredHistory(ctx context.Context, path string) (*history.DB, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("history database %s does not exist; name the one the scans were stored in with --db "+
			"(scan keeps it beside the registry, the demo in its --out folder, e.g. rapporter/%s)", path, defaultDBName)
	}
	if err != nil {
		return nil, fmt.Errorf("history database %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("history database %s is not a file", path)
	}
	return history.Open(ctx, path)
}

// loadWaivers reads and checks the job's waivers file against the rules
// and the registry; a bad file stops the scan with file and line.
func loadWaivers(j job, catalog []rules.Rule) ([]waivers.Waiver, error) {
	if j.waiversPath == "" {
		return nil, nil
	}
	ws, err := waivers.Load(j.waiversPath)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(catalog))
	for i, r := range catalog {
		ids[i] = r.ID
	}
	return ws, waivers.Validate(ws, ids, j.reg.Accounts)
}

// storeScan saves the scan in the history unless it was interrupted: a
// partial scan would make the next quarter's changes wrong. Its error
// means a complete scan could not be stored.
func storeScan(ctx context.Context, sess *history.Session, scan history.Scan, stdout, stderr io.Writer) error {
	if sess == nil {
		return nil
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "the interrupted scan is not stored in the history")
		return nil
	}
	id, err := sess.Save(ctx, scan)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Stored in the history as scan %d (as of %s).\n", id, scan.AsOf.Format("2006-01-02"))
	return nil
}

// busyMessage explains a refused history lock in words a person can act on.
func busyMessage(err error) string {
	if errors.Is(err, history.ErrBusy) {
		return err.Error()
	}
	return "history: " + err.Error()
}
