package xlsx

import (
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/rules"
)

// Cells that are more than text: dates, links inside text, and the
// header labels over numbers.

// excelEpoch is day 0 of Excel's 1900 date system as Excel counts it
// (it takes 1900 for a leap year, so day 60 is 29 February 1900 and
// every date from March 1900 on is counted from 30 December 1899).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelDate is t's calendar day in Stockholm as an Excel date number:
// the day the reports print, never shifted by a time zone.
func excelDate(t time.Time) float64 {
	y, m, d := t.In(rules.Stockholm).Date()
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch) / (24 * time.Hour))
}

// date writes t as a real Excel date, which sorts, filters and computes
// as a date; style is a date style. A zero t writes none, the words the
// caller gives for "no date".
func (s *xlsxSheet) date(col int, t time.Time, style int, none string) {
	if t.IsZero() {
		s.text(col, none, s.st.text)
		return
	}
	c := s.ref(col)
	s.fail(s.f.SetCellFloat(s.name, c, excelDate(t), -1, 64))
	s.fail(s.f.SetCellStyle(s.name, c, c, style))
	s.measure(col, float64(len(xlsxDateFormat)))
}

// headDate turns the header label in col of the row just written into
// the real date t, styled as a header over numbers; the label, t as
// model.Date words it, has already sized the column.
func (s *xlsxSheet) headDate(col int, t time.Time) {
	c := s.ref(col)
	s.fail(s.f.SetCellFloat(s.name, c, excelDate(t), -1, 64))
	s.fail(s.f.SetCellStyle(s.name, c, c, s.st.headerDate))
}

// linked writes v, text of one or more lines, as a cell that opens
// target when it is a usable web address: the first link a piece of
// evidence names. An Excel cell holds one hyperlink, so the other
// addresses stay as text; v itself is never changed. Beyond the sheet's
// hyperlink budget the cell is plain text.
func (s *xlsxSheet) linked(col int, v, target string) {
	target = linkTarget(target)
	if target == "" || s.links >= xlsxMaxLinks {
		s.text(col, v, s.st.text)
		return
	}
	s.text(col, v, s.st.wrapLink)
	s.addLink(col, target)
	s.links++
}

// xlsxHead is a header row and the columns under it that hold numbers.
type xlsxHead struct {
	row, cols int
	numeric   map[int]bool
}

// numeric marks col of the row being written as a number column of the
// header row above it.
func (s *xlsxSheet) numeric(col int) {
	if len(s.heads) == 0 {
		return
	}
	h := &s.heads[len(s.heads)-1]
	if col > h.cols || s.row <= h.row {
		return
	}
	if h.numeric == nil {
		h.numeric = map[int]bool{}
	}
	h.numeric[col] = true
}

// alignHeads right-aligns each header label over a column of numbers,
// as Excel aligns the numbers, so a number stands under its label even
// in a column widened by other rows.
func (s *xlsxSheet) alignHeads() {
	for _, h := range s.heads {
		for col := 1; col <= h.cols; col++ {
			if !h.numeric[col] {
				continue
			}
			c, err := excelize.CoordinatesToCellName(col, h.row)
			s.fail(err)
			style, err := s.f.GetCellStyle(s.name, c)
			s.fail(err)
			if style == s.st.header {
				s.fail(s.f.SetCellStyle(s.name, c, c, s.st.headerNum))
			}
		}
	}
}
