package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestPDFSymbolFontShared draws every glyph the symbol font has in two
// documents at once from the one copy of its bytes: gofpdf must leave
// them as they were (under -race, any write into them is a race too),
// and both documents come out the same.
func TestPDFSymbolFontShared(t *testing.T) {
	sym, err := pdfSymbolFont()
	if err != nil {
		t.Fatal(err)
	}
	before := sha256.Sum256(sym.ttf)
	var text strings.Builder
	for r := rune(0x20); r <= pdfEmojiLast; r++ {
		if (r <= 0xFFFD || r >= pdfEmojiFirst) && (r < pdfPUAFirst || r > pdfPUALast) && sym.has[pdfSymbolCode(r)] {
			text.WriteRune(r)
		}
	}
	if n := text.Len(); n < 10000 {
		t.Fatalf("only %d bytes of symbols to draw", n)
	}
	docs := make([][]byte, 2)
	var wg sync.WaitGroup
	for i := range docs {
		wg.Go(func() {
			d, err := newPDFDoc(sampleReport("sv"), "symboler")
			if err != nil {
				t.Error(err)
				return
			}
			d.para(text.String(), "", pdfBodySize, pdfInk)
			var b bytes.Buffer
			if err := d.finish(&b); err != nil {
				t.Error(err)
			}
			docs[i] = b.Bytes()
		})
	}
	wg.Wait()
	if sha256.Sum256(sym.ttf) != before {
		t.Fatal("drawing changed the shared symbol font's bytes")
	}
	if !bytes.Contains(docs[0], []byte("/BaseFont /utf8symbol")) || !bytes.Equal(docs[0], docs[1]) {
		t.Errorf("the two documents differ or lack the symbol font (%d and %d bytes)", len(docs[0]), len(docs[1]))
	}
}

// TestPDFSymbolFileLayout checks what sharing the font rests on: a full
// metric for every glyph, with the advances Symbola's own readers give,
// and the only table gofpdf could pad in place at the end of the bytes.
func TestPDFSymbolFileLayout(t *testing.T) {
	sym, err := pdfSymbolFont()
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pdfTables(sym.ttf)
	if err != nil {
		t.Fatal(err)
	}
	end := 0
	for tag, data := range tables {
		at := cap(sym.ttf) - cap(data) // offset of the table in the file
		end = max(end, at+len(data))
		if len(data)%4 != 0 && pdfGofpdfCopied[tag] && at+len(data) != cap(sym.ttf) {
			t.Errorf("table %q of %d bytes is not the last, so gofpdf pads it in place", tag, len(data))
		}
	}
	if end != len(sym.ttf) || len(sym.ttf) != cap(sym.ttf) {
		t.Errorf("the last table ends at %d of %d bytes (capacity %d)", end, len(sym.ttf), cap(sym.ttf))
	}
	glyphs := binary.BigEndian.Uint16(tables["maxp"][4:])
	if full := binary.BigEndian.Uint16(tables["hhea"][34:]); full != glyphs || len(tables["hmtx"]) != 4*int(glyphs) {
		t.Fatalf("%d full metrics in %d bytes for %d glyphs", full, len(tables["hmtx"]), glyphs)
	}
	orig, err := sfnt.Parse(pdfSymbolTTF)
	if err != nil {
		t.Fatal(err)
	}
	rebuilt, err := sfnt.Parse(sym.ttf)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	ppem := fixed.I(1000)
	for g := sfnt.GlyphIndex(0); int(g) < orig.NumGlyphs(); g++ {
		want, err1 := orig.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		got, err2 := rebuilt.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if err1 != nil || err2 != nil || got != want {
			t.Fatalf("glyph %d: advance %v, Symbola's %v (%v, %v)", g, got, want, err2, err1)
		}
	}
}
