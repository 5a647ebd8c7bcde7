package xlsx

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// Paragraphs on a summary sheet: a cell of prose wraps within the
// columns it is merged across, and its row is made tall enough, since
// Excel does not fit a merged row's height to its text.

const (
	// xlsxParaCols is how many columns a paragraph spans at least.
	xlsxParaCols = 8
	// xlsxLinePoints is the height of one line of default text.
	xlsxLinePoints = 15
	// xlsxMaxRowPoints is the tallest row Excel allows; a longer
	// paragraph scrolls within its cell.
	xlsxMaxRowPoints = 409
)

// para writes v as a paragraph in its own row, wrapped across the
// sheet's columns once their widths are known.
func (s *xlsxSheet) para(v string, style int) {
	s.next()
	s.free(1, v, style)
	s.paras = append(s.paras, xlsxPara{row: s.row, text: workbook.CellText(v)})
}

// xlsxPara is a paragraph's row and text.
type xlsxPara struct {
	row  int
	text string
}

// layParas merges each paragraph across the sheet's columns, wraps it
// and sets its row's height to the lines it needs at the final widths.
func (s *xlsxSheet) layParas() {
	if len(s.paras) == 0 {
		return
	}
	cols := max(len(s.width), xlsxParaCols)
	width := 0.0
	for i := 0; i < cols; i++ {
		w := float64(xlsxMinWidth)
		if i < len(s.width) {
			w = min(max(s.width[i]+2, xlsxMinWidth), xlsxMaxWidth)
		}
		width += w
	}
	last, err := excelize.ColumnNumberToName(cols)
	s.fail(err)
	for _, p := range s.paras {
		from, to := fmt.Sprintf("A%d", p.row), fmt.Sprintf("%s%d", last, p.row)
		s.fail(s.f.MergeCell(s.name, from, to))
		s.fail(s.f.SetCellStyle(s.name, from, to, s.st.wrap))
		s.fail(s.f.SetRowHeight(s.name, p.row, min(float64(paraLines(p.text, width))*xlsxLinePoints, xlsxMaxRowPoints)))
	}
}

// paraLines estimates how many lines text wraps to in width characters,
// counting each line break, with a tenth to spare for proportional
// letters wider than Excel's unit.
func paraLines(text string, width float64) int {
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(textWidth(l)*1.1/width)))
	}
	return lines
}

// granskning writes the report's summary paragraph and its
// recommendations, most important first, as the PDF's first pages do.
func (b *xlsxBook) granskning(s *xlsxSheet, g model.Granskning) {
	lang := b.lang
	if sum := g.Summary.In(lang); sum != "" {
		s.skip(1)
		s.next()
		s.free(1, model.L(lang, "section.summary"), b.st.heading)
		s.para(sum, b.st.wrap)
	}
	if len(g.Recommendations) == 0 {
		return
	}
	s.skip(1)
	s.next()
	s.free(1, workbook.Label(lang, "section.recommendations"), b.st.heading)
	for i, rec := range g.Recommendations {
		line := fmt.Sprintf("%d. %s\n%s: %s", i+1, rec.Text.In(lang), rules.SeverityName.In(lang), rec.Severity.Label().In(lang))
		if len(rec.Accounts) > 0 {
			line += ". " + workbook.Label(lang, "recommendation.accounts") + ": " + strings.Join(rec.Accounts, ", ")
		}
		s.para(line+".", b.st.wrap)
	}
}
