package pdf

import (
	"math"
	"strings"
)

// Table metrics, in millimetres and points.
const (
	pdfTableSize  = 8.5 // body font size
	pdfTableHead  = 8.0 // header font size
	pdfTableLine  = 4.0 // line height
	pdfTablePadY  = 1.3 // space above and below a row's text
	pdfTableSpace = 3.0 // space after a table
)

// pdfCol is a table column: its header, its share of the text width and
// its alignment ("L" or "R").
type pdfCol struct {
	title  string
	weight float64
	align  string
}

// pdfCell is one table cell; a zero colour means the ink colour.
type pdfCell struct {
	text  string
	bold  bool
	color pdfRGB
}

// pdfRow is one table row.
type pdfRow []pdfCell

// pdfCells makes a row of plain cells.
func pdfCells(texts ...string) pdfRow {
	row := make(pdfRow, len(texts))
	for i, s := range texts {
		row[i] = pdfCell{text: s}
	}
	return row
}

// pdfLaidRow is a row wrapped to its column widths.
type pdfLaidRow struct {
	cells  pdfRow
	lines  [][]string
	height float64
}

// table draws rows under a header row that is repeated on every page the
// table continues on. Cells wrap; a row never breaks across pages, and a
// row too tall for a whole page is cut with an ellipsis.
func (d *pdfDoc) table(cols []pdfCol, rows []pdfRow) {
	widths := d.columnWidths(cols, rows)
	head := make(pdfRow, len(cols))
	for i, c := range cols {
		head[i] = pdfCell{text: c.title, bold: true, color: pdfWhite}
	}
	d.font("", pdfTableHead, pdfInk)
	header := d.layRow(head, widths, 0)
	_, pageH := d.f.GetPageSize()
	maxLines := int(math.Floor((pageH - pdfBottom - pdfTop - header.height - 2*pdfTablePadY) / pdfTableLine))
	d.font("", pdfTableSize, pdfInk)
	laid := make([]pdfLaidRow, len(rows))
	for i, row := range rows {
		laid[i] = d.layRow(row, widths, maxLines)
	}
	first := 0.0
	if len(laid) > 0 {
		first = laid[0].height
	}
	d.need(header.height + first)
	d.begin("Table")
	defer d.end()
	d.drawRow(cols, widths, header, pdfHeaderStyle)
	for i, row := range laid {
		if d.room() < row.height {
			d.f.AddPage()
			// The header again, for the eye: a reader has it once.
			d.artifact = true
			d.drawRow(cols, widths, header, pdfHeaderStyle)
			d.artifact = false
		}
		style := pdfPlainStyle
		if i%2 == 1 {
			style = pdfZebraStyle
		}
		d.drawRow(cols, widths, row, style)
	}
	d.f.Ln(pdfTableSpace)
}

// columnWidths shares the text width among the columns by weight, then
// widens any column too narrow for the longest word in it, header or
// cell: a word broken inside ("Godkänd" over "a") reads as two. The room
// comes from the columns wider than their own words need, in proportion
// to what they can spare; when there is not enough, the weights stand.
func (d *pdfDoc) columnWidths(cols []pdfCol, rows []pdfRow) []float64 {
	total := 0.0
	for _, c := range cols {
		total += c.weight
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = d.width() * c.weight / total
	}
	size, _ := d.f.GetFontSize()
	defer d.setFont("", size)
	need := make([]float64, len(cols))
	longest := func(i int, text, style string, size float64) {
		d.setFont(style, size)
		for _, word := range strings.Fields(d.clean.clean(pdfShorten(text, pdfMaxText))) {
			need[i] = max(need[i], d.measure(word)+2*d.f.GetCellMargin()+0.1)
		}
	}
	for i, c := range cols {
		longest(i, c.title, "B", pdfTableHead)
	}
	for _, row := range rows {
		for i, c := range row {
			if i < len(cols) {
				style := ""
				if c.bold {
					style = "B"
				}
				longest(i, c.text, style, pdfTableSize)
			}
		}
	}
	deficit, slack := 0.0, 0.0
	for i := range widths {
		if widths[i] < need[i] {
			deficit += need[i] - widths[i]
		} else {
			slack += widths[i] - need[i]
		}
	}
	if deficit == 0 || slack < deficit {
		return widths
	}
	for i := range widths {
		if widths[i] < need[i] {
			widths[i] = need[i]
		} else {
			widths[i] -= deficit * (widths[i] - need[i]) / slack
		}
	}
	return widths
}

// layRow wraps each cell at the current font size; maxLines > 0 cuts a
// cell that would not fit on one page.
func (d *pdfDoc) layRow(row pdfRow, widths []float64, maxLines int) pdfLaidRow {
	laid := pdfLaidRow{cells: row, lines: make([][]string, len(widths))}
	most := 1
	for i := range widths {
		var c pdfCell
		if i < len(row) {
			c = row[i]
		}
		style := ""
		if c.bold {
			style = "B"
		}
		lines := d.split(pdfShorten(c.text, pdfMaxText), widths[i], style)
		if maxLines > 0 && len(lines) > maxLines {
			lines = append(lines[:maxLines-1:maxLines-1], lines[maxLines-1]+" …")
		}
		laid.lines[i] = lines
		most = max(most, len(lines))
	}
	laid.height = float64(most)*pdfTableLine + 2*pdfTablePadY
	return laid
}

// pdfRowStyle is how a row is filled and lettered.
type pdfRowStyle struct {
	fill *pdfRGB
	size float64
}

var (
	pdfHeaderStyle = pdfRowStyle{fill: &pdfAccent, size: pdfTableHead}
	pdfPlainStyle  = pdfRowStyle{size: pdfTableSize}
	pdfZebraStyle  = pdfRowStyle{fill: &pdfZebra, size: pdfTableSize}
)

// drawRow draws a laid-out row at the current position and moves below it.
func (d *pdfDoc) drawRow(cols []pdfCol, widths []float64, row pdfLaidRow, style pdfRowStyle) {
	f := d.f
	x0, y0 := pdfMargin, f.GetY()
	if style.fill != nil {
		f.SetFillColor(style.fill.r, style.fill.g, style.fill.b)
		f.Rect(x0, y0, d.width(), row.height, "F")
	}
	x := x0
	d.begin("TR")
	defer d.end()
	cellRole := "TD"
	if style == pdfHeaderStyle {
		cellRole = "TH"
	}
	for i, w := range widths {
		var c pdfCell
		if i < len(row.cells) {
			c = row.cells[i]
		}
		fontStyle, color := "", c.color
		if c.bold {
			fontStyle = "B"
		}
		if color == (pdfRGB{}) {
			color = pdfInk
		}
		d.font(fontStyle, style.size, color)
		d.begin(cellRole)
		for k, line := range row.lines[i] {
			f.SetXY(x, y0+pdfTablePadY+float64(k)*pdfTableLine)
			d.text(w, pdfTableLine, line, cols[i].align, 0, "")
		}
		d.end()
		x += w
	}
	d.f.SetDrawColor(pdfLine.r, pdfLine.g, pdfLine.b)
	d.f.SetLineWidth(0.2)
	d.f.Line(x0, y0+row.height, x0+d.width(), y0+row.height)
	f.SetXY(x0, y0+row.height)
}
