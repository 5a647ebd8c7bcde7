package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestDeadlineFlagEndsAWaitThatCannotHelp scans two blogs on a server that
// answers every request with 429 and "Retry-After: 3600". Under the
// default 12-hour deadline smaudit would wait the hour; with --deadline
// 10m the wait cannot end in time, so the accounts are "could not be
// checked" at once, saying why, and the server was asked once per request
// the scan made rather than polled.
func TestDeadlineFlagEndsAWaitThatCannotHelp(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
	}))
	defer srv.Close()
	reg := writeRegistry(t, "",
		fmt.Sprintf("Kulturförvaltningen;Blogg 1;Blogg;%s/blogg1/;Syfte;Mål;Alla;Anna", srv.URL),
		fmt.Sprintf("Kulturförvaltningen;Blogg 2;Blogg;%s/blogg2/;Syfte;Mål;Alla;Anna", srv.URL))
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out, "--deadline", "10m",
		"--allow-private-networks", "--no-history", "--as-of", "2026-11-20")
	if code != exitUnchecked {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitUnchecked, stderr)
	}
	if !strings.Contains(stderr, "rate limit, not reached before the deadline") {
		t.Errorf("stderr does not say the deadline ended the wait:\n%s", stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Accounts []struct {
			Findings []struct {
				Rule    string `json:"rule"`
				Status  string `json:"status"`
				Message string `json:"message"`
			} `json:"findings"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Accounts) != 2 {
		t.Fatalf("%d accounts in results.json, want 2", len(res.Accounts))
	}
	for _, a := range res.Accounts {
		for _, f := range a.Findings {
			if f.Rule != "website-link" {
				continue
			}
			if f.Status != "error" || !strings.Contains(f.Message, "gräns för antal anrop") {
				t.Errorf("website-link %s %q, want error saying the rate limit outlasted the deadline", f.Status, f.Message)
			}
		}
	}
	if n := requests.Load(); n > 4 {
		t.Errorf("the server was asked %d times; a wait beyond the deadline must not be retried", n)
	}
}

func TestDeadlineFlagRefusesANegativeDuration(t *testing.T) {
	reg := writeRegistry(t, "", "Kulturförvaltningen;Blogg 1;Blogg;https://blogg.example/;Syfte;Mål;Alla;Anna")
	code, _, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", t.TempDir(), "--deadline", "-1h", "--no-history")
	if code != exitUsage || !strings.Contains(stderr, "--deadline must be a positive duration") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}
