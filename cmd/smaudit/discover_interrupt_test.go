package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// cancelOn is stderr that cancels the run once marker has been written.
type cancelOn struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	marker string
	cancel context.CancelFunc
}

func (c *cancelOn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	if strings.Contains(c.buf.String(), c.marker) {
		c.cancel()
	}
	return len(p), nil
}

// TestInterruptedDuringDiscoveryIsNotComplete presses Ctrl-C once every
// account is read but while the demo searches the city site for accounts
// missing from the registry: the run is interrupted (exit 130, not
// stored), and the reports say the list of unregistered accounts may be
// incomplete instead of presenting it as the whole truth.
func TestInterruptedDuringDiscoveryIsNotComplete(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOn{marker: "crawling https://", cancel: cancel}
	out := filepath.Join(t.TempDir(), "rapporter")
	var stdout bytes.Buffer
	code := run(ctx, []string{"demo", "--out", out}, nil, &stdout, stderr)
	if code != exitInterrupted {
		t.Fatalf("exit code %d, want %d\n%s\n%s", code, exitInterrupted, stdout.String(), stderr.buf.String())
	}
	if !strings.Contains(stderr.buf.String(), "interrupted during the search for unregistered accounts") {
		t.Errorf("stderr does not say what was interrupted:\n%s", stderr.buf.String())
	}
	data, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Complete *bool    `json:"complete"`
		Notes    []string `json:"notes"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	if res.Complete == nil || *res.Complete {
		t.Errorf("complete = %v, want false", res.Complete)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "Sökningen efter konton som saknas i registret avbröts") {
		t.Errorf("notes do not say the search was cut short: %q", res.Notes)
	}
	if _, err := os.Stat(filepath.Join(out, "smaudit.db")); err == nil {
		if strings.Contains(stdout.String(), "Stored in the history") {
			t.Errorf("an interrupted run was stored:\n%s", stdout.String())
		}
	}
}

// TestDiscoverInterruptedClaimsNothing: Ctrl-C during `smaudit discover`
// must not end in "every account is in the registry", nor a workbook.
func TestDiscoverInterruptedClaimsNothing(t *testing.T) {
	for _, marker := range []string{"[3/", "crawling https://"} {
		t.Run(marker, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stderr := &cancelOn{marker: marker, cancel: cancel}
			j, srv, err := demoOptions(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			var stdout bytes.Buffer
			code := discoverOnly(ctx, j, &stdout, stderr)
			if code != exitInterrupted {
				t.Errorf("exit code %d, want %d", code, exitInterrupted)
			}
			if strings.Contains(stdout.String(), "Every account") || strings.Contains(stdout.String(), "Workbook:") {
				t.Errorf("an interrupted search claimed a result:\n%s", stdout.String())
			}
			if !strings.Contains(stderr.buf.String(), "interrupted before the search finished") {
				t.Errorf("stderr does not say it was interrupted:\n%s", stderr.buf.String())
			}
		})
	}
}
