package audit

import "testing"

// TestWithMaxThreads hands response-time's max-threads to every adapter
// that reads replies; 0 leaves the platforms' own settings.
func TestWithMaxThreads(t *testing.T) {
	p := DefaultPlatforms()
	p.YouTube.MaxThreads = 3
	got := withMaxThreads(p, 5)
	if got.Bluesky.MaxThreads != 5 || got.Meta.MaxThreads != 5 || got.YouTube.MaxThreads != 5 {
		t.Errorf("bluesky %d, meta %d, youtube %d; want 5 each", got.Bluesky.MaxThreads, got.Meta.MaxThreads, got.YouTube.MaxThreads)
	}
	if p.YouTube.MaxThreads != 3 {
		t.Errorf("the caller's config changed: %d", p.YouTube.MaxThreads)
	}
	if got := withMaxThreads(p, 0); got.YouTube.MaxThreads != 3 {
		t.Errorf("0 set youtube to %d, want its own 3", got.YouTube.MaxThreads)
	}
}
