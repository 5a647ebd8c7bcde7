package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/rules"
)

// Excel's built-in number formats the workbooks use.
const (
	numFmtText    = 49 // "@": what a person types into the cell stays text
	numFmtPercent = 9  // "0%"
)

// xlsxDateFormat is the date cells' number format: the ISO date Swedish
// readers write, the same text in every locale, so a date cell reads
// as the reports' dates do and a reader of the cell's text gets
// "2026-11-20".
const xlsxDateFormat = "yyyy-mm-dd"

// xlsxStyles holds the cell style IDs of one workbook.
type xlsxStyles struct {
	title, heading, header, label    int
	headerNum                        int // a header over numbers, aligned as they are
	headerDate                       int // a header that is a real date, over numbers
	text, wrap, link, number, share  int
	date, totalDate                  int // a real date, shown as xlsxDateFormat
	wrapLink                         int // several lines with a link on the cell
	totalText, totalNumber, totalPct int
	input                            int // a cell a person fills in
	status                           map[rules.Status]int
	// quoted maps a text style to its twin with Excel's quote prefix.
	quoted map[int]int
}

// statusColours are the fill and font colours of each status: the green,
// red, amber and grey Excel users know from conditional formatting.
var statusColours = map[rules.Status][2]string{
	rules.Pass:   {"C6EFCE", "006100"},
	rules.Fail:   {"FFC7CE", "9C0006"},
	rules.Manual: {"FFEB9C", "9C5700"},
	rules.Error:  {"D9D9D9", "3F3F3F"},
	// Waived is a light blue-grey: settled by a person, neither red nor green.
	rules.Waived: {"DCE6F1", "1F3864"},
}

// newXLSXStyles registers every style of a workbook in a fixed order, so
// the style IDs, and with them the bytes, are the same on every run.
func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	thin := []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}
	above := []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	st := &xlsxStyles{status: map[rules.Status]int{}, quoted: map[int]int{}}
	var err error
	add := func(dst *int, s *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(s)
		if err != nil {
			err = fmt.Errorf("workbook style: %w", err)
		}
	}
	add(&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	add(&st.heading, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	add(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrapTop, Border: thin,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	add(&st.headerNum, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: thin,
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right", WrapText: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	add(&st.label, &excelize.Style{NumFmt: numFmtText, Font: &excelize.Font{Bold: true}, Alignment: top})
	add(&st.text, &excelize.Style{NumFmt: numFmtText, Alignment: top})
	add(&st.wrap, &excelize.Style{NumFmt: numFmtText, Alignment: wrapTop})
	add(&st.link, &excelize.Style{NumFmt: numFmtText, Alignment: top, Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	add(&st.wrapLink, &excelize.Style{NumFmt: numFmtText, Alignment: wrapTop, Font: &excelize.Font{Color: "0563C1"}})
	add(&st.number, &excelize.Style{Alignment: top})
	dateFmt := xlsxDateFormat
	add(&st.date, &excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	add(&st.share, &excelize.Style{NumFmt: numFmtPercent, Alignment: top})
	add(&st.totalText, &excelize.Style{NumFmt: numFmtText, Font: &excelize.Font{Bold: true}, Border: above})
	add(&st.totalNumber, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: above})
	add(&st.totalPct, &excelize.Style{NumFmt: numFmtPercent, Font: &excelize.Font{Bold: true}, Border: above})
	add(&st.totalDate, &excelize.Style{CustomNumFmt: &dateFmt, Font: &excelize.Font{Bold: true}, Border: above,
		Alignment: &excelize.Alignment{Horizontal: "left"}})
	add(&st.headerDate, &excelize.Style{CustomNumFmt: &dateFmt, Font: &excelize.Font{Bold: true}, Border: thin,
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	box := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "top", Color: "BFBFBF", Style: 1},
		{Type: "right", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	add(&st.input, &excelize.Style{NumFmt: numFmtText, Alignment: wrapTop, Border: box,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}})
	for _, s := range []rules.Status{rules.Pass, rules.Fail, rules.Manual, rules.Error, rules.Waived} {
		var id int
		c := statusColours[s]
		add(&id, &excelize.Style{NumFmt: numFmtText, Alignment: top, Font: &excelize.Font{Color: c[1]},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}}})
		st.status[s] = id
	}
	if err != nil {
		return nil, err
	}
	// Quote-prefixed twins come last: excelize's NewStyle reuses an
	// equal style and does not compare the quote prefix, so no NewStyle
	// call may follow them.
	for _, id := range []int{st.label, st.text, st.wrap, st.link, st.wrapLink, st.totalText} {
		q, err := quotePrefixed(f, id)
		if err != nil {
			return nil, err
		}
		st.quoted[id] = q
	}
	return st, nil
}

// quotePrefixed adds a copy of cell style id with quotePrefix set and
// returns its ID. excelize's Style has no field for the prefix, so the
// copy is made in the style sheet excelize writes.
func quotePrefixed(f *excelize.File, id int) (int, error) {
	xfs := f.Styles
	if xfs == nil || xfs.CellXfs == nil || id < 0 || id >= len(xfs.CellXfs.Xf) {
		return 0, fmt.Errorf("workbook style %d: not in the style sheet", id)
	}
	xf := xfs.CellXfs.Xf[id]
	yes := true
	xf.QuotePrefix = &yes
	xfs.CellXfs.Xf = append(xfs.CellXfs.Xf, xf)
	xfs.CellXfs.Count = len(xfs.CellXfs.Xf)
	return len(xfs.CellXfs.Xf) - 1, nil
}
