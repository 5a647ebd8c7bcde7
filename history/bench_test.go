package history

import (
	"context"
	"testing"
)

// BenchmarkSave1000 stores a scan of 1,000 accounts with nine findings
// each, as one quarterly scan of the city does.
func BenchmarkSave1000(b *testing.B) {
	db, _ := openTemp(b)
	s := richScan(b, "2026-06-30", 1000)
	ctx := context.Background()
	for b.Loop() {
		sess, err := db.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sess.Save(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHistoryFor1000 computes the history of a 1,000-account scan
// against eight stored quarters.
func BenchmarkHistoryFor1000(b *testing.B) {
	db, _ := openTemp(b)
	ctx := context.Background()
	for _, date := range []string{"2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30"} {
		save(b, db, richScan(b, date, 1000))
	}
	cur := richScan(b, "2026-09-30", 1000)
	for b.Loop() {
		h, err := db.HistoryFor(ctx, cur)
		if err != nil {
			b.Fatal(err)
		}
		if len(h.Trend) == 0 {
			b.Fatal("no trend")
		}
	}
}
