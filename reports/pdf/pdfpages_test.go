package pdf

import (
	"bytes"
	"testing"
)

// TestPDFPageStoreMatchesGofpdf renders the stress reports with every
// page taken from gofpdf as drawn, and with only the pages past the
// first 60 kB taken: the documents are byte for byte those gofpdf
// writes with its own compression, page-count alias and all.
func TestPDFPageStoreMatchesGofpdf(t *testing.T) {
	defer func(left int) { pdfPagesLeft = left }(pdfPagesLeft)
	for _, lang := range []string{"sv", "en"} {
		r := pdfStressReport(lang)
		want := pdfRenderGofpdf(t, r)
		for _, left := range []int{0, 60_000} {
			pdfPagesLeft = left
			got := pdfRender(t, r)
			if len(got) != len(want) || len(got) < 2 {
				t.Fatalf("%s, %d bytes left: %d documents, gofpdf %d", lang, left, len(got), len(want))
			}
			for name, pdf := range got {
				if !bytes.Equal(pdf, want[name]) {
					t.Errorf("%s/%s, %d bytes left: %d bytes differ from gofpdf's own compression (%d bytes)", lang, name, left, len(pdf), len(want[name]))
				}
			}
		}
	}
}

// TestPDFPageStoreTakesPagesPastTheBudget checks which pages the store
// takes: none while the pages fit in pdfPagesLeft, every one after.
func TestPDFPageStoreTakesPagesPastTheBudget(t *testing.T) {
	defer func(left int) { pdfPagesLeft = left }(pdfPagesLeft)
	draw := func(left int) (d *pdfDoc, full int) {
		pdfPagesLeft = left
		d, err := newPDFDoc(pdfStressReport("sv"), "sidor")
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 300; i++ {
			d.field("Fält", "https://example.org/ett/långt/värde")
		}
		full = d.f.PageNo() - 1 // the last page is finished by finish
		if full < 3 {
			t.Fatalf("%d full pages, want several", full)
		}
		return d, full
	}
	d, _ := draw(1 << 30)
	first := (*d.pages.buffers)[1].Len() // the first page, left with gofpdf
	for _, tc := range []struct {
		left        int
		first, last bool // whether the first and the last full page are taken
	}{{1 << 30, false, false}, {0, true, true}, {first, false, true}} {
		d, n := draw(tc.left)
		if d.pages.taken(1) != tc.first || d.pages.taken(n) != tc.last {
			t.Errorf("%d bytes left: page 1 taken %v, page %d taken %v; want %v, %v", tc.left, d.pages.taken(1), n, d.pages.taken(n), tc.first, tc.last)
		}
		if tc.last && (*d.pages.buffers)[n].Len() != 0 {
			t.Errorf("%d bytes left: page %d taken but still held by gofpdf", tc.left, n)
		}
		var b bytes.Buffer
		if err := d.finish(&b); err != nil {
			t.Fatal(err)
		}
	}
}
