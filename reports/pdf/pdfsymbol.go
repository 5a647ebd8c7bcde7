package pdf

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"sort"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Account names and post texts carry emoji and symbols (❤️, 🎉, →) the Go
// fonts lack. The PDFs draw them with Symbola, a monochrome symbol font
// whose licence allows redistribution (fonts/README.md), switching font
// for each run of such characters (pdftext.go).
//
// gofpdf reads only a font's 16-bit character map and writes every
// character as a 16-bit code, so it cannot reach the emoji beyond U+FFFF
// (most of them). pdfSymbolFont therefore rebuilds Symbola's character
// map: its characters up to U+FFFF as they are, and the emoji block
// U+1F000–U+1FAFF moved to the private-use codes U+E000–U+EAFF, which
// the cleaner writes in their place (pdfSymbolCode).

//go:embed fonts/Symbola.ttf
var pdfSymbolTTF []byte

// pdfSymbolFamily is the family name the symbol font is registered under.
const pdfSymbolFamily = "symbol"

// The emoji block moved into the private-use area, and where it goes.
const (
	pdfEmojiFirst = 0x1F000
	pdfEmojiLast  = 0x1FAFF
	pdfEmojiCode  = 0xE000
	pdfPUAFirst   = 0xE000
	pdfPUALast    = 0xF8FF
)

// pdfSymbols is the symbol font ready for gofpdf, and what it draws.
type pdfSymbols struct {
	ttf []byte        // Symbola with the rebuilt character map
	has map[rune]bool // codes (pdfSymbolCode) it has a glyph for
}

// pdfSymbolFont parses Symbola once and rebuilds its character map.
var pdfSymbolFont = sync.OnceValues(func() (*pdfSymbols, error) {
	f, err := sfnt.Parse(pdfSymbolTTF)
	if err != nil {
		return nil, fmt.Errorf("parse the symbol font: %w", err)
	}
	var buf sfnt.Buffer
	glyphs := map[rune]uint16{} // code in the rebuilt map -> glyph
	has := map[rune]bool{}
	add := func(r rune) {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			return
		}
		glyphs[pdfSymbolCode(r)] = uint16(g)
		has[pdfSymbolCode(r)] = true
	}
	// Up to U+FFFF only what the Go fonts lack: a smaller map is less for
	// gofpdf to parse in every document that draws a symbol.
	text, err := newPDFCleaner()
	if err != nil {
		return nil, err
	}
	for r := rune(0x20); r <= 0xFFFD; r++ {
		if (r < 0xD800 || r > 0xDFFF) && (r < pdfPUAFirst || r > pdfPUALast) && !text.drawable(r) {
			add(r)
		}
	}
	for r := rune(pdfEmojiFirst); r <= pdfEmojiLast; r++ {
		add(r)
	}
	ttf, err := pdfSymbolFile(pdfSymbolTTF, pdfCmap4(glyphs))
	if err != nil {
		return nil, fmt.Errorf("symbol font: %w", err)
	}
	return &pdfSymbols{ttf: ttf, has: has}, nil
})

// pdfSymbolCode is the code the symbol font draws r under.
func pdfSymbolCode(r rune) rune {
	if r >= pdfEmojiFirst && r <= pdfEmojiLast {
		return pdfEmojiCode + r - pdfEmojiFirst
	}
	return r
}

// pdfCmap4 builds a character map table with one format 4 subtable
// (Windows, Unicode BMP) mapping each code to its glyph: one segment per
// run of consecutive codes, its glyphs listed in the glyph array.
func pdfCmap4(glyphs map[rune]uint16) []byte {
	codes := make([]int, 0, len(glyphs))
	for r := range glyphs {
		codes = append(codes, int(r))
	}
	sort.Ints(codes)
	type segment struct{ start, end int }
	var segs []segment
	for _, c := range codes {
		if n := len(segs); n > 0 && segs[n-1].end == c-1 {
			segs[n-1].end = c
		} else {
			segs = append(segs, segment{c, c})
		}
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF}) // the required last segment
	n := len(segs)
	u16 := func(b []byte, v int) []byte { return binary.BigEndian.AppendUint16(b, uint16(v)) }
	search := 1
	for search*2 <= n {
		search *= 2
	}
	entry := 0
	for 1<<(entry+1) <= n {
		entry++
	}
	sub := u16(u16(u16(nil, 4), 0), 0) // format, length (set below), language
	sub = u16(u16(u16(u16(sub, 2*n), 2*search), entry), 2*n-2*search)
	for _, s := range segs {
		sub = u16(sub, s.end)
	}
	sub = u16(sub, 0) // reserved pad
	for _, s := range segs {
		sub = u16(sub, s.start)
	}
	for i := range segs {
		delta := 0
		if i == n-1 {
			delta = 1 // 0xFFFF maps to glyph 0
		}
		sub = u16(sub, delta)
	}
	var array []byte
	for i, s := range segs {
		if i == n-1 {
			sub = u16(sub, 0)
			continue
		}
		// The offset from this idRangeOffset entry to the segment's first
		// glyph in the array that follows the entries.
		sub = u16(sub, 2*(n-i)+len(array))
		for c := s.start; c <= s.end; c++ {
			array = u16(array, int(glyphs[rune(c)]))
		}
	}
	sub = append(sub, array...)
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	head := u16(u16(nil, 0), 1)                                    // version, one subtable
	head = binary.BigEndian.AppendUint32(u16(u16(head, 3), 1), 12) // Windows, Unicode BMP, at 12
	return append(head, sub...)
}
