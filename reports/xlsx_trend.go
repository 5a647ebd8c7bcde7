package reports

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// trendTable is History.Trend laid out: administrations down, audit
// dates across, oldest first.
type trendTable struct {
	dates  []time.Time
	names  []string
	points map[string]map[time.Time]model.TrendPoint // administration -> audit date -> point
}

// newTrendTable arranges the trend points; administrations are sorted as
// the report sorts them, dates oldest first.
func newTrendTable(points []model.TrendPoint) trendTable {
	t := trendTable{points: map[string]map[time.Time]model.TrendPoint{}}
	seen := map[time.Time]bool{}
	for _, p := range points {
		day := p.AsOf.UTC()
		if !seen[day] {
			seen[day] = true
			t.dates = append(t.dates, day)
		}
		if t.points[p.Administration] == nil {
			t.points[p.Administration] = map[time.Time]model.TrendPoint{}
			t.names = append(t.names, p.Administration)
		}
		t.points[p.Administration][day] = p
	}
	sort.Slice(t.dates, func(i, k int) bool { return t.dates[i].Before(t.dates[k]) })
	sort.SliceStable(t.names, func(i, k int) bool { return model.Collate(t.names[i]) < model.Collate(t.names[k]) })
	return t
}

// total is the city's compliance on one audit date.
func (t trendTable) total(day time.Time) float64 {
	var points []model.TrendPoint
	for _, byDay := range t.points {
		if p, ok := byDay[day]; ok {
			points = append(points, p)
		}
	}
	return model.TrendCounts(points...).Compliance()
}

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
	t := newTrendTable(r.History.Trend)
	s.next()
	s.free(1, xl(lang, "trend.explain"), b.st.text)
	s.skip(1)
	head := []string{xl(lang, "col.administration")}
	for _, d := range t.dates {
		head = append(head, model.Date(d))
	}
	s.tableWords(head...)
	first := s.row + 1
	for _, name := range t.names {
		s.next()
		s.text(1, name, b.st.text)
		for i, d := range t.dates {
			if p, ok := t.points[name][d]; ok && p.Compliance() >= 0 {
				s.percent(i+2, p.Compliance(), b.st.share, b.st.text)
			}
		}
	}
	s.endTable()
	last := s.row
	s.next()
	s.text(1, xl(lang, "row.total"), b.st.totalText)
	for i, d := range t.dates {
		if share := t.total(d); share >= 0 {
			s.percent(i+2, share, b.st.totalPct, b.st.totalText)
		} else {
			s.text(i+2, "", b.st.totalText)
		}
	}
	if len(t.names) == 0 {
		return
	}
	s.skip(2)
	b.trendChart(s, s.row+1, first, last, len(t.dates))
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
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: xl(b.lang, "trend.chart")}}},
		Legend:       excelize.ChartLegend{Position: "right"},
		ShowBlanksAs: "gap",
		YAxis: excelize.ChartAxis{Minimum: &zero, Maximum: &one, MajorUnit: 0.25, MajorGridLines: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
	}
	s.after = append(s.after, func() { s.fail(s.f.AddChart(s.name, fmt.Sprintf("A%d", at), chart)) })
}
