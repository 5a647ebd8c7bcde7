package reports

import (
	"os"
	"sync"
)

// tempFiles keeps the paths of the temporary files reports are being
// written to, so that a process told to stop at once (a second Ctrl-C)
// can remove them before it exits and leave no half-written file behind.
type tempFiles struct {
	mu    sync.Mutex
	paths map[string]bool
}

// temps are the temporary files of every report being written.
var temps = &tempFiles{paths: map[string]bool{}}

// create makes a temporary file as os.CreateTemp does and records it. The
// file is created under the lock, so removeAll never misses one that
// exists.
func (t *tempFiles) create(dir, pattern string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		t.paths[f.Name()] = true
	}
	return f, err
}

// remove deletes path unless it was renamed into place, and forgets it.
func (t *tempFiles) remove(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	os.Remove(path)
	delete(t.paths, path)
}

// removeAll deletes every recorded file and keeps the lock, so no writer
// creates another until the process exits; a removed file can no longer
// be renamed into place. It returns how many files it removed.
func (t *tempFiles) removeAll() int {
	t.mu.Lock()
	n := 0
	for p := range t.paths {
		if os.Remove(p) == nil {
			n++
		}
	}
	return n
}

// AbandonWrites removes the temporary files of the reports being written
// and stops every writer from finishing or starting one: call it only
// right before the process exits (a second interrupt). A report already
// renamed into place is complete; one being written never appears.
func AbandonWrites() int { return temps.removeAll() }
