package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// pdfRenderGofpdf renders every PDF of r with gofpdf compressing the
// pages itself, as the writers did before pdfPageDeflater.
func pdfRenderGofpdf(t *testing.T, r *model.Report) map[string][]byte {
	t.Helper()
	pdfGofpdfDeflates = true
	defer func() { pdfGofpdfDeflates = false }()
	return pdfRender(t, r)
}

func TestPDFPageDeflaterMatchesGofpdf(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		r := pdfStressReport(lang)
		want := pdfRenderGofpdf(t, r)
		got := pdfShared(t, "stress "+lang)
		if len(got) != len(want) || len(got) < 2 {
			t.Fatalf("%s: %d documents, gofpdf %d", lang, len(got), len(want))
		}
		for name, pdf := range got {
			if !bytes.Equal(pdf, want[name]) {
				t.Errorf("%s/%s: %d bytes differ from gofpdf's own compression (%d bytes)", lang, name, len(pdf), len(want[name]))
			}
			if n := bytes.Count(pdf, []byte("/Filter /FlateDecode /Length")); n < 2 {
				t.Errorf("%s/%s: %d deflated page streams", lang, name, n)
			}
		}
	}
}

// An uncompressed document in parts (not gofpdf's single Write) comes out
// the same as in one piece.
func TestPDFPageDeflaterInParts(t *testing.T) {
	raw := pdfUncompressed(t)
	var whole, parts bytes.Buffer
	if err := deflatePDFPages(&whole, raw, nil); err != nil {
		t.Fatal(err)
	}
	d := &pdfPageDeflater{w: &parts}
	for p := raw; len(p) > 0; p = p[min(len(p), 1000):] {
		if _, err := d.Write(p[:min(len(p), 1000)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole.Bytes(), parts.Bytes()) {
		t.Fatal("written in parts, the document differs")
	}
	if whole.Len() >= len(raw) {
		t.Fatalf("deflated %d bytes, uncompressed %d", whole.Len(), len(raw))
	}
	// The page streams inflate to what gofpdf drew.
	i := bytes.Index(whole.Bytes(), []byte("/Filter /FlateDecode /Length"))
	s := whole.Bytes()[i:]
	s = s[bytes.Index(s, []byte("stream\n"))+len("stream\n"):]
	zr, err := zlib.NewReader(bytes.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, page) || !bytes.Contains(page, []byte(")Tj")) {
		t.Fatalf("page stream inflates to %d bytes not in the drawn document", len(page))
	}
}

// Anything not laid out as gofpdf writes is refused, not passed on.
func TestPDFPageDeflaterRefusesOtherLayouts(t *testing.T) {
	raw := pdfUncompressed(t)
	for name, pdf := range map[string][]byte{
		"no xref":      bytes.Replace(raw, []byte("startxref"), []byte("startxrf"), 1),
		"truncated":    raw[:len(raw)/2],
		"bad length":   []byte(strings.Replace(string(raw), "<</Length ", "<</Length 9", 1)),
		"empty":        nil,
		"xref garbled": bytes.Replace(raw, []byte(" 00000 n \n"), []byte(" 00001 n \n"), 1),
	} {
		if err := deflatePDFPages(io.Discard, pdf, nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// pdfUncompressed is the sample administration's PDF as gofpdf writes it
// with compression off.
func pdfUncompressed(t *testing.T) []byte {
	t.Helper()
	r := pdfStressReport("sv")
	d, err := newPDFDoc(r, "test")
	if err != nil {
		t.Fatal(err)
	}
	d.pages = nil // the pages stay with gofpdf
	d.heading("Rubrik")
	for i := 0; i < 200; i++ {
		d.field("Fält", "https://example.org/ett/långt/värde")
	}
	var b bytes.Buffer
	if err := d.f.Output(&b); err != nil {
		t.Fatal(err)
	}
	if bytes.Count(b.Bytes(), []byte("<</Type /Page\n")) < 2 {
		t.Fatal("want several pages")
	}
	return b.Bytes()
}
