package pdf

import "fmt"

// A tagged PDF carries, beside what is drawn, a structure tree: which text
// is a heading, a paragraph, a table cell, in reading order, so a screen
// reader can read the document and move by heading or cell. gofpdf writes
// none, but lets raw operators into a page's content: each text the
// writers draw is wrapped in a marked-content sequence ("/P <</MCID 3>>
// BDC … EMC") that pdfTags records against its structure element; the
// page header and footer, a table's header repeated on a new page and the
// chart's labels are marked as artifacts, which readers skip.
// pdfStructure (pdfstruct.go) then adds the tree to the finished document.

// pdfElem is one structure element: its role (H1, P, Table, TD …), its
// parent's index, and its kids in order.
type pdfElem struct {
	role   string
	parent int
	kids   []pdfKid
}

// pdfKid is a structure element's kid: another element, or a marked
// content sequence on a page.
type pdfKid struct {
	elem       int // index of the element, or -1 for marked content
	page, mcid int
}

// pdfTags is the structure a document has drawn so far.
type pdfTags struct {
	elems []pdfElem // elems[0] is the Document
	stack []int     // the open elements, innermost last
	// owners lists, per page (index page-1), the element of each MCID.
	owners [][]int
	// open is the element whose marked content is open, or -1.
	open int
	// inArtifact is set while an artifact sequence is open.
	inArtifact bool
	// links lists, per page (index page-1), the element of each link
	// annotation, in the order gofpdf writes them.
	links [][]int
}

// newPDFTags starts a structure with its Document element open.
func newPDFTags() *pdfTags {
	return &pdfTags{elems: []pdfElem{{role: "Document", parent: -1}}, stack: []int{0}, open: -1}
}

// pdfGroupRoles are the roles that hold elements, not text of their own.
var pdfGroupRoles = map[string]bool{"Document": true, "Table": true, "TR": true, "Sect": true}

// begin opens an element of role under the innermost open one.
func (d *pdfDoc) begin(role string) {
	t := d.tags
	parent := t.stack[len(t.stack)-1]
	t.elems = append(t.elems, pdfElem{role: role, parent: parent})
	i := len(t.elems) - 1
	t.elems[parent].kids = append(t.elems[parent].kids, pdfKid{elem: i})
	t.stack = append(t.stack, i)
}

// end closes the innermost open element.
func (d *pdfDoc) end() {
	if len(d.tags.stack) > 1 {
		d.tags.stack = d.tags.stack[:len(d.tags.stack)-1]
	}
}

// mark draws with draw inside a marked-content sequence of the innermost
// open element, or of a paragraph of its own when that element only
// groups others. Drawn in the page header or footer, or as a repeated
// table header, it is an artifact.
func (d *pdfDoc) mark(draw func()) {
	t := d.tags
	if d.inFrame || t.open >= 0 || t.inArtifact {
		draw() // the frame marks itself; a sequence never nests
		return
	}
	if d.artifact {
		t.inArtifact = true
		d.f.RawWriteStr("/Artifact BMC")
		draw()
		if t.inArtifact { // a page break ended it
			d.f.RawWriteStr("EMC")
		}
		t.inArtifact = false
		return
	}
	own := pdfGroupRoles[t.elems[t.stack[len(t.stack)-1]].role]
	if own {
		d.begin("P")
	}
	t.open = t.stack[len(t.stack)-1]
	d.openMarked()
	draw()
	if d.linked {
		// gofpdf put one link annotation on the page the text went on.
		page := d.f.PageNo()
		for len(t.links) < page {
			t.links = append(t.links, nil)
		}
		t.links[page-1] = append(t.links[page-1], t.open)
		d.linked = false
	}
	d.f.RawWriteStr("EMC")
	t.open = -1
	if own {
		d.end()
	}
}

// openMarked starts a marked-content sequence of the open element on the
// current page.
func (d *pdfDoc) openMarked() {
	t := d.tags
	page := d.f.PageNo()
	for len(t.owners) < page {
		t.owners = append(t.owners, nil)
	}
	mcid := len(t.owners[page-1])
	t.owners[page-1] = append(t.owners[page-1], t.open)
	e := &t.elems[t.open]
	e.kids = append(e.kids, pdfKid{elem: -1, page: page, mcid: mcid})
	d.f.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", e.role, mcid))
}

// frameStart is called first in the page footer and header: it closes a
// sequence the page break interrupted (in the footer, on the old page)
// and marks the frame as an artifact.
func (d *pdfDoc) frameStart(footer bool) {
	if footer && (d.tags.open >= 0 || d.tags.inArtifact) {
		d.f.RawWriteStr("EMC")
		d.tags.inArtifact = false
	}
	d.f.RawWriteStr("/Artifact BMC")
}

// frameEnd is called last in the page footer and header: it ends the
// artifact and, on the new page, reopens the interrupted sequence.
func (d *pdfDoc) frameEnd(header bool) {
	d.f.RawWriteStr("EMC")
	if header && d.tags.open >= 0 {
		d.openMarked()
	}
}
