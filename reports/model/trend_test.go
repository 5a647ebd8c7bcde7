package model

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/rules"
)

// TestTrendTable checks the one trend every writer shows: administrations
// in Swedish order, the newest TrendScans dates, -1 where a scan gave an
// administration no point or no share, and the city's share summed over
// the administrations' points.
func TestTrendTable(t *testing.T) {
	day := func(i int) time.Time { return time.Date(2024, time.Month(1+i), 15, 0, 0, 0, 0, rules.Stockholm) }
	var points []TrendPoint
	for i := range TrendScans + 2 {
		points = append(points, TrendPoint{AsOf: day(i), Administration: "Östermalm", Pass: i, Fail: 1})
	}
	points = append(points,
		TrendPoint{AsOf: day(TrendScans + 1), Administration: "Kultur", Pass: 3, Fail: 1},
		TrendPoint{AsOf: day(TrendScans), Administration: "Kultur", NoneRead: true, Fail: 2},
		TrendPoint{AsOf: day(TrendScans + 1), Administration: "Arbetsmarknad", Pass: 1, Fail: 0})
	got := (&History{Trend: points}).TrendTable()

	if len(got.Dates) != TrendScans || !got.Dates[0].Equal(day(2)) || !got.Dates[TrendScans-1].Equal(day(TrendScans+1)) {
		t.Fatalf("dates %v, want the %d newest from %s", got.Dates, TrendScans, Date(day(2)))
	}
	var names []string
	for _, r := range got.Rows {
		names = append(names, r.Administration)
	}
	if diff := cmp.Diff([]string{"Arbetsmarknad", "Kultur", "Östermalm"}, names); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	last := TrendScans - 1
	if s := got.Rows[1].Shares; s[0] != -1 || s[last-1] != -1 || s[last] != 0.75 {
		t.Errorf("Kultur's shares %v: want -1 without a point or with nothing read, 0.75 in the last scan", s)
	}
	if s := got.Rows[2].Shares[0]; s != 2.0/3 {
		t.Errorf("Östermalm's first kept share %v, want 2/3 (the scan of %s)", s, Date(day(2)))
	}
	// The last scan: 1+3+9 pass, 0+1+1 fail.
	if s := got.Total[last]; s != 13.0/15 {
		t.Errorf("city share in the last scan %v, want 13/15", s)
	}
	if empty := (*History)(nil).TrendTable(); len(empty.Dates) != 0 || len(empty.Rows) != 0 {
		t.Errorf("no history gives %+v, want an empty table", empty)
	}
}
