package audit

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// An audit's live heap is small beside what the Go runtime holds at its
// peak: the garbage collector lets the heap grow to twice what was live
// after its last cycle before it collects again, and memory freed is
// given back to the system only slowly. For 1,000 accounts about 45 MB
// are live at the most and the runtime held up to 130 MB. A soft memory
// limit that grows with the registry makes the collector run sooner and
// give memory back when the heap nears it, while the live heap stays
// what it is: a leak still shows, as a collector working harder, never
// as a failure.

// Soft memory limit of an audit: what the process already holds, a fixed
// part (fonts, parsers, the pipeline at work) and a part per account (its
// findings, its share of the reports).
const (
	memoryLimitBase       = 40 << 20
	memoryLimitPerAccount = 48 << 10
)

// limitMemory sets the Go runtime's soft memory limit for an audit of n
// accounts and returns the function that puts the earlier limit back. A
// limit the person running it set (GOMEMLIMIT) or one set before is left
// as it is.
func limitMemory(n int) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return func() {}
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	limit := int64(live[0].Value.Uint64()) + memoryLimitBase + int64(n)*memoryLimitPerAccount
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}
