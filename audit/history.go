package audit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/waivers"
)

// DefaultDBName is the history database's file name; scan keeps it beside
// the registry, the demo in its output folder.
const DefaultDBName = "smaudit.db"

// DefaultDBPath is where scan keeps history when --db is not given: beside
// the registry, the one file every quarter's audit starts from.
func DefaultDBPath(registryPath string) string {
	return filepath.Join(filepath.Dir(registryPath), DefaultDBName)
}

// openHistory opens the history database at path and takes its write
// lock for the whole scan, so a second scan against the same file is
// refused before it fetches anything. With no path it returns nils.
func openHistory(ctx context.Context, path string) (*history.DB, *history.Session, error) {
	if path == "" {
		return nil, nil, nil
	}
	db, err := history.Open(ctx, path)
	if err != nil {
		return nil, nil, fmt.Errorf("history database %s: %w", path, err)
	}
	sess, err := db.Begin(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, sess, nil
}

// OpenStoredHistory opens an existing history database for diff and
// import-responses. A missing file is an error naming it: creating an
// empty database there would only hide that the scans are elsewhere.
func OpenStoredHistory(ctx context.Context, path string) (*history.DB, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("history database %s does not exist; name the one the scans were stored in with --db "+
			"(scan keeps it beside the registry, the demo in its --out folder, e.g. rapporter/%s)", path, DefaultDBName)
	}
	if err != nil {
		return nil, fmt.Errorf("history database %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("history database %s is not a file", path)
	}
	return history.Open(ctx, path)
}

// loadWaivers reads and checks the waivers file against the rules and the
// registry; a bad file stops the audit with file and line.
func loadWaivers(o Options, catalog []rules.Rule) ([]waivers.Waiver, error) {
	if o.WaiversPath == "" {
		return nil, nil
	}
	ws, err := waivers.Load(o.WaiversPath)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(catalog))
	for i, r := range catalog {
		ids[i] = r.ID
	}
	return ws, waivers.Validate(ws, ids, o.Registry.Accounts)
}
