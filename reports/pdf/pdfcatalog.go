package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// gofpdf writes no document language and has no hook into the catalog
// (the document's root object), where PDF keeps it (/Lang): a screen
// reader needs it to read Swedish as Swedish. Nor does it ask viewers to
// show the document's title instead of its file name (WCAG's PDF18).
// pdfCatalogWriter adds both to the finished document: gofpdf writes the
// catalog as the last object, right before the cross-reference table, so
// only the table's own offset (startxref) moves.

// pdfCatalogWriter is the io.Writer gofpdf's Output (or the page
// deflater) writes a finished document to; Close writes it to w with
// the catalog entries added.
type pdfCatalogWriter struct {
	w    io.Writer
	lang string
	buf  bytes.Buffer
}

// Write implements io.Writer.
func (c *pdfCatalogWriter) Write(p []byte) (int, error) { return c.buf.Write(p) }

// Close writes the document with the language and viewer preference in
// its catalog.
func (c *pdfCatalogWriter) Close() error {
	return pdfAddToCatalog(c.w, c.buf.Bytes(), "/Lang "+pdfString(c.lang)+"\n/ViewerPreferences <</DisplayDocTitle true>>\n")
}

// pdfAddToCatalog writes pdf to w with entries added to its catalog, which
// must be the last object, as gofpdf writes it.
func pdfAddToCatalog(w io.Writer, pdf []byte, entries string) error {
	xref, offsets, err := pdfXref(pdf)
	if err != nil {
		return err
	}
	last := len(offsets) - 1
	head := []byte(strconv.Itoa(last) + " 0 obj\n<<\n/Type /Catalog\n")
	at := offsets[last]
	if last < 1 || !bytes.HasPrefix(pdf[at:xref], head) {
		return fmt.Errorf("PDF catalog: not the last object as gofpdf writes it")
	}
	at += len(head)
	end := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	for _, part := range [][]byte{pdf[:at], []byte(entries), pdf[at : end+1]} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(w, "startxref\n%d\n%%%%EOF\n", xref+len(entries))
	return err
}

// pdfString is s as a PDF literal string of ASCII letters, digits and
// hyphens (a language tag); anything else is dropped.
func pdfString(s string) string {
	b := []byte("(")
	for _, r := range s {
		if r == '-' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b = append(b, byte(r))
		}
	}
	return string(append(b, ')'))
}
