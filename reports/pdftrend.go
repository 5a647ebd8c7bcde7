package reports

import (
	"sort"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// pdfTrendScans is how many scans the trend shows, the newest.
const pdfTrendScans = 8

// pdfSeries is one line of the trend: a name and a compliance share per
// scan, -1 where nothing was judged or the administration was not there.
type pdfSeries struct {
	name   string
	values []float64
	total  bool // the city as a whole
}

// latest is the newest share that exists, or -1.
func (s pdfSeries) latest() float64 {
	for i := len(s.values) - 1; i >= 0; i-- {
		if s.values[i] >= 0 {
			return s.values[i]
		}
	}
	return -1
}

// pdfTrend is the history's trend points laid out by scan.
type pdfTrend struct {
	dates  []time.Time // oldest first, at most pdfTrendScans
	admins []pdfSeries // sorted by name
	total  pdfSeries   // pass and fail summed over the administrations
}

// pdfTrendOf lays out trend points: scans are told apart by their audit
// date, the last pdfTrendScans kept.
func pdfTrendOf(points []model.TrendPoint, totalName string) pdfTrend {
	var t pdfTrend
	byDay := map[string]int{}
	for _, p := range points {
		if _, ok := byDay[model.Date(p.AsOf)]; !ok {
			byDay[model.Date(p.AsOf)] = 0
			t.dates = append(t.dates, p.AsOf)
		}
	}
	sort.Slice(t.dates, func(i, k int) bool { return model.Date(t.dates[i]) < model.Date(t.dates[k]) })
	t.dates = t.dates[max(0, len(t.dates)-pdfTrendScans):]
	for i, d := range t.dates {
		byDay[model.Date(d)] = i + 1 // 0 marks a scan left out
	}
	// Each scan's points, per administration and for the city, so a share
	// follows the report's rule (Counts.NoShare) over the summed points.
	type tally [][]model.TrendPoint
	sums := map[string]tally{}
	var names []string
	total := make(tally, len(t.dates))
	for _, p := range points {
		at := byDay[model.Date(p.AsOf)] - 1
		if at < 0 {
			continue
		}
		s := sums[p.Administration]
		if s == nil {
			s = make(tally, len(t.dates))
			sums[p.Administration] = s
			names = append(names, p.Administration)
		}
		s[at] = append(s[at], p)
		total[at] = append(total[at], p)
	}
	sort.Slice(names, func(i, k int) bool {
		if x, y := model.Collate(names[i]), model.Collate(names[k]); x != y {
			return x < y
		}
		return names[i] < names[k]
	})
	shares := func(s tally) []float64 {
		out := make([]float64, len(t.dates))
		for i := range out {
			out[i] = model.TrendCounts(s[i]...).Compliance()
		}
		return out
	}
	for _, n := range names {
		t.admins = append(t.admins, pdfSeries{name: n, values: shares(sums[n])})
	}
	t.total = pdfSeries{name: totalName, values: shares(total), total: true}
	return t
}

// trendSection draws the overview's trend: a table of each
// administration's compliance in the last scans and the charts of it.
func (d *pdfDoc) trendSection() {
	lang := d.lang
	t := pdfTrendOf(d.report.History.Trend, pdfL(lang, "total"))
	if len(t.dates) == 0 {
		return
	}
	d.heading(pdfL(lang, "section.trend"))
	d.para(pdfL(lang, "trend.explain"), "", pdfBodySize, pdfInk)
	d.f.Ln(2)
	d.trendTable(t)
	d.trendCharts(t)
}

// trendTable draws administrations by scans. Date columns are as wide as
// a date; when that leaves too little room for the names, the dates break
// after the year.
func (d *pdfDoc) trendTable(t pdfTrend) {
	const nameMin = 48.0
	lang := d.lang
	d.font("B", pdfTableHead, pdfInk)
	dateW := d.f.GetStringWidth("2026-11-20") + 2*d.f.GetCellMargin() + 0.5
	broken := d.width()-float64(len(t.dates))*dateW < nameMin
	if broken {
		dateW = (d.width() - nameMin) / float64(len(t.dates))
	}
	cols := []pdfCol{{model.L(lang, "col.administration"), d.width() - float64(len(t.dates))*dateW, "L"}}
	for _, day := range t.dates {
		title := model.Date(day)
		if broken {
			title = strings.Replace(title, "-", "- ", 1)
		}
		cols = append(cols, pdfCol{title, dateW, "R"})
	}
	row := func(s pdfSeries) pdfRow {
		out := pdfRow{{text: s.name, bold: true}}
		for _, v := range s.values {
			out = append(out, pdfCell{text: model.Percent(v), bold: s.total})
		}
		return out
	}
	var rows []pdfRow
	for _, s := range t.admins {
		rows = append(rows, row(s))
	}
	d.table(cols, append(rows, row(t.total)))
}
