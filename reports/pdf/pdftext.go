package pdf

// Drawing text that mixes the Go fonts with the symbol font: the cleaner
// leaves in a string only characters the Go fonts draw and characters
// (as pdfSymbolCode writes them) the symbol font draws, so a string is
// drawn run by run, each run in its font.

// setFont selects family pdfFamily in style at size points, remembering
// the style for runs drawn in the symbol font and back.
func (d *pdfDoc) setFont(style string, size float64) {
	d.style = style
	d.f.SetFont(pdfFamily, style, size)
}

// symbolic reports whether s has a character only the symbol font draws.
func (d *pdfDoc) symbolic(s string) bool {
	for _, r := range s {
		if r >= 0x80 && !d.clean.drawable(r) {
			return true
		}
	}
	return false
}

// runs calls fn for each run of s in one font, in order.
func (d *pdfDoc) runs(s string, fn func(run string, symbol bool)) {
	start, symbol := 0, false
	for i, r := range s {
		sym := r >= 0x80 && !d.clean.drawable(r)
		if i > start && sym != symbol {
			fn(s[start:i], symbol)
			start = i
		}
		symbol = sym
	}
	if start < len(s) {
		fn(s[start:], symbol)
	}
}

// useSymbolFont selects the symbol font at size, registering it with the
// document the first time: a document without symbols carries none of it.
func (d *pdfDoc) useSymbolFont(size float64) {
	if !d.symbolAdded {
		d.symbolAdded = true
		sym, err := pdfSymbolFont()
		if err != nil {
			d.f.SetError(err)
			return
		}
		// Shared by every document: gofpdf writes nothing into these
		// bytes (pdfsymbolfile.go).
		d.f.AddUTF8FontFromBytes(pdfSymbolFamily, "", sym.ttf)
	}
	d.f.SetFont(pdfSymbolFamily, "", size)
}

// measure is the width of cleaned text s in the current font, its
// symbols in the symbol font.
func (d *pdfDoc) measure(s string) float64 {
	if !d.symbolic(s) {
		return d.f.GetStringWidth(s)
	}
	size, _ := d.f.GetFontSize()
	style := d.style
	w := 0.0
	d.runs(s, func(run string, symbol bool) {
		if symbol {
			d.useSymbolFont(size)
		} else {
			d.f.SetFont(pdfFamily, style, size)
		}
		w += d.f.GetStringWidth(run)
	})
	d.setFont(style, size)
	return w
}

// text draws cleaned text s as gofpdf's CellFormat does (a cell of width
// w, 0 for up to the right margin, and height h, aligned "L", "C" or "R",
// then moving as ln says: 0 right, 1 to the next line's left margin, 2
// below), drawing symbols in the symbol font; a link covers each run.
func (d *pdfDoc) text(w, h float64, s, align string, ln int, link string) {
	// Only plain text carries links (pdfLinkable): one annotation each.
	d.linked = link != "" && !d.inFrame && !d.artifact
	d.mark(func() { d.drawText(w, h, s, align, ln, link) })
	d.linked = false
}

// drawText is text without its marking.
func (d *pdfDoc) drawText(w, h float64, s, align string, ln int, link string) {
	f := d.f
	if !d.symbolic(s) {
		f.CellFormat(w, h, s, "", ln, align, false, 0, link)
		return
	}
	if w == 0 {
		pageW, _ := f.GetPageSize()
		_, _, right, _ := f.GetMargins()
		w = pageW - right - f.GetX()
	}
	if !d.inFrame && d.room() < h {
		// What CellFormat would do: the cell goes on the next page.
		x := f.GetX()
		f.AddPage()
		f.SetX(x)
	}
	x0, y0 := f.GetXY()
	m := f.GetCellMargin()
	size, _ := f.GetFontSize()
	style := d.style
	total := d.measure(s)
	x := x0 + m
	switch align {
	case "R":
		x = x0 + w - m - total
	case "C":
		x = x0 + (w-total)/2
	}
	f.SetCellMargin(0)
	d.runs(s, func(run string, symbol bool) {
		if symbol {
			d.useSymbolFont(size)
		} else {
			f.SetFont(pdfFamily, style, size)
		}
		rw := f.GetStringWidth(run)
		f.SetXY(x, y0)
		f.CellFormat(rw, h, run, "", 0, "L", false, 0, link)
		x += rw
	})
	f.SetCellMargin(m)
	d.setFont(style, size)
	switch ln {
	case 0:
		f.SetXY(x0+w, y0)
	case 1:
		left, _, _, _ := f.GetMargins()
		f.SetXY(left, y0+h)
	default:
		f.SetXY(x0, y0+h)
	}
}
