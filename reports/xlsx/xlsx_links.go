package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// A workbook's external hyperlinks are written in one pass while excelize
// zips the workbook, not through excelize's SetCellHyperLink: that call
// scans every relationship and every hyperlink already on the sheet, so a
// sheet of n links cost n²/2 steps (a findings sheet of 60,000 rows took
// minutes). The bytes are the ones SetCellHyperLink gives; a test writes
// every sample workbook both ways and compares them.

// xlsxDirectLinks makes sheets add their hyperlinks through excelize's
// SetCellHyperLink as they are written. Only the test that proves both
// ways give the same bytes sets it.
var xlsxDirectLinks = false

// xlsxLink is one external hyperlink: a cell and the address it opens.
type xlsxLink struct {
	ref, target string
}

// addLink adds a hyperlink to the cell of the row being written, at once
// or, usually, when the workbook is zipped.
func (s *xlsxSheet) addLink(col int, target string) {
	ref := s.ref(col)
	if xlsxDirectLinks {
		s.fail(s.f.SetCellHyperLink(s.name, ref, target, "External"))
		return
	}
	s.pending = append(s.pending, xlsxLink{ref: ref, target: target})
}

// linksNow hands the sheet's hyperlinks to excelize when something else
// will add relationships to the sheet, such as a chart: its relationship
// ids then follow the links' as they always have.
func (s *xlsxSheet) linksNow() {
	for _, l := range s.pending {
		s.fail(s.f.SetCellHyperLink(s.name, l.ref, l.target, "External"))
	}
	s.pending = nil
}

// linkParts maps each worksheet part of the workbook to the hyperlinks
// still to be written into it. excelize names the part of the sheet with
// id n xl/worksheets/sheet<n>.xml; a part the zip never sees is an error.
func (b *xlsxBook) linkParts() (map[string][]xlsxLink, error) {
	ids := map[string]int{}
	for id, name := range b.f.GetSheetMap() {
		ids[name] = id
	}
	parts := map[string][]xlsxLink{}
	for _, s := range b.sheets {
		if len(s.pending) == 0 {
			continue
		}
		id, ok := ids[s.name]
		if !ok {
			return nil, fmt.Errorf("sheet %q: not in the workbook", s.name)
		}
		parts["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = s.pending
	}
	return parts, nil
}

// linkZip is the zip writer excelize writes the workbook through. It adds
// the hyperlinks element to each worksheet part that has links and writes
// the part's relationships file where excelize would have: excelize
// creates the parts in reverse name order.
type linkZip struct {
	zw    *zip.Writer
	parts map[string][]xlsxLink
	rels  []string // relationships files still to write, last name first
	seen  map[string]bool

	open string       // the worksheet part being received
	buf  bytes.Buffer // its bytes, patched once complete
}

func newLinkZip(w io.Writer, parts map[string][]xlsxLink) *linkZip {
	z := &linkZip{zw: zip.NewWriter(w), parts: parts, seen: map[string]bool{}}
	for part := range parts {
		z.rels = append(z.rels, relsPath(part))
	}
	sort.Sort(sort.Reverse(sort.StringSlice(z.rels)))
	return z
}

// relsPath is the relationships file of a worksheet part.
func relsPath(part string) string {
	return "xl/worksheets/_rels/" + part[len("xl/worksheets/"):] + ".rels"
}

// Create starts a part; excelize writes each part whole before the next.
func (z *linkZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	for _, r := range z.rels {
		if r == name {
			return nil, fmt.Errorf("%s: hyperlinks and other relationships on one sheet", name)
		}
	}
	if err := z.writeRels(name); err != nil {
		return nil, err
	}
	if _, ok := z.parts[name]; ok {
		z.open = name
		z.buf.Reset()
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

// AddFS is part of excelize's ZipWriter; excelize does not call it when
// writing a workbook.
func (z *linkZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes what is left and checks that every sheet got its links.
func (z *linkZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	if err := z.writeRels(""); err != nil {
		return err
	}
	for part := range z.parts {
		if !z.seen[part] {
			return fmt.Errorf("%s: hyperlinks not written, the workbook has no such part", part)
		}
	}
	return z.zw.Close()
}

// writeRels writes the relationships files that sort after name, which
// excelize's reverse order puts before it.
func (z *linkZip) writeRels(name string) error {
	for len(z.rels) > 0 && z.rels[0] > name {
		path := z.rels[0]
		z.rels = z.rels[1:]
		part := "xl/worksheets/" + path[len("xl/worksheets/_rels/"):len(path)-len(".rels")]
		w, err := z.zw.Create(path)
		if err != nil {
			return err
		}
		rels, err := linkRels(z.parts[part])
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if _, err := w.Write(rels); err != nil {
			return err
		}
	}
	return nil
}

// flush patches the worksheet part received last and zips it.
func (z *linkZip) flush() error {
	if z.open == "" {
		return nil
	}
	name := z.open
	z.open = ""
	z.seen[name] = true
	patched, err := withHyperlinks(z.buf.Bytes(), z.parts[name])
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(patched)
	return err
}

// afterHyperlinks are the worksheet's elements that the schema puts after
// hyperlinks, and its end. Cell text never holds a "<", so each can only
// be the element itself.
var afterHyperlinks = []string{"<printOptions", "<pageMargins", "<pageSetup", "<headerFooter", "<rowBreaks",
	"<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing", "<legacyDrawing",
	"<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<mc:AlternateContent", "<tableParts",
	"<extLst", "</worksheet>"}

// withHyperlinks puts the hyperlinks element, as excelize marshals it,
// into a worksheet part written without one. Link i gets relationship
// rId<i+1>, as excelize numbers a sheet's first relationships.
func withHyperlinks(sheet []byte, links []xlsxLink) ([]byte, error) {
	end := bytes.Index(sheet, []byte("</sheetData>"))
	if end < 0 {
		return nil, fmt.Errorf("no sheetData element")
	}
	if bytes.Contains(sheet[end:], []byte("<hyperlinks")) {
		return nil, fmt.Errorf("the sheet already has hyperlinks")
	}
	at := -1
	for _, tag := range afterHyperlinks {
		if i := bytes.Index(sheet[end:], []byte(tag)); i >= 0 && (at < 0 || end+i < at) {
			at = end + i
		}
	}
	if at < 0 {
		return nil, fmt.Errorf("no end of worksheet")
	}
	var b bytes.Buffer
	b.Grow(len(sheet) + len(links)*40)
	b.Write(sheet[:at])
	b.WriteString("<hyperlinks>")
	for i, l := range links {
		b.WriteString(`<hyperlink ref="`)
		b.WriteString(l.ref) // a cell name: letters and digits
		b.WriteString(`" r:id="rId`)
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(`"></hyperlink>`)
	}
	b.WriteString("</hyperlinks>")
	b.Write(sheet[at:])
	return b.Bytes(), nil
}

// relationships and relationship mirror excelize's types for a
// relationships file, so encoding/xml escapes the addresses as excelize's
// writer does.
type relationships struct {
	XMLName       xml.Name       `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
	Relationships []relationship `xml:"Relationship"`
}

type relationship struct {
	ID         string `xml:"Id,attr"`
	Target     string `xml:",attr"`
	Type       string `xml:",attr"`
	TargetMode string `xml:",attr,omitempty"`
}

// linkRels is a worksheet's relationships file for its hyperlinks.
func linkRels(links []xlsxLink) ([]byte, error) {
	rels := relationships{Relationships: make([]relationship, len(links))}
	for i, l := range links {
		rels.Relationships[i] = relationship{ID: "rId" + strconv.Itoa(i+1), Target: l.target,
			Type: excelize.SourceRelationshipHyperLink, TargetMode: "External"}
	}
	out, err := xml.Marshal(rels)
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}
