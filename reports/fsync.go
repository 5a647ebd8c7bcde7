package reports

import (
	"errors"
	"os"
	"runtime"
	"syscall"
)

// syncDir flushes dir's entries to disk, so a report just renamed into
// it is still there, under its new name, after a power cut: the rename
// alone may live only in the page cache. Windows cannot open a folder
// for syncing, and NTFS journals the rename itself, so there it does
// nothing; a file system that cannot sync folders (EINVAL) is not an
// error either, as there is nothing more a writer could do.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, syscall.EINVAL) {
		return nil
	}
	return err
}
