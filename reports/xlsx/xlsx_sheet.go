package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// Column widths in Excel's character units, and where text starts to wrap.
const (
	xlsxMinWidth = 8
	xlsxMaxWidth = 60
	// xlsxMaxLinks stays below Excel's 65,530 hyperlinks per sheet; later
	// links are written as plain text.
	xlsxMaxLinks = 65000
)

// xlsxSheet writes one sheet row by row and remembers what finishing it
// needs: the widest content of each column and where its table is. The
// first error sticks and is returned by finish, so layout code stays flat.
type xlsxSheet struct {
	f     *excelize.File
	st    *xlsxStyles
	name  string
	row   int       // the row being written, 1-based
	width []float64 // widest measured content per column
	head  int       // the table's header row; 0 when the sheet has no table
	// heads are the sheet's header rows, each with the columns below it
	// that hold numbers, whose labels finish right-aligns over them.
	heads []xlsxHead
	cols  int // the table's columns
	last  int // the table's last row
	links int
	// pending holds the sheet's hyperlinks until the workbook is zipped
	// (xlsx_links.go).
	pending []xlsxLink
	// paras are the sheet's paragraphs, merged and sized by finish
	// (xlsx_para.go).
	paras []xlsxPara
	// hidden lists columns to hide once widths are set, such as the key
	// column an import reads but a person need not see.
	hidden []int
	// after holds what must wait for the final column widths, such as a
	// chart, whose anchor excelize computes from them.
	after []func()
	err   error

	// written holds the text put in each column of the row being
	// written, 0-based, for the findings sheet's check column
	// (xlsx_check.go).
	written []string
}

// newSheet adds a sheet; the workbook's first sheet renames the one
// excelize starts with.
func newSheet(f *excelize.File, st *xlsxStyles, name string) *xlsxSheet {
	s := &xlsxSheet{f: f, st: st, name: name}
	if f.SheetCount == 1 && f.GetSheetName(0) == "Sheet1" {
		s.fail(f.SetSheetName("Sheet1", name))
	} else {
		_, err := f.NewSheet(name)
		s.fail(err)
	}
	return s
}

func (s *xlsxSheet) fail(err error) {
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("sheet %q, row %d: %w", s.name, s.row, err)
	}
}

// next starts a new row; skip leaves n rows empty first.
func (s *xlsxSheet) next()      { s.row++; s.written = s.written[:0] }
func (s *xlsxSheet) skip(n int) { s.row += n }

func (s *xlsxSheet) ref(col int) string {
	c, err := excelize.CoordinatesToCellName(col, s.row)
	s.fail(err)
	return c
}

func (s *xlsxSheet) measure(col int, w float64) {
	if col < 1 {
		return // ref has already reported the bad column
	}
	for len(s.width) < col {
		s.width = append(s.width, 0)
	}
	if w > s.width[col-1] {
		s.width[col-1] = w
	}
}

// text writes v as a string cell in a table column, which it widens.
func (s *xlsxSheet) text(col int, v string, style int) { s.put(col, v, style, true) }

// free writes v as a string cell that may run over empty neighbours, such
// as a title or a note; it does not widen its column.
func (s *xlsxSheet) free(col int, v string, style int) { s.put(col, v, style, false) }

// put writes every string of the workbook. It never writes a formula:
// the value is cleaned, stored as a string, styled as text, and given the
// quote prefix when a person editing it could turn it into a formula.
func (s *xlsxSheet) put(col int, v string, style int, measure bool) {
	v = workbook.CellText(v)
	if measure && style == s.st.text && (strings.Contains(v, "\n") || textWidth(v) > xlsxMaxWidth) {
		style = s.st.wrap
	}
	if q, ok := s.st.quoted[style]; ok && formulaLike(v) {
		style = q
	}
	c := s.ref(col)
	s.fail(s.f.SetCellStr(s.name, c, v))
	s.fail(s.f.SetCellStyle(s.name, c, c, style))
	s.remember(col, v)
	if measure {
		s.measure(col, textWidth(v))
	}
}

// number writes a count.
func (s *xlsxSheet) number(col, n, style int) {
	c := s.ref(col)
	s.fail(s.f.SetCellInt(s.name, c, int64(n)))
	s.fail(s.f.SetCellStyle(s.name, c, c, style))
	s.measure(col, float64(len(fmt.Sprint(n))))
	s.numeric(col)
}

// percent writes a compliance share as a number formatted "0%", or "–"
// when nothing was judged.
func (s *xlsxSheet) percent(col int, share float64, style, none int) {
	if share < 0 {
		s.text(col, model.Percent(share), none)
		return
	}
	c := s.ref(col)
	s.fail(s.f.SetCellFloat(s.name, c, share, -1, 64))
	s.fail(s.f.SetCellStyle(s.name, c, c, style))
	s.measure(col, 4)
	s.numeric(col)
}

// link writes raw as a clickable hyperlink when it is a usable web
// address, and as plain text otherwise.
func (s *xlsxSheet) link(col int, raw string) {
	target := linkTarget(raw)
	if target == "" || s.links >= xlsxMaxLinks {
		s.text(col, raw, s.st.text)
		return
	}
	s.text(col, target, s.st.link)
	s.addLink(col, target)
	s.links++
}

// fileLink writes a link to a sibling workbook in the same folder.
func (s *xlsxSheet) fileLink(col int, name string) {
	s.text(col, name, s.st.link)
	s.addLink(col, name)
}

// status writes a finding status in words, coloured by status.
func (s *xlsxSheet) status(col int, lang string, st rules.Status) {
	style, ok := s.st.status[st]
	if !ok {
		style = s.st.text
	}
	s.text(col, model.StatusLabel(lang, st), style)
}

// header writes a row of column labels from label keys.
func (s *xlsxSheet) header(lang string, keys ...string) {
	labels := make([]string, len(keys))
	for i, k := range keys {
		labels[i] = workbook.Label(lang, k)
	}
	s.headerWords(labels...)
}

// headerWords writes a row of column labels as given. A label widens its
// column only to its longest word: labels wrap.
func (s *xlsxSheet) headerWords(labels ...string) {
	s.next()
	s.heads = append(s.heads, xlsxHead{row: s.row, cols: len(labels)})
	for i, label := range labels {
		s.put(i+1, label, s.st.header, false)
		for _, word := range strings.Fields(label) {
			s.measure(i+1, textWidth(word)+1)
		}
	}
}

// table writes a table's header row and marks where the table starts.
func (s *xlsxSheet) table(lang string, keys ...string) {
	s.header(lang, keys...)
	s.head, s.cols, s.last = s.row, len(keys), s.row
}

// tableWords is table with labels as given, for columns named by data
// such as audit dates.
func (s *xlsxSheet) tableWords(labels ...string) {
	s.headerWords(labels...)
	s.head, s.cols, s.last = s.row, len(labels), s.row
}

// explain writes lines of explanation below a table, after an empty
// row: above it they would be frozen with its header.
func (s *xlsxSheet) explain(lines ...string) {
	s.skip(1)
	for _, l := range lines {
		s.next()
		s.free(1, l, s.st.text)
	}
}

// hide hides a column when the sheet is finished.
func (s *xlsxSheet) hide(col int) { s.hidden = append(s.hidden, col) }

// endTable marks the row just written as the table's last.
func (s *xlsxSheet) endTable() { s.last = s.row }

// finish sets column widths, freezes the table's header row, puts an
// autofilter on the table and makes the sheet print landscape on A4, one
// page wide, with the header row on every page.
func (s *xlsxSheet) finish() error {
	for i, w := range s.width {
		w = min(max(w+2, xlsxMinWidth), xlsxMaxWidth)
		col, err := excelize.ColumnNumberToName(i + 1)
		s.fail(err)
		s.fail(s.f.SetColWidth(s.name, col, col, w))
	}
	if len(s.after) > 0 {
		s.linksNow()
	}
	for _, f := range s.after {
		f()
	}
	for _, c := range s.hidden {
		col, err := excelize.ColumnNumberToName(c)
		s.fail(err)
		s.fail(s.f.SetColVisible(s.name, col, false))
	}
	s.alignHeads()
	s.layParas()
	if s.head > 0 {
		s.freezeAndFilter()
	}
	// After the autofilter: excelize's AutoFilter replaces the sheet
	// properties that hold fit-to-page.
	landscape, a4, wide, tall, fit := "landscape", 9, 1, 0, true
	s.fail(s.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &wide, FitToHeight: &tall}))
	s.fail(s.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	return s.err
}

// freezeAndFilter freezes the rows down to the table's header, filters
// the table and repeats the header row on every printed page.
func (s *xlsxSheet) freezeAndFilter() {
	below := fmt.Sprintf("A%d", s.head+1)
	s.fail(s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: s.head, TopLeftCell: below, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: below, ActiveCell: below, Pane: "bottomLeft"}}}))
	lastCol, err := excelize.ColumnNumberToName(s.cols)
	s.fail(err)
	s.fail(s.f.AutoFilter(s.name, fmt.Sprintf("A%d:%s%d", s.head, lastCol, s.last), nil))
	quoted := "'" + strings.ReplaceAll(s.name, "'", "''") + "'"
	s.fail(s.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.name,
		RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted, s.head, s.head)}))
}
