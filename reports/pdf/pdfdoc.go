package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// Page geometry of every PDF, in millimetres (A4 portrait).
const (
	pdfMargin       = 18.0 // left and right
	pdfTop          = 22.0 // content starts below the page header
	pdfBottom       = 18.0 // content ends above the page footer
	pdfBodySize     = 9.5  // points
	pdfBodyLine     = 4.6  // line height of body text
	pdfSectionSpace = 6.0  // space before a section heading
	// pdfKeepWithHeading is the room a heading needs below it: itself and
	// the first lines of what it heads.
	pdfKeepWithHeading = 30.0
)

// pdfRGB is a colour.
type pdfRGB struct{ r, g, b int }

// The palette: dark ink on white, one accent, and a colour per status.
var (
	pdfInk    = pdfRGB{33, 37, 41}
	pdfMuted  = pdfRGB{90, 96, 104}
	pdfAccent = pdfRGB{0, 72, 128}
	pdfZebra  = pdfRGB{243, 245, 248}
	pdfLine   = pdfRGB{200, 205, 212}
	pdfWhite  = pdfRGB{255, 255, 255}
)

// pdfStatusStyle is how a status is shown: a badge's fill and text colour,
// and a light tint for larger areas.
type pdfStatusStyle struct{ fill, text, tint pdfRGB }

var pdfStatusStyles = map[rules.Status]pdfStatusStyle{
	rules.Pass:   {fill: pdfRGB{30, 120, 50}, text: pdfWhite, tint: pdfRGB{226, 242, 230}},
	rules.Fail:   {fill: pdfRGB{190, 38, 38}, text: pdfWhite, tint: pdfRGB{250, 228, 228}},
	rules.Manual: {fill: pdfRGB{240, 168, 0}, text: pdfRGB{50, 36, 0}, tint: pdfRGB{253, 241, 207}},
	rules.Error:  {fill: pdfRGB{108, 114, 124}, text: pdfWhite, tint: pdfRGB{234, 236, 239}},
	// Waived is violet: accepted by a person, neither a pass nor a failure.
	rules.Waived: {fill: pdfRGB{104, 72, 158}, text: pdfWhite, tint: pdfRGB{236, 230, 246}},
}

// pdfDoc is one PDF being written: gofpdf with the report's language, the
// embedded fonts and a text cleaner every string passes through.
type pdfDoc struct {
	f      *gofpdf.Fpdf
	lang   string
	clean  *pdfCleaner
	report *model.Report // the report drawn, for its history
	style  string        // the current font style, for runs of symbols (pdftext.go)
	// symbolAdded is set once the symbol font is registered.
	symbolAdded bool
	// inFrame is set while the page header or footer is drawn, where
	// text never breaks the page.
	inFrame bool
	// tags is the document's structure (pdftags.go); artifact marks what
	// is drawn as an artifact (a table's header repeated on a new page).
	tags     *pdfTags
	artifact bool
	// pages holds the finished pages, deflated (pdfpages.go); nil
	// leaves them with gofpdf.
	pages  *pdfPageStore
	linked bool // the text being marked carries a link
	// labelW, when wider than pdfLabelW, is the label column of the
	// fields being drawn (fieldLabels), so a block of fields with a long
	// label lines up.
	labelW float64
}

// pdfLabelW is the usual width of a field's label column, in millimetres.
const pdfLabelW = 38.0

// fieldLabels sets the label column wide enough for every label given,
// for the block of fields drawn next; fieldLabels() sets it back.
func (d *pdfDoc) fieldLabels(labels ...string) {
	d.labelW = 0
	size, _ := d.f.GetFontSize()
	style := d.style
	d.setFont("B", pdfBodySize)
	for _, l := range labels {
		d.labelW = max(d.labelW, d.measure(d.clean.clean(l))+2*d.f.GetCellMargin()+2)
	}
	d.setFont(style, size)
}

// newPDFDoc starts an A4 document whose pages carry title and the audit
// date in the header and the page number in the footer. Its bytes depend
// only on what is drawn: the dates come from the audit date and gofpdf's
// catalogs are sorted.
func newPDFDoc(r *model.Report, title string) (*pdfDoc, error) {
	c, err := newPDFCleaner()
	if err != nil {
		return nil, err
	}
	f := gofpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, lang: r.Meta.Lang, clean: c, report: r, tags: newPDFTags()}
	for _, face := range pdfFaces {
		// gofpdf pads font tables by appending to slices of the bytes it
		// is given, writing into them: each document gets its own copy,
		// so documents rendered at once never share what it writes.
		f.AddUTF8FontFromBytes(pdfFamily, face.style, bytes.Clone(face.ttf))
	}
	f.SetCatalogSort(true)
	// finish deflates the pages with pooled writers (pdfPageDeflater).
	f.SetCompression(pdfGofpdfDeflates)
	if !pdfGofpdfDeflates {
		d.pages = newPDFPageStore(f)
	}
	f.SetCreationDate(r.Meta.AsOf)
	f.SetModificationDate(r.Meta.AsOf)
	f.SetProducer("smaudit", false)
	f.SetCreator(c.clean(r.Meta.GeneratedBy), true)
	f.SetTitle(c.clean(title), true)
	f.SetAuthor(c.clean(pdfAuthor(r)), true)
	f.SetSubject(c.clean(pdfL(d.lang, "meta.subject")+" "+model.Date(r.Meta.AsOf)), true)
	f.SetMargins(pdfMargin, pdfTop, pdfMargin)
	f.SetAutoPageBreak(true, pdfBottom)
	f.SetCellMargin(1.5)
	f.AliasNbPages(pdfNbAlias)
	date := model.L(d.lang, "meta.asof") + ": " + model.Date(r.Meta.AsOf)
	f.SetHeaderFuncMode(func() {
		d.inFrame = true
		d.frameStart(false)
		d.pageHeader(title, date)
		d.frameEnd(true)
		d.inFrame = false
	}, true)
	f.SetFooterFunc(func() {
		d.inFrame = true
		d.frameStart(true)
		d.pageFooter(r.Meta.GeneratedBy)
		d.frameEnd(false)
		d.inFrame = false
		// The footer is the last drawn on a page: it is finished.
		if d.pages != nil {
			if err := d.pages.take(f.PageNo()); err != nil {
				f.SetError(err)
			}
		}
	})
	f.AddPage()
	return d, nil
}

// pdfAuthor is who the document is from: the report's sender, else the
// city.
func pdfAuthor(r *model.Report) string {
	if r.Meta.Report.Sender != "" {
		return r.Meta.Report.Sender
	}
	return "Stockholms stad"
}

// finish writes the document to w, its pages deflated as gofpdf would
// and its language in the catalog (pdfcatalog.go).
func (d *pdfDoc) finish(w io.Writer) error {
	cat := &pdfCatalogWriter{w: w, lang: d.lang, tags: d.tags}
	if pdfGofpdfDeflates {
		if err := d.f.Output(cat); err != nil {
			return err
		}
		return cat.Close()
	}
	out := &pdfPageDeflater{w: cat, store: d.pages}
	if err := d.f.Output(out); err != nil {
		return fmt.Errorf("render PDF: %w", err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("render PDF: %w", err)
	}
	// gofpdf holds every page uncompressed and the whole uncompressed
	// document (the overview's are megabytes each): let them go before
	// the catalog is rewritten, which copies the finished document again.
	d.f, d.pages = nil, nil
	if err := cat.Close(); err != nil {
		return fmt.Errorf("render PDF: %w", err)
	}
	return nil
}

func (d *pdfDoc) pageHeader(title, date string) {
	f := d.f
	pageW, _ := f.GetPageSize()
	d.font("", 8, pdfMuted)
	f.SetXY(pdfMargin, 10)
	dateW := f.GetStringWidth(date) + 4
	d.cell(pageW-2*pdfMargin-dateW, 5, title, "L")
	d.cell(dateW, 5, date, "R")
	d.hline(16, pdfLine)
}

func (d *pdfDoc) pageFooter(generatedBy string) {
	f := d.f
	pageW, pageH := f.GetPageSize()
	d.hline(pageH-13, pdfLine)
	d.font("", 8, pdfMuted)
	// Half a millimetre higher than centred, so the symbol font's deep
	// descent stays inside the print area.
	f.SetXY(pdfMargin, pageH-12.5)
	half := (pageW - 2*pdfMargin) / 2
	d.cell(half, 5, generatedBy, "L")
	d.cell(half, 5, fmt.Sprintf(pdfL(d.lang, "page"), f.PageNo(), pdfNbAlias), "R")
}

// font selects the embedded font in style ("", "B" or "I") and size
// (points) and the text colour.
func (d *pdfDoc) font(style string, size float64, c pdfRGB) {
	d.setFont(style, size)
	d.f.SetTextColor(c.r, c.g, c.b)
}

// cell draws one cleaned line at the current position and moves right.
func (d *pdfDoc) cell(w, h float64, s, align string) {
	d.text(w, h, d.clean.clean(s), align, 0, "")
}

// hline draws a thin line across the text width at y.
func (d *pdfDoc) hline(y float64, c pdfRGB) {
	pageW, _ := d.f.GetPageSize()
	d.f.SetDrawColor(c.r, c.g, c.b)
	d.f.SetLineWidth(0.2)
	d.f.Line(pdfMargin, y, pageW-pdfMargin, y)
}

// width is the text width of the page.
func (d *pdfDoc) width() float64 {
	pageW, _ := d.f.GetPageSize()
	return pageW - 2*pdfMargin
}

// room is the space left on the page above the bottom margin.
func (d *pdfDoc) room() float64 {
	_, pageH := d.f.GetPageSize()
	return pageH - pdfBottom - d.f.GetY()
}

// need starts a new page unless h millimetres are left, so a heading is
// never the last line of a page.
func (d *pdfDoc) need(h float64) {
	if d.room() < h {
		d.f.AddPage()
	}
}

// title draws the report's title block.
func (d *pdfDoc) title(lines ...string) {
	d.begin("H1")
	defer d.end()
	for i, s := range lines {
		size, c := 18.0, pdfAccent
		if i > 0 {
			size, c = 15, pdfInk
		}
		d.font("B", size, c)
		d.multi(size*0.45, s)
	}
	d.f.Ln(2)
}

// heading draws a section heading with a rule under it, on a new page
// unless the heading and the first lines under it fit: a heading is
// never the last thing on a page.
func (d *pdfDoc) heading(s string) { d.headingKeep(s, 0) }

// headingKeep is heading for a section whose first lines are taller
// than usual (an explanation and then a table's header and first row):
// extra millimetres more must fit under it.
func (d *pdfDoc) headingKeep(s string, extra float64) {
	d.f.Ln(pdfSectionSpace)
	d.need(pdfKeepWithHeading + extra)
	d.font("B", 13, pdfAccent)
	d.begin("H2")
	d.multi(6.5, s)
	d.end()
	d.hline(d.f.GetY()+0.5, pdfAccent)
	d.f.Ln(3)
}

// para draws wrapped text across the current text width.
func (d *pdfDoc) para(s, style string, size float64, c pdfRGB) {
	d.font(style, size, c)
	d.begin("P")
	d.multi(size*0.48, s)
	d.end()
}

// subheading draws a heading under a section's (an account's name, an
// introduction's part) in bold ink at size points: a level-3 heading for
// a reader moving by headings.
func (d *pdfDoc) subheading(s string, size float64) {
	d.font("B", size, pdfInk)
	d.begin("H3")
	d.multi(size*0.48, s)
	d.end()
}

// field draws "label  value" with the value wrapping in its own column; a
// value that is an http(s) URL becomes a link.
func (d *pdfDoc) field(label, value string) {
	labelW := max(d.labelW, pdfLabelW)
	f := d.f
	left, _, _, _ := f.GetMargins()
	d.font("", pdfBodySize, pdfInk)
	lines := d.split(pdfShorten(value, pdfMaxText), d.width()-(left-pdfMargin)-labelW, "")
	d.need(float64(min(len(lines), 3)) * pdfBodyLine)
	y := f.GetY()
	d.begin("P")
	defer d.end()
	d.font("B", pdfBodySize, pdfMuted)
	d.cell(labelW, pdfBodyLine, label, "L")
	link := ""
	d.font("", pdfBodySize, pdfInk)
	if pdfLinkable(value) {
		link = value
		d.font("", pdfBodySize, pdfAccent)
	}
	f.SetXY(left+labelW, y)
	if link != "" {
		d.begin("Link")
		defer d.end()
	}
	for _, line := range lines {
		// ln=2 keeps the column when a long value breaks the page.
		d.text(0, pdfBodyLine, line, "L", 2, link)
	}
	f.SetX(left)
}

// pdfLinkable reports whether s can be a link annotation as it stands.
func pdfLinkable(s string) bool {
	if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r > '~' || r == '(' || r == ')' || r == '\\' {
			return false
		}
	}
	return true
}

// badge draws a status as a filled, rounded label at the current position
// and returns its width.
func (d *pdfDoc) badge(s rules.Status, h float64) float64 {
	st, ok := pdfStatusStyles[s]
	if !ok {
		st = pdfStatusStyles[rules.Error]
	}
	f := d.f
	d.font("B", 8, st.text)
	label := d.clean.clean(model.StatusLabel(d.lang, s))
	w := f.GetStringWidth(label) + 5
	x, y := f.GetXY()
	f.SetFillColor(st.fill.r, st.fill.g, st.fill.b)
	f.RoundedRect(x, y, w, h, 1.2, "1234", "F")
	f.SetXY(x, y)
	d.text(w, h, label, "C", 0, "")
	return w
}

// indent moves the left margin by dx (negative to move back).
func (d *pdfDoc) indent(dx float64) {
	left, _, _, _ := d.f.GetMargins()
	d.f.SetLeftMargin(left + dx)
	d.f.SetX(left + dx)
}
