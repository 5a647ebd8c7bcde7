package xlsx

import (
	"sort"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// The trend chart draws each administration as the overview PDF's chart
// does (reports/pdf/pdfchart.go), so a reader who knows one knows the
// other: the same colours, dashes and marker shapes, given in the same
// order, and the city total as a thick ink line. A test holds the
// colours to the PDF's.

// chartColours are the PDF chart's line colours, as hex RGB.
var chartColours = []string{"0072B2", "D55E00", "00966E", "BE5A96", "C88C00", "46A0D7", "825028", "6E3CAA", "646E28"}

// chartInk is the PDF's ink colour, which draws the city total.
const chartInk = "212529"

// chartDashes follow the PDF's dash patterns: solid, dashed, dotted and
// dash-dot.
var chartDashes = []excelize.LineDashType{excelize.LineDashSolid, excelize.LineDashDash, excelize.LineDashSysDot,
	excelize.LineDashSysDashDot}

// chartMarkers are Excel's nearest shapes to the PDF's square, triangle,
// diamond, downward triangle and ring.
var chartMarkers = []string{"square", "triangle", "diamond", "x", "circle"}

// chartMost is how many administrations the PDF puts in one chart
// before it splits them over several (pdfChartMost).
const chartMost = 9

// chartStyle is how one series is drawn.
type chartStyle struct {
	colour, marker string
	dash           excelize.LineDashType
	width          float64 // points
}

// chartSeriesStyle is the i-th administration's style, or the total's.
func chartSeriesStyle(i int, total bool) chartStyle {
	if total {
		return chartStyle{colour: chartInk, marker: "circle", dash: excelize.LineDashSolid, width: 2.5}
	}
	return chartStyle{colour: chartColours[i%len(chartColours)], dash: chartDashes[i%len(chartDashes)],
		marker: chartMarkers[i%len(chartMarkers)], width: 1.5}
}

// chartColourIndex gives each row of the trend table the style index the
// PDF gives that administration: the PDF sorts administrations by their
// newest share, lowest first and those without one last, splits them
// into charts of even size, and counts styles from 0 in each chart.
func chartColourIndex(t model.TrendTable) []int {
	order := make([]int, len(t.Rows))
	for i := range order {
		order[i] = i
	}
	latest := func(i int) float64 { // the newest share the row has
		shares := t.Rows[i].Shares
		for k := len(shares) - 1; k >= 0; k-- {
			if shares[k] >= 0 {
				return shares[k]
			}
		}
		return -1
	}
	sort.SliceStable(order, func(i, k int) bool {
		a, b := latest(order[i]), latest(order[k])
		if (a < 0) != (b < 0) {
			return b < 0
		}
		return a < b
	})
	charts := max(1, (len(order)+chartMost-1)/chartMost)
	size := max(1, (len(order)+charts-1)/charts)
	index := make([]int, len(t.Rows))
	for pos, row := range order {
		index[row] = pos % size
	}
	return index
}
