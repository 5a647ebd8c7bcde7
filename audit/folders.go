package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// prepareFolders creates the output folder and the history database's
// folder and proves both can be written, before a single request is sent:
// an hour of fetching must never end in "cannot write the reports". On
// error, and whenever the caller calls undo, the folders it created are
// removed again if they are still empty, so a refused run leaves nothing
// behind.
func prepareFolders(out, dbPath string) (undo func(), err error) {
	var created []string
	undo = func() {
		// Deepest first; os.Remove refuses a folder that is not empty.
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i])
		}
	}
	defer func() {
		if err != nil {
			undo()
		}
	}()
	if created, err = makeFolder(out, created); err != nil {
		return undo, fmt.Errorf("--out %s: %w", out, err)
	}
	if err := probeWrite(out); err != nil {
		return undo, fmt.Errorf("--out %s: the folder cannot be written: %w", out, err)
	}
	if dbPath == "" {
		return undo, nil
	}
	dir := filepath.Dir(dbPath)
	if created, err = makeFolder(dir, created); err != nil {
		return undo, fmt.Errorf("history database %s: %w", dbPath, err)
	}
	if err := historyWritable(dbPath); err != nil {
		return undo, fmt.Errorf("history database %s cannot be written (%w); choose another --db, or --no-history to keep none", dbPath, err)
	}
	return undo, nil
}

// makeFolder creates dir and its missing parents, appending each folder
// it created, outermost first, to created.
func makeFolder(dir string, created []string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err == nil {
			if !fi.IsDir() {
				if d == filepath.Clean(dir) {
					return created, errors.New("is a file, not a folder")
				}
				return created, fmt.Errorf("%s is a file, not a folder", d)
			}
			break
		}
		// Not there, or a parent is a file (ENOTDIR): look further up,
		// where the file, if any, is named.
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return created, fmt.Errorf("cannot create the folder: %w", err)
		}
		created = append(created, missing[i])
	}
	return created, nil
}

// probeWrite creates and removes a file in dir: the one sure test that
// the reports, their temporary files and SQLite's journal can be written
// there, whatever the permissions, mounts or ACLs say.
func probeWrite(dir string) error {
	f, err := os.CreateTemp(dir, ".smaudit-write-check-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// historyWritable checks that the history database at path can be
// written: its folder, where SQLite keeps the write-ahead log beside it,
// and the file itself when it exists. Opening the file for writing
// changes nothing in it.
func historyWritable(path string) error {
	if err := probeWrite(filepath.Dir(path)); err != nil {
		return fmt.Errorf("its folder: %w", err)
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a file")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return f.Close()
}
