package html_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// The browser test needs two things from outside Go: a Chromium and
// axe-core's script. .ci/run installs both (Debian's chromium, and
// axe-core from npm into a cache folder) and names the script in
// SMAUDIT_AXE_CORE.
const (
	chromiumEnv = "SMAUDIT_CHROMIUM" // a Chromium binary, else chromium on PATH
	axeEnv      = "SMAUDIT_AXE_CORE" // axe.min.js, or an npm prefix holding node_modules/axe-core
)

// browserTools finds Chromium and axe-core. Without them the test is
// skipped with what to install, except under CI=1, where a browser test
// that cannot run fails: a green CI must mean the pages were checked.
func browserTools(t *testing.T) (chromium, axeScript string) {
	t.Helper()
	missing := func(what string) {
		t.Helper()
		msg := what + " is missing: install Debian's chromium (apt-get install chromium) and axe-core " +
			"(npm install --prefix ~/.cache/smaudit/axe axe-core@4), or run .ci/run, which installs both"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	chromium = os.Getenv(chromiumEnv)
	if chromium == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				chromium = p
				break
			}
		}
	}
	if chromium == "" {
		missing("Chromium")
	}
	axeScript = findAxe()
	if axeScript == "" {
		missing("axe-core (" + axeEnv + ")")
	}
	return chromium, axeScript
}

// findAxe is axe.min.js named by SMAUDIT_AXE_CORE (the file itself or an
// npm prefix), else in the cache folder .ci/run installs it into.
func findAxe() string {
	var places []string
	if p := os.Getenv(axeEnv); p != "" {
		places = append(places, p, filepath.Join(p, "node_modules", "axe-core", "axe.min.js"), filepath.Join(p, "axe.min.js"))
	}
	if cache, err := os.UserCacheDir(); err == nil {
		places = append(places, filepath.Join(cache, "smaudit", "axe", "node_modules", "axe-core", "axe.min.js"))
	}
	for _, p := range places {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// The demo's reports, written once for every test that reads them and
// removed by TestMain.
var (
	demoOnce sync.Once
	demoRoot string
	demoOut  string
	demoErr  error
)

// TestMain removes the demo's reports after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoRoot != "" {
		os.RemoveAll(demoRoot)
	}
	os.Exit(code)
}

// demoPages runs the demo as README's quarterly example does, the quarter
// before and then the demo's day into one history, and returns the
// folder holding the second run's reports.
func demoPages(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		if demoRoot, demoErr = os.MkdirTemp("", "smaudit-html-demo-"); demoErr == nil {
			demoOut, demoErr = runDemo(demoRoot)
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoOut
}

// runDemo writes the demo's two audits under root and returns the
// second's folder.
func runDemo(root string) (string, error) {
	db := filepath.Join(root, "smaudit.db")
	var out string
	for _, day := range []string{"2026-08-21", audit.DemoAsOf} {
		asOf, err := rules.ParseAsOf(day)
		if err != nil {
			return "", err
		}
		out = filepath.Join(root, day)
		opts, srv, err := audit.Demo(out, "sv", asOf)
		if err != nil {
			return "", err
		}
		opts.DBPath, opts.Version = db, "test"
		a, err := audit.Open(context.Background(), opts)
		if err != nil {
			srv.Close()
			return "", err
		}
		_, err = a.Run(context.Background(), quiet{})
		if err == nil {
			_, err = a.Store(context.Background())
		}
		a.Close()
		srv.Close()
		if err != nil {
			return "", fmt.Errorf("demo of %s: %w", day, err)
		}
	}
	return out, nil
}

// quiet is a Progress that shows nothing.
type quiet struct{}

func (quiet) Started(scanner.Account)                    {}
func (quiet) Finished(scanner.Result)                    {}
func (quiet) Wait(string, time.Duration, string)         {}
func (quiet) DeadHosts([]crawl.DeadHost, map[string]int) {}
func (quiet) Close()                                     {}
