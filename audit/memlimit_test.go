package audit

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestLimitMemoryGrowsWithTheRegistry checks that an audit's soft memory
// limit grows with its accounts, is put back afterwards, and leaves a
// limit set before it (as GOMEMLIMIT sets one) alone.
func TestLimitMemoryGrowsWithTheRegistry(t *testing.T) {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Skip("a memory limit is set for the test process")
	}
	limits := map[int]int64{}
	for _, n := range []int{10, 1000, 10000} {
		restore := limitMemory(n)
		limits[n] = debug.SetMemoryLimit(-1)
		restore()
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Fatalf("%d accounts: limit %d left after the audit", n, got)
		}
	}
	if !(limits[10] >= memoryLimitBase && limits[10] < limits[1000] && limits[1000] < limits[10000]) {
		t.Errorf("limits %v do not grow with the accounts from the base %d", limits, memoryLimitBase)
	}
	if d := limits[10000] - limits[1000]; d < 9000*memoryLimitPerAccount/2 {
		t.Errorf("9,000 accounts more raise the limit by %d bytes only", d)
	}

	t.Setenv("GOMEMLIMIT", "off")
	restore := limitMemory(1000)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, the audit set a limit of %d", got)
	}
	restore()
	t.Setenv("GOMEMLIMIT", "")

	debug.SetMemoryLimit(200 << 20)
	defer debug.SetMemoryLimit(math.MaxInt64)
	restore = limitMemory(1000)
	if got := debug.SetMemoryLimit(-1); got != 200<<20 {
		t.Errorf("a limit set before was changed to %d", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 200<<20 {
		t.Errorf("a limit set before is %d after the audit", got)
	}
}
