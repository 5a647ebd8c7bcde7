package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeRegistry writes a semicolon CSV registry with the given rows under
// the standard Swedish header, or under header when given.
func writeRegistry(t *testing.T, header string, rows ...string) string {
	t.Helper()
	if header == "" {
		header = "Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig"
	}
	p := filepath.Join(t.TempDir(), "konton.csv")
	if err := os.WriteFile(p, []byte(header+"\n"+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCLI(ctx context.Context, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(ctx, args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

// blogServer serves a small blog on loopback, as a registry row might
// point at a site on the city's own network.
func blogServer(t *testing.T, handler http.HandlerFunc) *httptest.Server {
	t.Helper()
	if handler == nil {
		handler = func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<html><head><title>Bloggen</title></head><body><p>Hej</p></body></html>`)
		}
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv
}

func TestScanMissingColumnExits2NamingIt(t *testing.T) {
	t.Parallel()
	reg := writeRegistry(t, "Förvaltning;Konto;Plattform;Syfte", "Kulturförvaltningen;Bloggen;Blogg;Syfte")
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out)
	if code != exitUsage {
		t.Errorf("exit code %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr, "konton.csv") || !strings.Contains(stderr, `"Länk"`) {
		t.Errorf("stderr does not name the file and the column:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output folder written although the scan stopped: %v", err)
	}
}

func TestScanBadRowIsReportedAndOthersScanned(t *testing.T) {
	srv := blogServer(t, nil)
	reg := writeRegistry(t, "",
		"Kulturförvaltningen;Bloggen;Blogg;"+srv.URL+"/;Syfte;Mål;Målgrupp;Ansvarig",
		"Kulturförvaltningen;Trasig;Blogg;htps://x.example/;Syfte;Mål;Målgrupp;Ansvarig")
	out := t.TempDir()
	code, _, stderr := runCLI(context.Background(), "scan", "--registry", reg, "--out", out, "--as-of", "2026-11-20", "--allow-private-networks")
	if code != exitFail {
		t.Errorf("exit code %d, want %d\n%s", code, exitFail, stderr)
	}
	if !strings.Contains(stderr, `konton.csv: row 3, column "Länk"`) {
		t.Errorf("stderr does not name the bad row and column:\n%s", stderr)
	}
	res := readResults(t, out)
	if len(res.Accounts) != 2 {
		t.Fatalf("%d accounts in results.json, want 2", len(res.Accounts))
	}
	for _, a := range res.Accounts {
		want := map[string]string{"Bloggen": "ok", "Trasig": "error"}[a.Name]
		if a.FetchStatus != want {
			t.Errorf("%s: fetch %s (%s), want %s", a.Name, a.FetchStatus, a.FetchError, want)
		}
	}
}

func TestScanRefusesLoopbackUnlessAllowed(t *testing.T) {
	srv := blogServer(t, nil)
	reg := writeRegistry(t, "", "Kulturförvaltningen;Bloggen;Blogg;"+srv.URL+"/;Syfte;Mål;Målgrupp;Ansvarig")

	out := t.TempDir()
	code, _, _ := runCLI(context.Background(), "scan", "--registry", reg, "--out", out, "--as-of", "2026-11-20", "--lang", "en")
	if code != exitUnchecked {
		t.Errorf("exit code %d, want %d (nothing failed, one account not checked)", code, exitUnchecked)
	}
	a := readResults(t, out).Accounts[0]
	if a.FetchStatus != "error" || a.FetchErrorKind != "refused-address" || !strings.Contains(a.FetchError, "127.0.0.1") || !strings.Contains(a.FetchError, "--allow-private-networks") {
		t.Errorf("loopback fetch: %s %s %q, want a refusal naming the address and the flag", a.FetchStatus, a.FetchErrorKind, a.FetchError)
	}
	for _, f := range a.Findings {
		if f.Rule != "registry-complete" && f.Status != "error" {
			t.Errorf("%s is %s for a refused fetch, want error", f.Rule, f.Status)
		}
	}

	out = t.TempDir()
	runCLI(context.Background(), "scan", "--registry", reg, "--out", out, "--as-of", "2026-11-20", "--allow-private-networks")
	if a := readResults(t, out).Accounts[0]; a.FetchStatus != "ok" {
		t.Errorf("with --allow-private-networks: fetch %s (%s), want ok", a.FetchStatus, a.FetchError)
	}
}

func TestScanInterruptedStillWritesReports(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	slow := blogServer(t, func(w http.ResponseWriter, r *http.Request) {
		cancel() // Ctrl-C while the first page is being fetched
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	var rows []string
	for i := 0; i < 5; i++ {
		rows = append(rows, fmt.Sprintf("Kulturförvaltningen;Blogg %d;Blogg;%s/b%d;Syfte;Mål;Målgrupp;Ansvarig", i, slow.URL, i))
	}
	reg := writeRegistry(t, "", rows...)
	out := t.TempDir()
	start := time.Now()
	code, _, stderr := runCLI(ctx, "scan", "--registry", reg, "--out", out, "--as-of", "2026-11-20", "--allow-private-networks", "--concurrency", "1")
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("interrupted scan took %v to stop", took)
	}
	if code != exitInterrupted {
		t.Errorf("exit code %d, want %d\n%s", code, exitInterrupted, stderr)
	}
	res := readResults(t, out)
	if len(res.Accounts) != 5 {
		t.Fatalf("%d accounts in results.json, want all 5", len(res.Accounts))
	}
	for _, a := range res.Accounts {
		if a.FetchStatus != "not-reached" || a.FetchErrorKind != "" || len(a.Findings) != 0 {
			t.Errorf("%s: %s %s with %d findings, want not-reached without findings", a.Name, a.FetchStatus, a.FetchErrorKind, len(a.Findings))
		}
	}
	for _, f := range []string{"oversikt.pdf", "oversikt.xlsx", "kulturforvaltningen.pdf"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written after the interruption: %v", f, err)
		}
	}
	data, _ := os.ReadFile(filepath.Join(out, "results.json"))
	if !strings.Contains(string(data), "Granskningen avbröts") {
		t.Errorf("results.json does not say the audit was interrupted")
	}
}

func TestEverySubcommandHasHelp(t *testing.T) {
	t.Parallel()
	for _, cmd := range []string{"scan", "demo", "rules", "discover", "diff", "import-responses"} {
		code, stdout, _ := runCLI(context.Background(), cmd, "-h")
		if code != exitOK || !strings.Contains(stdout, "Usage: smaudit "+cmd) {
			t.Errorf("%s -h: exit %d, output:\n%s", cmd, code, stdout)
		}
	}
	if code, stdout, _ := runCLI(context.Background(), "version"); code != exitOK || stdout != "smaudit "+version+"\n" {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
	if code, _, stderr := runCLI(context.Background(), "frobnicate"); code != exitUsage || !strings.Contains(stderr, "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(context.Background(), "scan", "--registry", "x.csv"); code != exitUsage || !strings.Contains(stderr, "--out") {
		t.Errorf("scan without --out: exit %d, %q", code, stderr)
	}
}

func TestRulesListsEveryRuleWithThresholds(t *testing.T) {
	t.Parallel()
	cfg := filepath.Join(t.TempDir(), "smaudit.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  inactive-days: 120\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(context.Background(), "rules", "--config", cfg, "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, id := range expectedRuleColumns {
		if !strings.Contains(stdout, id) {
			t.Errorf("rules output lacks %s", id)
		}
	}
	if !strings.Contains(stdout, "120") {
		t.Errorf("rules output does not show the configured 120 days:\n%s", stdout)
	}
}

func TestConfigErrorsNameTheFile(t *testing.T) {
	t.Parallel()
	cfg := filepath.Join(t.TempDir(), "smaudit.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  inactiv-days: 120\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(context.Background(), "rules", "--config", cfg)
	if code != exitUsage || !strings.Contains(stderr, "smaudit.yaml") || !strings.Contains(stderr, "inactiv-days") {
		t.Errorf("a misspelt key: exit %d, %q; want 2 naming the file and key", code, stderr)
	}
}

// TestREADMEConfigExampleLoads keeps README's config reference honest: the
// example must load, and its values must reach the settings.
func TestREADMEConfigExampleLoads(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var block string
	for _, part := range strings.Split(string(readme), "```yaml\n")[1:] {
		if b := part[:strings.Index(part, "```")]; strings.HasPrefix(b, "concurrency:") {
			block = b
		}
	}
	if block == "" {
		t.Fatal("README has no config example (a yaml block starting with concurrency:)")
	}
	p := filepath.Join(t.TempDir(), "smaudit.yaml")
	if err := os.WriteFile(p, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(p)
	if err != nil {
		t.Fatalf("README's config example does not load: %v", err)
	}
	if cfg.Crawl.PerHostDelay != 500*time.Millisecond || cfg.Rules.Posting.Platforms["web"].WindowDays != 182 || cfg.Crawl.Contact != "https://start.stockholm/kontakt" {
		t.Errorf("README's example values did not arrive: %+v", cfg)
	}
}

func TestHelpGoesOnceToStdoutAndErrorsToStderr(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runCLI(context.Background(), "scan", "-h")
	if code != exitOK || strings.Count(stdout, "Usage: smaudit scan") != 1 || stderr != "" {
		t.Errorf("scan -h: exit %d, stdout has usage %d times, stderr %q", code, strings.Count(stdout, "Usage: smaudit scan"), stderr)
	}
	code, stdout, stderr = runCLI(context.Background(), "scan", "--bogus")
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, "-bogus") || strings.Contains(stderr, "Usage:") {
		t.Errorf("scan --bogus: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
