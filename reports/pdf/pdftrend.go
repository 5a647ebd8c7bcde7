package pdf

import (
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
)

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
	dates  []time.Time // oldest first, at most model.TrendScans
	admins []pdfSeries // sorted by name
	total  pdfSeries   // pass and fail summed over the administrations
}

// pdfTrendOf names the model's trend table's rows as chart series.
func pdfTrendOf(table model.TrendTable, totalName string) pdfTrend {
	t := pdfTrend{dates: table.Dates}
	for _, row := range table.Rows {
		t.admins = append(t.admins, pdfSeries{name: row.Administration, values: row.Shares})
	}
	t.total = pdfSeries{name: totalName, values: table.Total, total: true}
	return t
}

// trendSection draws the overview's trend: a table of each
// administration's compliance in the last scans and the charts of it.
func (d *pdfDoc) trendSection() {
	lang := d.lang
	t := pdfTrendOf(d.report.History.TrendTable(), pdfL(lang, "total"))
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
