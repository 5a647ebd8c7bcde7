package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeadHostSkipsItsOtherAccounts scans five blogs on a host that
// refuses connections: the first account finds out, the other four are
// skipped without a request, and the terminal, the overview's notes and
// each skipped account's finding say so.
func TestDeadHostSkipsItsOtherAccounts(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now: every connection is refused

	var rows []string
	for i := 1; i <= 5; i++ {
		rows = append(rows, fmt.Sprintf("Kulturförvaltningen;Blogg %d;Blogg;http://%s/blogg%d/;Syfte;Mål;Alla;Anna", i, addr, i))
	}
	reg := writeRegistry(t, "", rows...)
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out,
		"--allow-private-networks", "--no-history", "--concurrency", "1", "--as-of", "2026-11-20")
	if code != exitUnchecked {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitUnchecked, stderr)
	}
	want := fmt.Sprintf("host %s did not answer (network: ", addr)
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "4 accounts on it were skipped") {
		t.Errorf("stderr lacks the dead-host line %q … 4 accounts:\n%s", want, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Notes    []string `json:"notes"`
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
	if !strings.Contains(strings.Join(res.Notes, "\n"), "4 konton på samma server hoppades över") {
		t.Errorf("notes lack the skipped count: %q", res.Notes)
	}
	skipped := 0
	for _, a := range res.Accounts {
		for _, f := range a.Findings {
			if f.Rule == "website-link" {
				if f.Status != "error" {
					t.Errorf("website-link %s, want error", f.Status)
				}
				if strings.Contains(f.Message, "kontot hoppades över") {
					skipped++
				}
			}
		}
	}
	if skipped != 4 {
		t.Errorf("%d accounts say they were skipped, want 4", skipped)
	}
}
