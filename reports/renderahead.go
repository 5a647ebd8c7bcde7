package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// reportFile is one file WriteAll writes: its name in the folder, the
// administration it belongs to ("" for results.json and the overview),
// and the writer that renders it. A file rendered alone takes every
// worker's slot: results.json and the overview cover every account, and
// two of them at once would raise the peak memory of the whole run.
type reportFile struct {
	name   string
	admin  string
	alone  bool
	render func(io.Writer) error
}

// renderedFile is a reportFile rendered into memory, with the hex SHA-256
// of its bytes for the manifest.
type renderedFile struct {
	data []byte
	sum  string
	err  error
}

// renderWorkers is how many files renderInOrder renders at once: one per
// CPU, so the 83 files of 40 administrations do not wait on one core, and
// at most four, so memory stays bounded on a big machine (each file in
// flight is held whole).
func renderWorkers() int {
	return min(max(runtime.GOMAXPROCS(0), 1), 4)
}

// renderInOrder renders files on up to workers goroutines and hands each
// to use in the order of files, as a loop rendering and writing them one
// by one would. A file's slot is freed only once use is done with it, so
// at most workers files are held in memory, and a file rendered alone is
// the only one. The first error (rendering, or from use) stops it: later
// files are not handed over, and it returns only when no render is
// running any more. Every writer is a pure function of the report, so
// the bytes do not depend on the order in which the files are rendered.
func renderInOrder(files []reportFile, workers int, use func(f reportFile, data []byte, sum string) error) error {
	done := make([]chan renderedFile, len(files))
	for i := range done {
		done[i] = make(chan renderedFile, 1)
	}
	workers = max(workers, 1)
	slots := make(chan struct{}, workers)
	weight := func(f reportFile) int {
		if f.alone {
			return workers
		}
		return 1
	}
	stop := make(chan struct{})
	var running sync.WaitGroup
	running.Add(1)
	go func() { // starts the renders in order, one per free slot
		defer running.Done()
		for i, f := range files {
			for range weight(f) {
				select {
				case slots <- struct{}{}:
				case <-stop:
					return
				}
			}
			running.Add(1)
			go func() {
				defer running.Done()
				done[i] <- render(f)
			}()
		}
	}()
	defer running.Wait()
	defer close(stop)
	for i, f := range files {
		r := <-done[i]
		err := r.err
		if err == nil {
			err = use(f, r.data, r.sum)
		}
		for range weight(f) {
			<-slots
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// render renders f into memory and hashes it.
func render(f reportFile) renderedFile {
	var buf chunkBuffer
	if err := f.render(&buf); err != nil {
		return renderedFile{err: fmt.Errorf("%s: %w", f.name, err)}
	}
	data := buf.bytes()
	sum := sha256.Sum256(data)
	return renderedFile{data: data, sum: hex.EncodeToString(sum[:])}
}

// renderChunk is the size of the pieces chunkBuffer gathers a file in.
const renderChunk = 64 << 10

// chunkBuffer gathers what a writer writes in pieces of renderChunk
// bytes, then hands it over in one piece of exactly its size. A
// bytes.Buffer doubles as it grows: for results.json (megabytes) each
// doubling takes fresh memory from the system, as the smaller pieces
// freed before cannot hold it, and the peak resident memory of a run
// grew by about three times the file's size.
type chunkBuffer struct {
	chunks [][]byte
	n      int
}

// Write implements io.Writer.
func (b *chunkBuffer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if k := len(b.chunks); k == 0 || len(b.chunks[k-1]) == renderChunk {
			b.chunks = append(b.chunks, make([]byte, 0, renderChunk))
		}
		last := &b.chunks[len(b.chunks)-1]
		c := copy((*last)[len(*last):renderChunk], p)
		*last = (*last)[:len(*last)+c]
		p = p[c:]
	}
	b.n += n
	return n, nil
}

// bytes returns everything written, in one slice, and lets the pieces go.
func (b *chunkBuffer) bytes() []byte {
	data := make([]byte, 0, b.n)
	for _, c := range b.chunks {
		data = append(data, c...)
	}
	b.chunks = nil
	return data
}
