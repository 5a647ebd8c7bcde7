package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
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
	tags *pdfTags // the structure tree to add (pdftags.go)
	buf  bytes.Buffer
}

// Write implements io.Writer.
func (c *pdfCatalogWriter) Write(p []byte) (int, error) { return c.buf.Write(p) }

// Close writes the document with the language and viewer preference in
// its catalog, and the symbol font's emoji read back as emoji.
func (c *pdfCatalogWriter) Close() error {
	pdf, err := pdfSymbolToUnicode(c.buf.Bytes())
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := pdfAddToCatalog(&b, pdf, "/Lang "+pdfString(c.lang)+"\n/ViewerPreferences <</DisplayDocTitle true>>\n"); err != nil {
		return err
	}
	if pdf, err = pdfStructure(b.Bytes(), c.tags); err != nil {
		return err
	}
	_, err = c.w.Write(pdf)
	return err
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

// gofpdf gives every font one ToUnicode map, each code read as itself. The
// symbol font draws the emoji block under private-use codes (pdfsymbol.go),
// which copied text and screen readers would then get; its map instead
// reads them as the emoji they are.

// pdfSymbolToUnicode returns pdf with the symbol font's ToUnicode map
// replaced, or pdf as it is when the document has no symbols.
func pdfSymbolToUnicode(pdf []byte) ([]byte, error) {
	marker := []byte("/BaseFont /utf8" + pdfSymbolFamily + "\n/Encoding /Identity-H\n/DescendantFonts [")
	i := bytes.Index(pdf, marker)
	if i < 0 {
		return pdf, nil
	}
	rest := pdf[i+len(marker):]
	j := bytes.Index(rest, []byte("/ToUnicode "))
	k := bytes.Index(rest, []byte(" 0 R>>"))
	if j < 0 || k < j {
		return nil, fmt.Errorf("PDF symbol font: no ToUnicode map as gofpdf writes it")
	}
	n, err := strconv.Atoi(string(rest[j+len("/ToUnicode ") : k]))
	if err != nil {
		return nil, fmt.Errorf("PDF symbol font: %w", err)
	}
	var obj bytes.Buffer
	cmap := pdfSymbolCMap()
	fmt.Fprintf(&obj, "%d 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", n, len(cmap), cmap)
	return pdfReplaceObject(pdf, n, obj.Bytes())
}

// pdfSymbolCMap maps the symbol font's codes to Unicode: each as itself,
// but the private-use codes of the emoji block as those emoji (UTF-16
// surrogate pairs), a range per 256 codes so only the last byte counts.
func pdfSymbolCMap() string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	blocks := (pdfEmojiLast - pdfEmojiFirst + 1) / 256
	fmt.Fprintf(&b, "%d beginbfrange\n<0000> <%04X> <0000>\n", blocks+2, pdfEmojiCode-1)
	for k := 0; k < blocks; k++ {
		code := pdfEmojiCode + 256*k
		u := pdfEmojiFirst + 256*k - 0x10000
		fmt.Fprintf(&b, "<%04X> <%04X> <%04X%04X>\n", code, code+255, 0xD800+u>>10, 0xDC00+u&0x3FF)
	}
	end := pdfEmojiCode + 256*blocks
	fmt.Fprintf(&b, "<%04X> <FFFF> <%04X>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend", end, end)
	return b.String()
}

// pdfReplaceObject returns pdf, as gofpdf writes it, with object n
// replaced by obj (from "n 0 obj" to "endobj" and its line end) and the
// cross-reference table moved with it.
func pdfReplaceObject(pdf []byte, n int, obj []byte) ([]byte, error) {
	xref, offsets, err := pdfXref(pdf)
	if err != nil {
		return nil, err
	}
	if n < 1 || n >= len(offsets) || !bytes.HasPrefix(pdf[offsets[n]:], []byte(strconv.Itoa(n)+" 0 obj\n")) {
		return nil, fmt.Errorf("PDF object %d: not as gofpdf writes it", n)
	}
	start := offsets[n]
	end := bytes.Index(pdf[start:xref], []byte("\nendobj\n"))
	if end < 0 {
		return nil, fmt.Errorf("PDF object %d: no end", n)
	}
	end += start + len("\nendobj\n")
	shift := len(obj) - (end - start)
	out := make([]byte, 0, len(pdf)+shift)
	out = append(out, pdf[:start]...)
	out = append(out, obj...)
	out = append(out, pdf[end:xref]...)
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		if off > start {
			off += shift
		}
		out = fmt.Appendf(out, "%010d 00000 n \n", off)
	}
	trailer := pdf[xref+pdfXrefLen(len(offsets)):]
	sx := bytes.LastIndex(trailer, []byte("startxref\n"))
	out = append(out, trailer[:sx]...)
	return fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", xref+shift), nil
}
