package audit

import (
	"strings"
	"testing"
)

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

// TestPlatformsTakeNoMaxThreadsKey checks that the cap has one key: a
// platform's max-threads, which response-time.max-threads would silently
// overwrite, is refused with its line instead of ignored.
func TestPlatformsTakeNoMaxThreadsKey(t *testing.T) {
	_, err := parseConfig("smaudit.yaml", []byte("platforms:\n  bluesky:\n    max-threads: 4\n"))
	if err == nil || !strings.Contains(err.Error(), "max-threads") || !strings.Contains(err.Error(), "smaudit.yaml") {
		t.Fatalf("err = %v, want the file and the unknown key max-threads", err)
	}
	cfg, err := parseConfig("smaudit.yaml", []byte("rules:\n  response-time:\n    max-threads: 4\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := withMaxThreads(cfg.Platforms, cfg.Rules.Response.MaxThreads); got.Bluesky.MaxThreads != 4 || got.YouTube.MaxThreads != 4 || got.Meta.MaxThreads != 4 {
		t.Errorf("response-time.max-threads 4 gave bluesky %d, youtube %d, meta %d", got.Bluesky.MaxThreads, got.YouTube.MaxThreads, got.Meta.MaxThreads)
	}
}
