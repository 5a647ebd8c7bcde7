package audit

import (
	"context"
	"errors"
	"testing"
)

// TestCompareScansNamesTheMissingScan: a scan found by number and by date
// compares with itself without accounts added or removed, and a reference to a scan the
// history lacks says whether it was the earlier or the later one.
func TestCompareScansNamesTheMissingScan(t *testing.T) {
	t.Parallel()
	opts := storedDemo(t)
	c, err := CompareScans(context.Background(), opts.DBPath, "1", opts.AsOf.Format("2006-01-02"))
	if err != nil {
		t.Fatal(err)
	}
	if c.From.ID != 1 || c.To.ID != 1 || c.Changes == nil {
		t.Fatalf("scan 1 against its own date: %d -> %d, changes %v; want 1 -> 1 with changes", c.From.ID, c.To.ID, c.Changes)
	}
	if n := len(c.Changes.Added) + len(c.Changes.Removed); n != 0 {
		t.Errorf("scan 1 against itself: %d accounts added or removed, want none", n)
	}
	for _, tt := range []struct{ from, to, which string }{{"7", "1", "from"}, {"1", "2031-01-01", "to"}} {
		_, err := CompareScans(context.Background(), opts.DBPath, tt.from, tt.to)
		var ref *ScanRefError
		if !errors.As(err, &ref) || ref.Which != tt.which {
			t.Errorf("CompareScans(%s, %s) = %v; want a ScanRefError for %q", tt.from, tt.to, err, tt.which)
		}
	}
}
