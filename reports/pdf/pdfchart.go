package pdf

import (
	"fmt"
	"sort"

	"github.com/jung-kurt/gofpdf"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// Trend chart geometry, in millimetres and points.
const (
	pdfChartMost    = 9    // administrations per chart, besides the city total
	pdfChartPlotH   = 58.0 // height of the plot area
	pdfChartYLabelW = 13.0 // the column of percentages left of the plot
	pdfChartPad     = 8.0  // space between the plot's sides and the first and last scan
	pdfChartLabel   = 7.0  // font size of axis labels
	pdfChartLegend  = 7.5  // font size of the legend
	pdfChartRowH    = 4.6  // height of a legend row
	pdfChartMarker  = 1.0  // half the width of a marker
)

// pdfChartColors tell the lines apart on screen; dashes and markers tell
// them apart on a black-and-white print.
var (
	pdfChartColors = []pdfRGB{
		{0, 114, 178}, {213, 94, 0}, {0, 150, 110}, {190, 90, 150}, {200, 140, 0},
		{70, 160, 215}, {130, 80, 40}, {110, 60, 170}, {100, 110, 40},
	}
	pdfChartDashes = [][]float64{nil, {2.4, 1.2}, {0.6, 0.9}, {3, 1, 0.6, 1}}
)

// Marker shapes; 4 and 5 are coprime with the dash patterns' count, so
// the first twenty lines all differ in dash or shape.
const (
	pdfMarkSquare = iota
	pdfMarkTriangle
	pdfMarkDiamond
	pdfMarkTriangleDown
	pdfMarkRing
	pdfMarkShapes
	pdfMarkDot // the city total only
)

// pdfLineStyle is how one series is drawn.
type pdfLineStyle struct {
	color  pdfRGB
	dash   []float64
	marker int
	width  float64
}

// pdfSeriesStyle gives the i-th administration of a chart its style; the
// city total is a thick solid ink line with dots.
func pdfSeriesStyle(i int, total bool) pdfLineStyle {
	if total {
		return pdfLineStyle{color: pdfInk, marker: pdfMarkDot, width: 0.9}
	}
	return pdfLineStyle{color: pdfChartColors[i%len(pdfChartColors)], dash: pdfChartDashes[i%len(pdfChartDashes)],
		marker: i % pdfMarkShapes, width: 0.5}
}

// trendCharts draws the trend as line charts, y the compliance share from
// 0 to 100 % and x the scans, evenly spaced. More administrations than a
// chart keeps apart (pdfChartMost) are split over as few charts as
// needed, of even size, lowest newest share first, so the first chart
// shows who needs attention; every chart also draws the city total, so
// each can be read alone. The table above has every number.
func (d *pdfDoc) trendCharts(t pdfTrend) {
	order := append([]pdfSeries(nil), t.admins...)
	sort.SliceStable(order, func(i, k int) bool {
		a, b := order[i].latest(), order[k].latest()
		if (a < 0) != (b < 0) {
			return b < 0 // nothing judged goes last
		}
		return a < b
	})
	charts := max(1, (len(order)+pdfChartMost-1)/pdfChartMost)
	size := (len(order) + charts - 1) / charts
	title := pdfL(d.lang, "trend.chart")
	for c := 0; c < charts; c++ {
		group := order[min(c*size, len(order)):min((c+1)*size, len(order))]
		name := title
		if charts > 1 {
			name += " (" + fmt.Sprintf(pdfL(d.lang, "trend.part"), c+1, charts) + ")"
		}
		d.chart(name, t, append([]pdfSeries{t.total}, group...))
	}
}

// chart draws one line chart of the series over the trend's scans, with
// its title above and its legend below, all on one page.
func (d *pdfDoc) chart(title string, t pdfTrend, series []pdfSeries) {
	f := d.f
	legendRows := (len(series) + 1) / 2
	d.need(8 + pdfChartPlotH + 7 + float64(legendRows)*pdfChartRowH + 4)
	f.Ln(3)
	d.para(title, "B", 9.5, pdfInk)
	// The trend table above holds the same figures for a reader; the
	// chart's labels read out alone would be a jumble of numbers.
	d.artifact = true
	defer func() { d.artifact = false }()
	x0, y0 := pdfMargin+pdfChartYLabelW, f.GetY()+3
	x1, y1 := pdfMargin+d.width()-3, y0+pdfChartPlotH
	d.chartAxes(t, x0, y0, x1, y1)
	xs := pdfChartXs(len(t.dates), x0, x1)
	y := func(v float64) float64 { return y1 - min(max(v, 0), 1)*pdfChartPlotH }
	admin := 0
	for _, s := range series {
		st := pdfSeriesStyle(admin, s.total)
		if !s.total {
			admin++
		}
		f.SetDrawColor(st.color.r, st.color.g, st.color.b)
		f.SetLineWidth(st.width)
		f.SetDashPattern(st.dash, 0)
		for i := 1; i < len(s.values); i++ {
			if s.values[i-1] >= 0 && s.values[i] >= 0 {
				f.Line(xs[i-1], y(s.values[i-1]), xs[i], y(s.values[i]))
			}
		}
		f.SetDashPattern([]float64{}, 0)
		for i, v := range s.values {
			if v >= 0 {
				d.marker(st, xs[i], y(v))
			}
		}
	}
	f.SetXY(pdfMargin, y1+7)
	d.legend(series)
}

// pdfChartXs spaces n scans evenly between x0 and x1; one scan sits in
// the middle.
func pdfChartXs(n int, x0, x1 float64) []float64 {
	xs := make([]float64, n)
	if n == 1 {
		xs[0] = (x0 + x1) / 2
		return xs
	}
	step := (x1 - x0 - 2*pdfChartPad) / float64(n-1)
	for i := range xs {
		xs[i] = x0 + pdfChartPad + float64(i)*step
	}
	return xs
}

// chartAxes draws the grid every 20 % with its labels, the axes, and the
// scans' dates under their ticks.
func (d *pdfDoc) chartAxes(t pdfTrend, x0, y0, x1, y1 float64) {
	f := d.f
	f.SetLineWidth(0.2)
	for v := 0; v <= 100; v += 20 {
		y := y1 - float64(v)/100*pdfChartPlotH
		c := pdfLine
		if v == 0 {
			c = pdfMuted
		}
		f.SetDrawColor(c.r, c.g, c.b)
		f.Line(x0, y, x1, y)
		d.font("", pdfChartLabel, pdfMuted)
		f.SetXY(pdfMargin, y-1.75)
		d.cell(pdfChartYLabelW-1, 3.5, fmt.Sprintf("%d %%", v), "R")
	}
	f.SetDrawColor(pdfMuted.r, pdfMuted.g, pdfMuted.b)
	f.Line(x0, y0, x0, y1)
	xs := pdfChartXs(len(t.dates), x0, x1)
	// A date is about 14 mm wide; a label box no wider than the gap to
	// the next tick, and never wider than needed, stays on the page.
	w := 22.0
	if len(xs) > 1 {
		w = min(w, xs[1]-xs[0])
	}
	for i, x := range xs {
		f.Line(x, y1, x, y1+1)
		f.SetXY(x-w/2, y1+1.5)
		d.cell(w, 3.5, model.Date(t.dates[i]), "C")
	}
}

// marker draws one data point in the series' shape.
func (d *pdfDoc) marker(st pdfLineStyle, x, y float64) {
	const r = pdfChartMarker
	f := d.f
	c := st.color
	f.SetFillColor(c.r, c.g, c.b)
	switch st.marker {
	case pdfMarkSquare:
		f.Rect(x-r*0.9, y-r*0.9, 1.8*r, 1.8*r, "F")
	case pdfMarkTriangle:
		f.Polygon([]gofpdf.PointType{{X: x, Y: y - 1.25*r}, {X: x + 1.15*r, Y: y + 0.85*r}, {X: x - 1.15*r, Y: y + 0.85*r}}, "F")
	case pdfMarkDiamond:
		f.Polygon([]gofpdf.PointType{{X: x, Y: y - 1.25*r}, {X: x + 1.1*r, Y: y}, {X: x, Y: y + 1.25*r}, {X: x - 1.1*r, Y: y}}, "F")
	case pdfMarkTriangleDown:
		f.Polygon([]gofpdf.PointType{{X: x, Y: y + 1.25*r}, {X: x + 1.15*r, Y: y - 0.85*r}, {X: x - 1.15*r, Y: y - 0.85*r}}, "F")
	case pdfMarkRing:
		f.SetFillColor(pdfWhite.r, pdfWhite.g, pdfWhite.b)
		f.SetDrawColor(c.r, c.g, c.b)
		f.SetLineWidth(0.4)
		f.Circle(x, y, r*0.9, "FD")
	default:
		f.Circle(x, y, r, "F")
	}
}

// legend draws each series' line sample and name in two columns, read
// down the left one first.
func (d *pdfDoc) legend(series []pdfSeries) {
	const sample = 10.0
	f := d.f
	top := f.GetY()
	colW := d.width() / 2
	rows := (len(series) + 1) / 2 // filled down the left column first
	admin := 0
	for i, s := range series {
		st := pdfSeriesStyle(admin, s.total)
		if !s.total {
			admin++
		}
		x := pdfMargin + float64(i/rows)*colW
		y := top + float64(i%rows)*pdfChartRowH
		mid := y + pdfChartRowH/2
		f.SetDrawColor(st.color.r, st.color.g, st.color.b)
		f.SetLineWidth(st.width)
		f.SetDashPattern(st.dash, 0)
		f.Line(x, mid, x+sample, mid)
		f.SetDashPattern([]float64{}, 0)
		d.marker(st, x+sample/2, mid)
		style := ""
		if s.total {
			style = "B"
		}
		d.font(style, pdfChartLegend, pdfInk)
		name := d.split(s.name, colW-sample-3, style)
		if len(name) > 1 {
			name = d.split(name[0]+" …", colW-sample-3, style)[:1]
		}
		f.SetXY(x+sample+1, y)
		d.text(colW-sample-3, pdfChartRowH, name[0], "L", 0, "")
	}
	f.SetXY(pdfMargin, top+float64(rows)*pdfChartRowH+2)
}
