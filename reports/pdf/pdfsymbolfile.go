package pdf

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// Every document that draws a symbol registers the symbol font with
// gofpdf, which keeps the bytes it is given for the document's life. A
// copy for each (3 MB of Symbola) is what gofpdf's writes into those bytes
// would otherwise need; pdfSymbolFile lays the font out so that gofpdf
// writes nothing into it, and all documents share one copy. gofpdf
// writes into a font's bytes in two places, both by appending to a slice
// of them:
//   - the horizontal metrics of a glyph past the font's last full metric
//     (hhea's numberOfHMetrics), read as two pieces: the file carries a
//     full metric for every glyph instead, with the same advance and side
//     bearing, so that piece is never read;
//   - the zero padding of a table whose length is not a multiple of four,
//     when it checksums one it copies as it is (name, cvt, fpgm, prep,
//     gasp, OS/2): such a table must be the file's last, which ends with
//     it, so the append takes fresh memory.
// What gofpdf embeds is the same either way: the advances, side
// bearings and tables it reads are unchanged, which the PDF goldens
// and TestPDFSymbolFontShared check.

// pdfGofpdfCopied are the tables gofpdf checksums without copying them.
var pdfGofpdfCopied = map[string]bool{"name": true, "cvt ": true, "fpgm": true, "prep": true, "gasp": true, "OS/2": true}

// pdfSymbolFile returns the TrueType font ttf with its character map
// table replaced by cmap and its horizontal metrics in full, its tables
// laid out anew, four-byte aligned with their checksums, but the last
// unpadded: bytes gofpdf can share between documents.
func pdfSymbolFile(ttf, cmap []byte) ([]byte, error) {
	tables, err := pdfTables(ttf)
	if err != nil {
		return nil, err
	}
	if err := pdfFullMetrics(tables); err != nil {
		return nil, err
	}
	tables["cmap"] = cmap
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	size := 12 + 16*len(tags)
	for i, tag := range tags {
		n := len(tables[tag])
		if i < len(tags)-1 {
			if n%4 != 0 && pdfGofpdfCopied[tag] {
				return nil, fmt.Errorf("table %q: %d bytes, not a multiple of four, and not the last", tag, n)
			}
			n = (n + 3) &^ 3
		}
		size += n
	}
	out := make([]byte, 0, size) // of its size: the last table ends the slice
	out = append(out, ttf[:12]...)
	off := 12 + 16*len(tags)
	for _, tag := range tags {
		data := tables[tag]
		out = append(out, tag...)
		out = binary.BigEndian.AppendUint32(out, pdfTableSum(data))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		off += (len(data) + 3) &^ 3
	}
	for i, tag := range tags {
		out = append(out, tables[tag]...)
		for i < len(tags)-1 && len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if len(out) != cap(out) {
		return nil, fmt.Errorf("symbol font laid out in %d bytes, %d planned", len(out), cap(out))
	}
	return out, nil
}

// pdfTables reads the table directory of the TrueType font ttf: each
// table's bytes by tag, as slices of ttf.
func pdfTables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, fmt.Errorf("not a TrueType font")
	}
	numTables := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*numTables {
		return nil, fmt.Errorf("truncated table directory")
	}
	tables := map[string][]byte{}
	for i := 0; i < numTables; i++ {
		rec := ttf[12+16*i:]
		tag := string(rec[:4])
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(ttf) {
			return nil, fmt.Errorf("table %q out of the file", tag)
		}
		tables[tag] = ttf[off : off+length]
	}
	return tables, nil
}

// pdfFullMetrics rewrites the hmtx and hhea tables so that every glyph
// has a full horizontal metric: a glyph past numberOfHMetrics takes the
// last full metric's advance, as the font's readers give it, and its own
// side bearing.
func pdfFullMetrics(tables map[string][]byte) error {
	hhea, hmtx, maxp := tables["hhea"], tables["hmtx"], tables["maxp"]
	if len(hhea) < 36 || len(maxp) < 6 {
		return fmt.Errorf("hhea or maxp table too short")
	}
	full := int(binary.BigEndian.Uint16(hhea[34:]))
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if full < 1 || full > glyphs || len(hmtx) < 4*full+2*(glyphs-full) {
		return fmt.Errorf("hmtx table: %d bytes for %d glyphs, %d full metrics", len(hmtx), glyphs, full)
	}
	metrics := make([]byte, 0, 4*glyphs)
	metrics = append(metrics, hmtx[:4*full]...)
	advance := hmtx[4*(full-1) : 4*(full-1)+2]
	for g := full; g < glyphs; g++ {
		bearing := 4*full + 2*(g-full)
		metrics = append(append(metrics, advance...), hmtx[bearing:bearing+2]...)
	}
	tables["hmtx"] = metrics
	tables["hhea"] = binary.BigEndian.AppendUint16(append([]byte(nil), hhea[:34]...), uint16(glyphs))
	tables["hhea"] = append(tables["hhea"], hhea[36:]...)
	return nil
}

// pdfTableSum is a TrueType table checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func pdfTableSum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
