package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// Size of the trend chart in pixels.
const (
	trendChartWidth  = 960
	trendChartHeight = 480
)

// trendSheet writes each administration's compliance over the last
// scans as a table under a header in the first row, a city total below
// it, and a line chart of every row, the total included, under the
// table. The header's audit dates are real dates, as every date of the
// workbooks is; they are the chart's categories, not its series names,
// which column A gives. A cell without a judgement stays empty, so the
// chart shows a gap instead of a false 0 %.
func (b *xlsxBook) trendSheet(s *xlsxSheet, r *model.Report) {
	lang := b.lang
	t := r.History.TrendTable()
	head := []string{workbook.Label(lang, "col.administration")}
	for _, d := range t.Dates {
		head = append(head, model.Date(d))
	}
	s.tableWords(head...)
	for i, d := range t.Dates {
		s.headDate(i+2, d)
	}
	first := s.row + 1
	for _, row := range t.Rows {
		s.next()
		s.text(1, row.Administration, b.st.text)
		for i, share := range row.Shares {
			if share >= 0 {
				s.percent(i+2, share, b.st.share, b.st.text)
			}
		}
	}
	s.endTable()
	s.next()
	total := s.row
	s.text(1, workbook.Label(lang, "row.total"), b.st.totalText)
	for i, share := range t.Total {
		if share >= 0 {
			s.percent(i+2, share, b.st.totalPct, b.st.totalText)
		} else {
			s.text(i+2, "", b.st.totalText)
		}
	}
	s.explain(workbook.Label(lang, "trend.explain"))
	if len(t.Rows) == 0 {
		return
	}
	s.skip(1)
	b.trendChart(s, s.row+1, first, total, len(t.Dates), chartColourIndex(t))
	s.skip(trendChartHeight / 20) // rows of the default height the chart covers
}

// trendChart draws a line per administration row first..total-1 and the
// city total in row total, over the audit dates in the header row above
// first, anchored at row at. Administration i is drawn in the style the
// PDF's chart gives it, colour[i] of chartColours; the total as the PDF
// draws it, a thick solid ink line with round markers, first in the
// legend.
func (b *xlsxBook) trendChart(s *xlsxSheet, at, first, total, dates int, colour []int) {
	lastCol, err := excelize.ColumnNumberToName(dates + 1)
	s.fail(err)
	sheet := "'" + strings.ReplaceAll(s.name, "'", "''") + "'"
	categories := fmt.Sprintf("%s!$B$%d:$%s$%d", sheet, first-1, lastCol, first-1)
	line := func(row int, st chartStyle) excelize.ChartSeries {
		fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{st.colour}}
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$A$%d", sheet, row),
			Categories: categories,
			Values:     fmt.Sprintf("%s!$B$%d:$%s$%d", sheet, row, lastCol, row),
			Fill:       fill,
			Line:       excelize.LineOptions{Width: st.width, Dash: st.dash},
			Marker: excelize.ChartMarker{Symbol: st.marker, Size: 5, Fill: fill,
				Border: excelize.LineOptions{Type: excelize.LineSolid, Fill: fill, Width: 0.75}},
		}
	}
	// The total first, as the PDF's legend lists it.
	series := []excelize.ChartSeries{line(total, chartSeriesStyle(0, true))}
	for row := first; row < total; row++ {
		series = append(series, line(row, chartSeriesStyle(colour[row-first], false)))
	}
	zero, one := 0.0, 1.0
	chart := &excelize.Chart{
		Type:         excelize.Line,
		Series:       series,
		Dimension:    excelize.ChartDimension{Width: trendChartWidth, Height: trendChartHeight},
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: workbook.Label(b.lang, "trend.chart")}}},
		Legend:       excelize.ChartLegend{Position: "right"},
		ShowBlanksAs: "gap",
		// The categories are date cells: the axis shows them as the
		// header does, not as Excel's day numbers.
		XAxis: excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: xlsxDateFormat}},
		YAxis: excelize.ChartAxis{Minimum: &zero, Maximum: &one, MajorUnit: 0.25, MajorGridLines: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
	}
	s.after = append(s.after, func() { s.fail(s.f.AddChart(s.name, fmt.Sprintf("A%d", at), chart)) })
}
