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
// scans as a table, a city total below it, and a line chart of the
// administrations' rows under the table. A cell without a judgement
// stays empty, so the chart shows a gap instead of a false 0 %.
func (b *xlsxBook) trendSheet(s *xlsxSheet, r *model.Report) {
	lang := b.lang
	t := r.History.TrendTable()
	s.next()
	s.free(1, workbook.Label(lang, "trend.explain"), b.st.text)
	s.skip(1)
	head := []string{workbook.Label(lang, "col.administration")}
	for _, d := range t.Dates {
		head = append(head, model.Date(d))
	}
	s.tableWords(head...)
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
	last := s.row
	s.next()
	s.text(1, workbook.Label(lang, "row.total"), b.st.totalText)
	for i, share := range t.Total {
		if share >= 0 {
			s.percent(i+2, share, b.st.totalPct, b.st.totalText)
		} else {
			s.text(i+2, "", b.st.totalText)
		}
	}
	if len(t.Rows) == 0 {
		return
	}
	s.skip(2)
	b.trendChart(s, s.row+1, first, last, len(t.Dates))
	s.skip(trendChartHeight / 20) // rows of the default height the chart covers
}

// trendChart draws a line per administration row first..last over the
// audit dates in the header row above first, anchored at row at.
func (b *xlsxBook) trendChart(s *xlsxSheet, at, first, last, dates int) {
	lastCol, err := excelize.ColumnNumberToName(dates + 1)
	s.fail(err)
	sheet := "'" + strings.ReplaceAll(s.name, "'", "''") + "'"
	categories := fmt.Sprintf("%s!$B$%d:$%s$%d", sheet, first-1, lastCol, first-1)
	var series []excelize.ChartSeries
	for row := first; row <= last; row++ {
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$A$%d", sheet, row),
			Categories: categories,
			Values:     fmt.Sprintf("%s!$B$%d:$%s$%d", sheet, row, lastCol, row),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5},
		})
	}
	zero, one := 0.0, 1.0
	chart := &excelize.Chart{
		Type:         excelize.Line,
		Series:       series,
		Dimension:    excelize.ChartDimension{Width: trendChartWidth, Height: trendChartHeight},
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: workbook.Label(b.lang, "trend.chart")}}},
		Legend:       excelize.ChartLegend{Position: "right"},
		ShowBlanksAs: "gap",
		YAxis: excelize.ChartAxis{Minimum: &zero, Maximum: &one, MajorUnit: 0.25, MajorGridLines: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
	}
	s.after = append(s.after, func() { s.fail(s.f.AddChart(s.name, fmt.Sprintf("A%d", at), chart)) })
}
