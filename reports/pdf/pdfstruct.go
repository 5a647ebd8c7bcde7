package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// pdfStructure returns pdf, as gofpdf writes it, with the structure tree
// of tags: the catalog marks it tagged and points at the tree, each page
// names its entry in the parent tree (which element owns each of its
// marked-content sequences), and the tree's objects follow the catalog
// in an object stream (pdfRewrite).
func pdfStructure(pdf []byte, tags *pdfTags) ([]byte, error) {
	xref, offsets, err := pdfXref(pdf)
	if err != nil {
		return nil, err
	}
	var pages []int // object number of each page, in order
	for n := 1; n < len(offsets); n++ {
		if bytes.HasPrefix(pdf[offsets[n]:], []byte(strconv.Itoa(n)+" 0 obj\n<</Type /Page\n")) {
			pages = append(pages, n)
		}
	}
	sort.Slice(pages, func(a, b int) bool { return offsets[pages[a]] < offsets[pages[b]] })
	next := len(offsets)
	root, parentTree, first := next, next+1, next+2
	ref := func(elem int) string { return strconv.Itoa(first+elem) + " 0 R" }
	pageRef := func(page int) string {
		if page < 1 || page > len(pages) {
			return "null"
		}
		return strconv.Itoa(pages[page-1]) + " 0 R"
	}
	// Link annotations become objects of their own after the elements,
	// each with its key in the parent tree after the pages' keys.
	annotAt := first + len(tags.elems)
	var annots []string     // the annotations' dictionaries, in object order
	objr := map[int][]int{} // element -> its annotations' object numbers
	var annotOwners []int   // element of each annotation, by key - len(pages)
	var edits []pdfEdit
	for i, n := range pages {
		at := offsets[n] + len(strconv.Itoa(n)+" 0 obj\n<</Type /Page\n")
		edits = append(edits, pdfEdit{at: at, end: at, text: fmt.Sprintf("/StructParents %d\n/Tabs /S\n", i)})
		end := bytes.Index(pdf[offsets[n]:xref], []byte("\nendobj\n"))
		a := bytes.Index(pdf[offsets[n]:offsets[n]+max(end, 0)], []byte("\n/Annots ["))
		if a < 0 {
			continue
		}
		a += offsets[n] + 1
		e := a + bytes.IndexByte(pdf[a:], '\n')
		list := bytes.Split(bytes.TrimSuffix(bytes.TrimPrefix(pdf[a:e], []byte("/Annots [<<")), []byte(">>]")), []byte(">><<"))
		var owners []int
		if i < len(tags.links) {
			owners = tags.links[i]
		}
		if len(list) != len(owners) || !bytes.HasPrefix(pdf[a:], []byte("/Annots [<</Type /Annot /Subtype /Link ")) {
			return nil, fmt.Errorf("PDF page %d: %d link annotations, %d links drawn", i+1, len(list), len(owners))
		}
		var refs bytes.Buffer
		refs.WriteString("/Annots [")
		for k, annot := range list {
			num, key := annotAt+len(annots), len(pages)+len(annotOwners)
			annots = append(annots, fmt.Sprintf("<<%s /StructParent %d>>", annot, key))
			annotOwners = append(annotOwners, owners[k])
			objr[owners[k]] = append(objr[owners[k]], num)
			fmt.Fprintf(&refs, "%d 0 R ", num)
		}
		edits = append(edits, pdfEdit{at: a, end: e, text: strings.TrimSpace(refs.String()) + "]"})
	}
	last := len(offsets) - 1
	catHead := strconv.Itoa(last) + " 0 obj\n<<\n/Type /Catalog\n"
	if !bytes.HasPrefix(pdf[offsets[last]:xref], []byte(catHead)) {
		return nil, fmt.Errorf("PDF catalog: not the last object as gofpdf writes it")
	}
	at := offsets[last] + len(catHead)
	edits = append(edits, pdfEdit{at: at, end: at, text: fmt.Sprintf("/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n", root)})

	var objs []string
	objs = append(objs, fmt.Sprintf("<</Type /StructTreeRoot /K %s /ParentTree %d 0 R /ParentTreeNextKey %d>>", ref(0), parentTree, len(pages)+len(annotOwners)))
	var nums bytes.Buffer
	for i := range pages {
		fmt.Fprintf(&nums, "%d [", i)
		if i < len(tags.owners) {
			for _, e := range tags.owners[i] {
				nums.WriteString(ref(e) + " ")
			}
		}
		nums.WriteString("] ")
	}
	for k, e := range annotOwners {
		fmt.Fprintf(&nums, "%d %s ", len(pages)+k, ref(e))
	}
	objs = append(objs, "<</Nums ["+nums.String()+"]>>")
	for i, e := range tags.elems {
		parent := strconv.Itoa(root) + " 0 R"
		if e.parent >= 0 {
			parent = ref(e.parent)
		}
		// The element's page is that of its first marked content; there a
		// kid is its MCID alone, elsewhere a reference with its page.
		pg := 0
		for _, kid := range e.kids {
			if kid.elem < 0 {
				pg = kid.page
				break
			}
		}
		var k bytes.Buffer
		for _, num := range objr[i] {
			fmt.Fprintf(&k, "<</Type /OBJR /Obj %d 0 R>> ", num)
		}
		for _, kid := range e.kids {
			switch {
			case kid.elem >= 0:
				k.WriteString(ref(kid.elem) + " ")
			case kid.page == pg:
				fmt.Fprintf(&k, "%d ", kid.mcid)
			default:
				fmt.Fprintf(&k, "<</Type /MCR /Pg %s /MCID %d>> ", pageRef(kid.page), kid.mcid)
			}
		}
		onPage := ""
		if pg > 0 {
			onPage = " /Pg " + pageRef(pg)
		}
		objs = append(objs, fmt.Sprintf("<</S /%s /P %s%s /K [%s]>>", e.role, parent, onPage, bytes.TrimSpace(k.Bytes())))
	}
	return pdfRewrite(pdf, edits, append(objs, annots...))
}

// pdfEdit replaces pdf[at:end] by text.
type pdfEdit struct {
	at, end int
	text    string
}

// pdfRewrite returns pdf, as gofpdf writes it, with the edits made (in
// offset order, none overlapping) and objs added as the next object
// numbers, its cross-reference table and trailer written anew. The
// added objects (dictionaries, thousands of them in a long report) go
// deflated into one object stream, which a PDF 1.5 cross-reference
// stream beside the table finds (a hybrid-reference file); the document
// becomes PDF 1.5.
func pdfRewrite(pdf []byte, edits []pdfEdit, objs []string) ([]byte, error) {
	xref, offsets, err := pdfXref(pdf)
	if err != nil {
		return nil, err
	}
	const head = "%PDF-1.3\n"
	if !bytes.HasPrefix(pdf, []byte(head)) {
		return nil, fmt.Errorf("PDF header: not %q", head)
	}
	edits = append(edits, pdfEdit{at: 0, end: len(head), text: "%PDF-1.5\n"})
	sort.Slice(edits, func(a, b int) bool { return edits[a].at < edits[b].at })
	out := make([]byte, 0, len(pdf)+len(edits)*32+len(objs)*16)
	// moved maps an offset in pdf to one in out: the shift of every edit
	// before it.
	type move struct{ at, shift int }
	var moves []move
	pos, shift := 0, 0
	for _, e := range edits {
		if e.at < pos || e.end < e.at || e.end > xref {
			return nil, fmt.Errorf("PDF edit at %d: out of order", e.at)
		}
		out = append(out, pdf[pos:e.at]...)
		out = append(out, e.text...)
		shift += len(e.text) - (e.end - e.at)
		pos = e.end
		moves = append(moves, move{at: e.end, shift: shift})
	}
	out = append(out, pdf[pos:xref]...)
	moved := func(off int) int {
		k := sort.Search(len(moves), func(k int) bool { return moves[k].at > off })
		if k == 0 {
			return off
		}
		return off + moves[k-1].shift
	}
	first := len(offsets)                           // the first added object
	stm, xstm := first+len(objs), first+len(objs)+1 // the object stream, the cross-reference stream
	size := xstm + 1
	var index, bodies bytes.Buffer
	for i, o := range objs {
		fmt.Fprintf(&index, "%d %d ", first+i, bodies.Len())
		bodies.WriteString(o)
		bodies.WriteByte('\n')
	}
	stmAt := len(out)
	data := pdfDeflate(append(index.Bytes(), bodies.Bytes()...))
	out = fmt.Appendf(out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", stm, len(objs), index.Len(), len(data))
	out = append(out, data...)
	out = append(out, "\nendstream\nendobj\n"...)
	var entries []byte
	for i := range objs {
		entries = append(entries, 2)
		entries = binary.BigEndian.AppendUint32(entries, uint32(stm))
		entries = binary.BigEndian.AppendUint16(entries, uint16(i))
	}
	xstmAt := len(out)
	data = pdfDeflate(entries)
	out = fmt.Appendf(out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Index [%d %d] /Filter /FlateDecode /Length %d>>\nstream\n", xstm, size, first, len(objs), len(data))
	out = append(out, data...)
	out = append(out, "\nendstream\nendobj\n"...)
	start := len(out)
	// The table leaves the added objects out: a reader finds them through
	// the cross-reference stream (and one of PDF 1.4 not at all).
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		out = fmt.Appendf(out, "%010d 00000 n \n", moved(off))
	}
	out = fmt.Appendf(out, "%d 2\n%010d 00000 n \n%010d 00000 n \n", stm, stmAt, xstmAt)
	trailer := pdf[xref+pdfXrefLen(len(offsets)):]
	sx := bytes.LastIndex(trailer, []byte("startxref\n"))
	old := []byte("/Size " + strconv.Itoa(len(offsets)) + "\n")
	if !bytes.Contains(trailer[:sx], old) {
		return nil, fmt.Errorf("PDF trailer: no %q", old)
	}
	out = append(out, bytes.Replace(trailer[:sx], old, fmt.Appendf(nil, "/Size %d\n/XRefStm %d\n", size, xstmAt), 1)...)
	return fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", start), nil
}

// pdfDeflate compresses b as a FlateDecode stream.
func pdfDeflate(b []byte) []byte {
	var z bytes.Buffer
	zw := pdfZlib()
	defer pdfZlibDone(zw)
	zw.Reset(&z)
	zw.Write(b) // a bytes.Buffer does not fail
	zw.Close()
	return z.Bytes()
}
