//go:build unix

package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestWatchSignals(t *testing.T) {
	t.Parallel()
	// Unbuffered: a send completes only when watchSignals takes the
	// signal, so the test knows which signal it is handling without
	// sleeping.
	sigs := make(chan os.Signal)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exited := make(chan int, 1)
	abandoned := 0
	var stderr bytes.Buffer
	go watchSignals(sigs, cancel, &stderr, func() int { abandoned++; return 2 }, func(code int) { exited <- code })

	sigs <- os.Interrupt
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the first signal did not cancel the run")
	}
	// A watcher that ended the process on the first signal never takes
	// the second: its exit arrives instead.
	select {
	case sigs <- syscall.SIGTERM:
	case code := <-exited:
		t.Fatalf("the first signal ended the process (exit %d); it must let the reports be written", code)
	case <-time.After(5 * time.Second):
		t.Fatal("the watcher took no second signal")
	}
	select {
	case code := <-exited:
		if code != exitInterrupted {
			t.Errorf("second signal: exit %d, want %d", code, exitInterrupted)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the second signal did not end the process")
	}
	if abandoned != 1 || !strings.Contains(stderr.String(), "2 report files") {
		t.Errorf("second signal: abandoned %d times, stderr %q; want the files in progress removed once and said so", abandoned, stderr.String())
	}
}

// TestSecondSignalStopsAtOnce runs smaudit as a process on a registry of
// 3,000 blog accounts whose server never answers, interrupts it when the
// first request arrives and again as soon as it says it is writing the
// reports: it must end at once with exit 130 and leave no temporary or
// half-written file.
func TestSecondSignalStopsAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a 3,000-account scan in a subprocess")
	}
	requested := make(chan struct{})
	var once sync.Once
	srv := blogServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		once.Do(func() { close(requested) })
		select { // a server that never answers
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	})
	var rows []string
	for i := 0; i < 3000; i++ {
		rows = append(rows, fmt.Sprintf("Förvaltning %02d;Blogg %04d;Blogg;%s/b%d;Syfte;Mål;Målgrupp;Ansvarig", i%40, i, srv.URL, i))
	}
	reg := writeRegistry(t, "", rows...)
	out := filepath.Join(t.TempDir(), "rapporter")

	args := []string{"scan", "--registry", reg, "--out", out, "--as-of", "2026-11-20", "--allow-private-networks", "--no-history", "--concurrency", "2"}
	cmd := exec.Command(os.Args[0], "-test.run=^$") // TestMain runs the helper; no test runs twice
	cmd.Env = append(os.Environ(), signalHelperEnv+"="+strings.Join(args, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-requested:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the scan sent no request")
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	lines := bufio.NewScanner(stderr)
	var second time.Time
	for lines.Scan() {
		log.WriteString(lines.Text() + "\n")
		if second.IsZero() && strings.HasPrefix(lines.Text(), "interrupted: writing the reports for the ") {
			// Ctrl-C again once the first report is written, while the
			// others are being written.
			waitForFile(t, filepath.Join(out, "results.json"))
			second = time.Now()
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
		}
	}
	err = cmd.Wait()
	took := time.Since(second)
	if second.IsZero() {
		t.Fatalf("the first Ctrl-C did not say it writes the reports:\n%s", log.String())
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
		t.Fatalf("exit %v, want code %d\nstderr:\n%s\nstdout:\n%s", err, exitInterrupted, log.String(), stdout.String())
	}
	if took > 2*time.Second {
		t.Errorf("the second Ctrl-C took %v to end the process", took)
	}
	if !strings.Contains(log.String(), "interrupted again: stopping now") {
		t.Errorf("the second Ctrl-C was not acknowledged:\n%s", log.String())
	}
	entries, err := os.ReadDir(out)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".tmp") {
			t.Errorf("temporary file %s left behind", name)
			continue
		}
		checkComplete(t, filepath.Join(out, name))
	}
	// 3,000 accounts take far longer to report than a signal to arrive:
	// the run must have been cut short, or this test proved nothing.
	if len(entries) < 1 || len(entries) >= 2+2*40 {
		t.Errorf("all %d reports were written before the second Ctrl-C took effect; the test did not catch the writing", len(entries))
	}
}

// waitForFile waits until path exists.
func waitForFile(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("%s was never written", path)
}

// checkComplete fails unless the file at path is a whole report of its
// kind.
func checkComplete(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch filepath.Ext(path) {
	case ".json":
		if !json.Valid(data) {
			t.Errorf("%s is not whole JSON (%d bytes)", path, len(data))
		}
	case ".pdf":
		if !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
			t.Errorf("%s is not a whole PDF (%d bytes)", path, len(data))
		}
	case ".xlsx":
		if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			t.Errorf("%s is not a whole workbook: %v", path, err)
		}
	}
}
