package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// gofpdf deflates each page's content stream with a zlib writer it makes
// anew for the page, about 1.2 MB of compressor state each time: for the
// 40 administrations of 1,000 accounts, half of everything the scan and
// its reports allocate. Its API offers no way to hand it a writer, so the
// documents are drawn with compression off and pdfPageDeflater deflates
// the page streams afterwards with pooled writers at the level gofpdf
// uses. The result is byte for byte what gofpdf writes with compression
// on (zlib output depends only on the level and the input, and a Reset
// writer is a new one), which TestPDFPageDeflaterMatchesGofpdf checks.

// pdfGofpdfDeflates, when true, leaves the pages to gofpdf's own
// compression; only the test comparing the two sets it.
var pdfGofpdfDeflates = false

// pdfZlibWriters holds idle zlib writers at gofpdf's level,
// zlib.BestSpeed: at most one per document WriteAll renders at once.
// Unlike a sync.Pool, which every garbage collection empties, it keeps
// them, so 40 administrations' PDFs do not build the 1.2 MB compressor
// again after each collection. What it keeps is bounded: 4 writers.
var pdfZlibWriters = make(chan *zlib.Writer, 4)

// pdfZlib returns an idle writer, or a new one.
func pdfZlib() *zlib.Writer {
	select {
	case zw := <-pdfZlibWriters:
		return zw
	default:
		zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // the level is valid
		return zw
	}
}

// pdfZlibDone keeps zw for the next document, unless enough are kept.
func pdfZlibDone(zw *zlib.Writer) {
	zw.Reset(nil)
	select {
	case pdfZlibWriters <- zw:
	default:
	}
}

// pdfPageDeflater is the io.Writer gofpdf's Output writes an uncompressed
// document to; it writes the document to w with the page streams
// deflated. gofpdf hands over the whole document in one Write, which is
// rewritten at once; a document arriving in parts is gathered first.
type pdfPageDeflater struct {
	w       io.Writer
	store   *pdfPageStore // the pages, when taken from gofpdf as drawn
	pending []byte
	done    bool
}

// Write implements io.Writer.
func (d *pdfPageDeflater) Write(p []byte) (int, error) {
	if d.done {
		return 0, errors.New("PDF written after its end")
	}
	if len(d.pending) == 0 && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		d.done = true
		return len(p), deflatePDFPages(d.w, p, d.store)
	}
	d.pending = append(d.pending, p...)
	return len(p), nil
}

// Close rewrites a document that came in parts.
func (d *pdfPageDeflater) Close() error {
	if d.done {
		return nil
	}
	d.done = true
	return deflatePDFPages(d.w, d.pending, d.store)
}

// deflatePDFPages writes pdf, as gofpdf writes it with compression off, to
// w as gofpdf writes it with compression on: every page's content object
// "<</Length n>>" becomes "<</Filter /FlateDecode /Length m>>" over the
// deflated bytes, and the cross-reference table and startxref move with
// the objects. A page the store (pdfpages.go) took has an empty stream
// in pdf, and the stored one takes its place. Anything not in gofpdf's
// layout is an error, never a silently different file.
func deflatePDFPages(w io.Writer, pdf []byte, store *pdfPageStore) error {
	xref, offsets, err := pdfXref(pdf)
	if err != nil {
		return err
	}
	zw := pdfZlib()
	defer pdfZlibDone(zw)
	var z bytes.Buffer
	// gofpdf writes a page object and then, as the next object, its
	// contents; objects are written in the order of their numbers except
	// 1 and 2, which never hold contents. shift is how far the objects
	// from offset at on have moved.
	type move struct{ at, shift int }
	var moves []move
	shift, pos, pageNo := 0, 0, 0
	for page := 3; page+1 < len(offsets); page++ {
		c := page + 1
		suffix := "/Contents " + strconv.Itoa(c) + " 0 R>>\nendobj\n"
		start := offsets[c]
		if !bytes.HasPrefix(pdf[offsets[page]:], []byte(strconv.Itoa(page)+" 0 obj\n<</Type /Page\n")) ||
			start < len(suffix) || string(pdf[start-len(suffix):start]) != suffix {
			continue
		}
		head := strconv.Itoa(c) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(pdf[start:], []byte(head)) {
			return fmt.Errorf("PDF page contents %d: not an uncompressed stream", c)
		}
		rest := pdf[start+len(head):]
		nl := bytes.Index(rest, []byte(">>\nstream\n"))
		n, err := strconv.Atoi(string(rest[:max(nl, 0)]))
		dataAt := start + len(head) + nl + len(">>\nstream\n")
		const tail = "\nendstream\nendobj\n"
		if nl < 0 || err != nil || n < 0 || dataAt+n+len(tail) > len(pdf) || string(pdf[dataAt+n:dataAt+n+len(tail)]) != tail {
			return fmt.Errorf("PDF page contents %d: stream length not as written", c)
		}
		z.Reset()
		pageNo++
		if store.taken(pageNo) {
			if n != 0 {
				return fmt.Errorf("PDF page %d: drawn after it was stored", pageNo)
			}
			page, err := store.final(pageNo, len(store.pages))
			if err != nil {
				return err
			}
			z.Write(page)
		} else {
			zw.Reset(&z)
			if _, err := zw.Write(pdf[dataAt : dataAt+n]); err != nil {
				return err
			}
			if err := zw.Close(); err != nil {
				return err
			}
		}
		var obj bytes.Buffer
		fmt.Fprintf(&obj, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", c, z.Len())
		if _, err := w.Write(pdf[pos:start]); err != nil {
			return err
		}
		if _, err := w.Write(obj.Bytes()); err != nil {
			return err
		}
		if _, err := w.Write(z.Bytes()); err != nil {
			return err
		}
		pos = dataAt + n
		shift += obj.Len() + z.Len() - (pos - start)
		moves = append(moves, move{at: pos, shift: shift})
	}
	if store != nil && pageNo != len(store.pages) {
		return fmt.Errorf("PDF: %d pages stored, %d written", len(store.pages), pageNo)
	}
	if _, err := w.Write(pdf[pos:xref]); err != nil {
		return err
	}
	moved := func(off int) int { // moves are in offset order
		k := sort.Search(len(moves), func(k int) bool { return moves[k].at > off })
		if k == 0 {
			return off
		}
		return off + moves[k-1].shift
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", moved(off))
	}
	// The trailer up to startxref is unchanged; only its number moves.
	trailer := pdf[xref+pdfXrefLen(len(offsets)):]
	sx := bytes.LastIndex(trailer, []byte("startxref\n"))
	out.Write(trailer[:sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", moved(xref))
	_, err = w.Write(out.Bytes())
	return err
}

// pdfXrefLen is the length of gofpdf's cross-reference table of n entries.
func pdfXrefLen(n int) int {
	return len("xref\n0 "+strconv.Itoa(n)+"\n") + 20*n
}

// pdfXref reads the cross-reference table gofpdf writes: it returns the
// table's offset and the offset of every object by number (index 0
// unused).
func pdfXref(pdf []byte) (int, []int, error) {
	bad := errors.New("PDF cross-reference table not as gofpdf writes it")
	i := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if i < 0 || !bytes.HasSuffix(pdf, []byte("\n%%EOF\n")) {
		return 0, nil, bad
	}
	xref, err := strconv.Atoi(string(pdf[i+len("\nstartxref\n") : len(pdf)-len("\n%%EOF\n")]))
	if err != nil || xref < 0 || xref > i {
		return 0, nil, bad
	}
	t := pdf[xref:]
	if !bytes.HasPrefix(t, []byte("xref\n0 ")) {
		return 0, nil, bad
	}
	t = t[len("xref\n0 "):]
	nl := bytes.IndexByte(t, '\n')
	n, err := strconv.Atoi(string(t[:max(nl, 0)]))
	if nl < 0 || err != nil || n < 1 || pdfXrefLen(n) > len(pdf)-xref {
		return 0, nil, bad
	}
	t = t[nl+1:]
	offsets := make([]int, n)
	for j := 0; j < n; j++ {
		e := t[20*j : 20*j+20]
		if j == 0 {
			if string(e) != "0000000000 65535 f \n" {
				return 0, nil, bad
			}
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off >= xref {
			return 0, nil, bad
		}
		offsets[j] = off
	}
	return xref, offsets, nil
}
