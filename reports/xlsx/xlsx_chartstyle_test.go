package xlsx

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestChartColoursAreThePDFs reads the PDF chart's colours and ink from
// its source, as the writers may not import each other, and holds the
// workbook's chart to them.
func TestChartColoursAreThePDFs(t *testing.T) {
	chart, err := os.ReadFile("../pdf/pdfchart.go")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../pdf/pdfdoc.go")
	if err != nil {
		t.Fatal(err)
	}
	list := regexp.MustCompile(`(?s)pdfChartColors = \[\]pdfRGB\{(.*?)\n\t\}`).FindSubmatch(chart)
	if list == nil {
		t.Fatal("pdfchart.go: no pdfChartColors list")
	}
	var want []string
	for _, m := range regexp.MustCompile(`\{(\d+), (\d+), (\d+)\}`).FindAllStringSubmatch(string(list[1]), -1) {
		want = append(want, hexRGB(t, m[1:]))
	}
	if got := strings.Join(chartColours, " "); got != strings.Join(want, " ") {
		t.Errorf("chart colours %s, the PDF's %s", got, strings.Join(want, " "))
	}
	ink := regexp.MustCompile(`pdfInk\s*= pdfRGB\{(\d+), (\d+), (\d+)\}`).FindStringSubmatch(string(doc))
	if ink == nil {
		t.Fatal("pdfdoc.go: no pdfInk")
	}
	if want := hexRGB(t, ink[1:]); chartInk != want {
		t.Errorf("total's colour %s, the PDF's ink %s", chartInk, want)
	}
	if m := regexp.MustCompile(`pdfChartMost\s*= (\d+)`).FindSubmatch(chart); m == nil || string(m[1]) != strconv.Itoa(chartMost) {
		t.Errorf("chartMost %d, the PDF's pdfChartMost %q", chartMost, m)
	}
}

func hexRGB(t *testing.T, parts []string) string {
	t.Helper()
	var s string
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			t.Fatal(err)
		}
		s += fmt.Sprintf("%02X", n)
	}
	return s
}

// TestChartColourIndex checks the style each administration gets is the
// PDF's: ordered by newest share, lowest first, none last, counted anew
// in each chart of at most chartMost.
func TestChartColourIndex(t *testing.T) {
	row := func(shares ...float64) model.TrendRow { return model.TrendRow{Shares: shares} }
	tests := []struct {
		name string
		rows []model.TrendRow
		want []int
	}{
		{"lowest newest share first", []model.TrendRow{row(0.9, 0.5), row(0.1, 0.8), row(0.2)}, []int{1, 2, 0}},
		{"a missing newest share counts the one before", []model.TrendRow{row(0.3, -1), row(0.5, 0.6)}, []int{0, 1}},
		{"nothing judged goes last", []model.TrendRow{row(-1, -1), row(1)}, []int{1, 0}},
	}
	many := make([]model.TrendRow, 12) // two charts of six
	wantMany := make([]int, 12)
	for i := range many {
		many[i] = row(float64(i) / 100)
		wantMany[i] = i % 6
	}
	tests = append(tests, struct {
		name string
		rows []model.TrendRow
		want []int
	}{"twelve split into two charts of six", many, wantMany})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := chartColourIndex(model.TrendTable{Rows: tt.rows})
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("chartColourIndex = %v, want %v", got, tt.want)
			}
		})
	}
}
