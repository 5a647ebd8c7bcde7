package pdf

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestPDFSymbolFontMapsEmojiToTheirGlyphs checks the rebuilt character
// map against Symbola's own: every emoji's private-use code and every
// symbol up to U+FFFF the Go fonts lack reach the glyph the original
// maps them to.
func TestPDFSymbolFontMapsEmojiToTheirGlyphs(t *testing.T) {
	sym, err := pdfSymbolFont()
	if err != nil {
		t.Fatal(err)
	}
	orig, err := sfnt.Parse(pdfSymbolTTF)
	if err != nil {
		t.Fatal(err)
	}
	rebuilt, err := sfnt.Parse(sym.ttf)
	if err != nil {
		t.Fatalf("the rebuilt font does not parse: %v", err)
	}
	var buf sfnt.Buffer
	for _, r := range "🎉📚👩💻❤✔☎♻🇸🇪😀🌳" {
		want, err := orig.GlyphIndex(&buf, r)
		if err != nil || want == 0 {
			t.Fatalf("Symbola lacks %q: the sample is wrong", r)
		}
		got, err := rebuilt.GlyphIndex(&buf, pdfSymbolCode(r))
		if err != nil || got != want {
			t.Errorf("%q (code %U): glyph %d, want %d (%v)", r, pdfSymbolCode(r), got, want, err)
		}
		if !sym.has[pdfSymbolCode(r)] {
			t.Errorf("%q is not listed as drawable", r)
		}
	}
	if g, _ := rebuilt.GlyphIndex(&buf, 0x1F389); g != 0 {
		t.Errorf("the rebuilt map still maps U+1F389 beyond the 16-bit range")
	}
}

// TestPDFSymbolFontOnlyWhenUsed checks that a document embeds the symbol
// font only when its text has a symbol, and reads its emoji back.
func TestPDFSymbolFontOnlyWhenUsed(t *testing.T) {
	r := sampleReport("sv")
	var b bytes.Buffer
	if err := WriteOverviewPDF(&b, r); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), []byte("/BaseFont /utf8symbol")) {
		t.Errorf("the overview has no symbol yet embeds the symbol font")
	}
	name := r.Administrations[0].Name + " 🎭"
	r.Administrations[0].Name = name
	b.Reset()
	if err := WriteOverviewPDF(&b, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("/BaseFont /utf8symbol")) {
		t.Fatalf("an account name with an emoji did not bring the symbol font")
	}
	if text := pdfText(t, b.Bytes()); !strings.Contains(text, name) {
		t.Errorf("the emoji does not read back:\n%s", text)
	}
}
