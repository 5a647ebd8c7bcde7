package html

import (
	"fmt"
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// spark is a small line of one administration's compliance over the
// audits of the trend table: the PDF's chart, one row at a time, so no
// line needs a colour to be told apart. Its label says in words where
// the line starts and ends; the table beside it holds every figure.
type spark struct {
	Label string
	// Lines are the polylines' points in a 100 × 30 box, one per run of
	// audits with a share; an audit without one breaks the line.
	Lines []string
	// Last is the newest share's point, marked with a dot.
	LastX, LastY string
}

// Spark box: the viewBox is 100 wide and 30 high, with room for the dot.
const (
	sparkW, sparkH, sparkPad = 100.0, 30.0, 3.0
)

// sparkOf draws shares (-1 where an audit has none); nil when fewer than
// two audits have a share, since a single point shows no trend.
func sparkOf(lang string, shares []float64) *spark {
	var have []int
	for i, v := range shares {
		if v >= 0 {
			have = append(have, i)
		}
	}
	if len(have) < 2 || len(shares) < 2 {
		return nil
	}
	point := func(i int) (string, string) {
		x := sparkPad + float64(i)*(sparkW-2*sparkPad)/float64(len(shares)-1)
		y := sparkPad + (1-shares[i])*(sparkH-2*sparkPad)
		return fmt.Sprintf("%.1f", x), fmt.Sprintf("%.1f", y)
	}
	s := &spark{Label: sprintf(lang, "trend.spark", model.Percent(shares[have[0]]), model.Percent(shares[have[len(have)-1]]))}
	var run []string
	flush := func() {
		if len(run) > 1 {
			s.Lines = append(s.Lines, strings.Join(run, " "))
		}
		run = nil
	}
	for i, v := range shares {
		if v < 0 {
			flush()
			continue
		}
		x, y := point(i)
		run = append(run, x+","+y)
	}
	flush()
	s.LastX, s.LastY = point(have[len(have)-1])
	return s
}
