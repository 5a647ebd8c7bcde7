package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// gofpdf keeps every page's content uncompressed until Output, which then
// copies them all into one uncompressed document. The overview of 1,000
// accounts (334 pages, 14 MB of page content) held the pages and that
// document at once, the largest step of a scan's peak memory. gofpdf has
// no API to hand over a finished page, so pdfPageStore takes each page's
// content out of gofpdf's page buffer once the page's footer, the last
// thing drawn on it, is done, and keeps it deflated (past the first
// pdfPagesLeft bytes of pages). gofpdf then writes an empty content
// stream for the page, and deflatePDFPages puts the stored stream in
// its place. The pages come out byte for byte as gofpdf
// would write them with compression on: the page-count alias is replaced
// as gofpdf replaces it (pdfAliases), and each page is deflated afresh
// at gofpdf's level, which TestPDFPageDeflaterMatchesGofpdf checks.

// pdfNbAlias is what the footer writes for the page count; gofpdf replaces
// it when it writes the document (AliasNbPages).
const pdfNbAlias = "{nb}"

// pdfPagesLeft is how many bytes of a document's pages stay with gofpdf
// before the store takes the pages that follow: deflating a page twice
// and inflating it once costs time, so a short document is left as it
// was. Half a megabyte is the first ten or so pages; for 1,000 accounts
// it keeps WriteAll's time as it was (4.1-4.2 s, against 5.1 s with
// every page taken and 4.4-4.5 s before the store) and the run's peak
// RSS 9-15 MB under what 2 MB left gave. A variable for the tests.
var pdfPagesLeft = 512 << 10

// pdfPageStore holds a document's finished pages past the first
// pdfPagesLeft bytes, deflated as drawn (the page-count alias not yet
// replaced).
type pdfPageStore struct {
	buffers *[]*bytes.Buffer // gofpdf's page buffers, page n at index n
	pages   [][]byte         // page n at index n-1, nil when left with gofpdf
	left    int              // bytes of the pages left with gofpdf
	zr      io.ReadCloser    // inflates pages in final, reset for each
}

// newPDFPageStore returns the store of f's pages, or nil when gofpdf's
// page buffers are not where this version of it keeps them (the pages
// then stay with gofpdf, as before, and only memory is lost).
func newPDFPageStore(f *gofpdf.Fpdf) *pdfPageStore {
	v := reflect.ValueOf(f).Elem().FieldByName("pages")
	if !v.IsValid() || v.Type() != reflect.TypeFor[[]*bytes.Buffer]() {
		return nil
	}
	return &pdfPageStore{buffers: (*[]*bytes.Buffer)(unsafe.Pointer(v.UnsafeAddr()))}
}

// take deflates page n's content into the store and gives gofpdf an
// empty buffer for it, once the pages before it hold pdfPagesLeft bytes.
// Pages are taken in order, each once.
func (s *pdfPageStore) take(n int) error {
	if n != len(s.pages)+1 || n >= len(*s.buffers) {
		return fmt.Errorf("PDF page %d finished after %d pages stored", n, len(s.pages))
	}
	page := (*s.buffers)[n]
	if s.left+page.Len() <= pdfPagesLeft {
		s.left += page.Len()
		s.pages = append(s.pages, nil)
		return nil
	}
	// A slice of its size: the pages are kept to the document's end.
	s.pages = append(s.pages, bytes.Clone(pdfDeflate(page.Bytes())))
	(*s.buffers)[n] = new(bytes.Buffer)
	return nil
}

// taken reports whether the store holds page n.
func (s *pdfPageStore) taken(n int) bool {
	return s != nil && n >= 1 && n <= len(s.pages) && s.pages[n-1] != nil
}

// final returns page n's content stream as gofpdf writes it with
// compression on: inflated, its aliases replaced for a document of
// count pages, deflated again.
func (s *pdfPageStore) final(n, count int) ([]byte, error) {
	if !s.taken(n) {
		return nil, fmt.Errorf("PDF page %d not stored (%d pages)", n, len(s.pages))
	}
	var err error
	if s.zr == nil {
		s.zr, err = zlib.NewReader(bytes.NewReader(s.pages[n-1]))
	} else {
		err = s.zr.(zlib.Resetter).Reset(bytes.NewReader(s.pages[n-1]), nil)
	}
	if err != nil {
		return nil, fmt.Errorf("PDF page %d: %w", n, err)
	}
	var page bytes.Buffer
	if _, err := page.ReadFrom(s.zr); err != nil {
		return nil, fmt.Errorf("PDF page %d: %w", n, err)
	}
	s.pages[n-1] = nil
	return pdfDeflate(pdfAliases(page.Bytes(), count)), nil
}

// pdfAliases replaces the page-count alias in a page's content as
// gofpdf's replaceAliases does: first as written, then in its UTF-16
// form (the form text in the embedded Unicode fonts takes).
func pdfAliases(page []byte, count int) []byte {
	nb := strconv.Itoa(count)
	for _, r := range [][2][]byte{{[]byte(pdfNbAlias), []byte(nb)}, {pdfUTF16(pdfNbAlias), pdfUTF16(nb)}} {
		if bytes.Contains(page, r[0]) {
			page = bytes.ReplaceAll(page, r[0], r[1])
		}
	}
	return page
}

// pdfUTF16 is ASCII s in UTF-16BE, without a byte order mark.
func pdfUTF16(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, 0, s[i])
	}
	return b
}
