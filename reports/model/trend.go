package model

import (
	"sort"
	"time"
)

// TrendScans is how many scans a trend table shows, the newest; the
// history stores no more per administration.
const TrendScans = 8

// TrendTable is History.Trend laid out as every writer shows it:
// administrations down, audit dates across. Computing it here, once,
// keeps the PDF's and the workbook's trend the same rows and columns.
type TrendTable struct {
	Dates []time.Time // audit dates, oldest first, at most TrendScans
	Rows  []TrendRow  // administrations in the report's order
	Total []float64   // the city's share per date, -1 where it has none
}

// TrendRow is one administration's compliance per audit date of its
// table, -1 where the administration was not in that scan or the scan
// gave it no share (see Counts.NoShare).
type TrendRow struct {
	Administration string
	Shares         []float64
}

// TrendTable lays out the trend points: scans are told apart by their
// audit date, the last TrendScans kept, and a share follows the report's
// rule over the summed points of an administration (or the city) in one
// scan.
func (h *History) TrendTable() TrendTable {
	var t TrendTable
	if h == nil {
		return t
	}
	byDay := map[string]int{}
	for _, p := range h.Trend {
		if _, ok := byDay[Date(p.AsOf)]; !ok {
			byDay[Date(p.AsOf)] = 0
			t.Dates = append(t.Dates, p.AsOf)
		}
	}
	sort.Slice(t.Dates, func(i, k int) bool { return Date(t.Dates[i]) < Date(t.Dates[k]) })
	t.Dates = t.Dates[max(0, len(t.Dates)-TrendScans):]
	for i, d := range t.Dates {
		byDay[Date(d)] = i + 1 // 0 marks a scan left out
	}
	type perScan [][]TrendPoint
	sums := map[string]perScan{}
	var names []string
	total := make(perScan, len(t.Dates))
	for _, p := range h.Trend {
		at := byDay[Date(p.AsOf)] - 1
		if at < 0 {
			continue
		}
		s := sums[p.Administration]
		if s == nil {
			s = make(perScan, len(t.Dates))
			sums[p.Administration] = s
			names = append(names, p.Administration)
		}
		s[at] = append(s[at], p)
		total[at] = append(total[at], p)
	}
	col := NewCollation()
	sort.Slice(names, func(i, k int) bool {
		if c := col.Compare(names[i], names[k]); c != 0 {
			return c < 0
		}
		return names[i] < names[k]
	})
	shares := func(s perScan) []float64 {
		out := make([]float64, len(t.Dates))
		for i := range out {
			out[i] = TrendCounts(s[i]...).Compliance()
		}
		return out
	}
	for _, n := range names {
		t.Rows = append(t.Rows, TrendRow{Administration: n, Shares: shares(sums[n])})
	}
	t.Total = shares(total)
	return t
}
