package pdf

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// pdfFamily is the font family name the PDF writers register the Go fonts
// under.
const pdfFamily = "go"

// pdfPlaceholder stands in for a run of characters no embedded font can
// draw (most scripts outside Latin, Greek and Cyrillic; bytes that are
// not UTF-8), so a reader sees that something was there; pdfNoEmoji for
// an emoji newer than the symbol font.
const (
	pdfPlaceholder = "[?]"
	pdfNoEmoji     = "[emoji]"
)

// pdfFaces are the TrueType faces embedded in every PDF, by gofpdf style.
var pdfFaces = []struct {
	style string
	ttf   []byte
}{
	{"", goregular.TTF},
	{"B", gobold.TTF},
	{"I", goitalic.TTF},
}

// pdfParsed holds the parsed faces, to look up which runes they can draw.
var pdfParsed = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var fonts []*sfnt.Font
	for _, face := range pdfFaces {
		f, err := sfnt.Parse(face.ttf)
		if err != nil {
			return nil, fmt.Errorf("parse embedded Go font %q: %w", face.style, err)
		}
		fonts = append(fonts, f)
	}
	return fonts, nil
})

// pdfCleaner makes outside text safe to draw with the embedded fonts. It is
// not safe for concurrent use; each document has its own.
type pdfCleaner struct {
	fonts   []*sfnt.Font
	symbols *pdfSymbols // the symbol font, once text needs it
	buf     sfnt.Buffer
	known   map[rune]bool
	// latin1 caches drawable for the first 256 runes, which nearly all
	// Swedish and English text is made of, without a map look-up:
	// 0 not yet asked, 1 drawable, 2 not.
	latin1 [256]uint8
}

func newPDFCleaner() (*pdfCleaner, error) {
	fonts, err := pdfParsed()
	if err != nil {
		return nil, err
	}
	return &pdfCleaner{fonts: fonts, known: map[rune]bool{}}, nil
}

// drawable reports whether every embedded face has a glyph for r. gofpdf
// writes characters as 16-bit codes, so runes beyond the BMP never are.
func (c *pdfCleaner) drawable(r rune) bool {
	if r >= 0 && r < 256 {
		if c.latin1[r] == 0 {
			c.latin1[r] = 2
			if c.lookUp(r) {
				c.latin1[r] = 1
			}
		}
		return c.latin1[r] == 1
	}
	if ok, seen := c.known[r]; seen {
		return ok
	}
	ok := c.lookUp(r)
	c.known[r] = ok
	return ok
}

// lookUp asks the fonts whether every face can draw r. The private-use
// codes are the symbol font's (pdfSymbolCode), never the Go fonts'.
func (c *pdfCleaner) lookUp(r rune) bool {
	ok := r > 0 && r <= 0xFFFF && (r < pdfPUAFirst || r > pdfPUALast)
	for _, f := range c.fonts {
		if !ok {
			break
		}
		g, err := f.GlyphIndex(&c.buf, r)
		ok = err == nil && g != 0
	}
	return ok
}

// clean returns s as one line the fonts can draw: composed (NFC), with
// line breaks, tabs and other whitespace as plain spaces, control and
// invisible format characters removed, characters only the symbol font
// has written as its codes (pdfSymbolCode), a character with a plain
// equivalent the Go fonts draw (bold mathematical letters, full-width
// forms) as that, and every run of characters no font has (or bytes that
// are not UTF-8) as one readable placeholder. Clean text stays as it is:
// cleaning twice is cleaning once.
func (c *pdfCleaner) clean(s string) string {
	if c.asIs(s) {
		return s
	}
	return c.rebuild(s)
}

// rebuild is clean for text that needs changing.
func (c *pdfCleaner) rebuild(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	missing := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			r = ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
			continue
		case r >= 0x1F3FB && r <= 0x1F3FF:
			// A skin tone modifies the emoji before it; a monochrome
			// font draws it as a swatch of its own.
			continue
		}
		if r == utf8.RuneError {
			if !missing {
				b.WriteString(pdfPlaceholder)
			}
			missing = true
			continue
		}
		if c.drawable(r) {
			b.WriteRune(r)
			missing = false
			continue
		}
		if c.symbol(r) {
			b.WriteRune(pdfSymbolCode(r))
			missing = false
			continue
		}
		if plain := norm.NFKC.String(string(r)); plain != string(r) && c.asIs(plain) {
			b.WriteString(plain)
			missing = false
			continue
		}
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Sk, r) || missing {
			// A mark or modifier belongs to the character before it.
			continue
		}
		if r >= pdfEmojiFirst && r <= pdfEmojiLast || unicode.Is(unicode.So, r) {
			b.WriteString(pdfNoEmoji)
		} else {
			b.WriteString(pdfPlaceholder)
		}
		missing = true
	}
	return b.String()
}

// symbol reports whether the symbol font draws r (as pdfSymbolCode
// writes it). A private-use character in the text is taken as one the
// cleaner wrote, so that clean text stays clean.
func (c *pdfCleaner) symbol(r rune) bool {
	if c.symbols == nil {
		sym, err := pdfSymbolFont()
		if err != nil {
			return false
		}
		c.symbols = sym
	}
	return c.symbols.has[pdfSymbolCode(r)]
}

// asIs reports whether clean would return s unchanged: it is composed
// (NFC) and every character is one the fonts draw and clean keeps. Most
// of what a report draws (labels, names, dates, counts) is, and checking
// costs no allocation, where cleaning builds a new string.
func (c *pdfCleaner) asIs(s string) bool {
	for _, r := range s {
		switch {
		case r == ' ':
			continue
		case r < utf8.RuneSelf:
			if r < 0x20 || r == 0x7F || !c.drawable(r) {
				return false
			}
		case r == utf8.RuneError, unicode.IsSpace(r), unicode.IsControl(r),
			unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
			return false
		case !c.drawable(r) && (r > 0xFFFF || !c.symbol(r)):
			// Up to U+FFFF the symbol font's code is the character
			// itself (or, in the private-use area, one clean wrote).
			return false
		}
	}
	return norm.NFC.IsNormalString(s)
}

// pdfMaxText is the most characters one field or list item shows: scraped
// text can be a whole page, and a report is read by people.
const pdfMaxText = 1000

// pdfShorten cuts s to at most n characters, marking the cut.
func pdfShorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-2]) + " …"
}
