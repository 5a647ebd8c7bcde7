package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/fixtureserver"
)

// quarterK compresses the platforms' clocks: a window of an hour lasts
// 40 seconds, and the scan's politeness is scaled alike, so the floor of
// the quarter (X's user timelines: about 150 requests at 15 per window)
// is under two minutes instead of two and a half hours. X's windows
// stay whole seconds (15 min / 90 = 10 s), as its reset header needs.
const quarterK = 90

// quarterLimits are the published limits the fixtures enforce, each
// window divided by quarterK (the sources are in
// testdata/quarter/README.md). YouTube's pages publish none: its host is
// bounded by the per-host delay only, as blogs and city pages are.
func quarterLimits() []fixtureserver.Limit {
	k := time.Duration(quarterK)
	return []fixtureserver.Limit{
		{Name: "graph (app, 200 per rolling hour)", Host: "graph.demo.example", Max: 200, Window: time.Hour / k, Style: fixtureserver.Graph},
		{Name: "x user timelines (15 per 15 min)", Host: "api.x.demo.example", Path: regexp.MustCompile(`^/2/users/[0-9]+/tweets$`), Max: 15, Window: 15 * time.Minute / k, Style: fixtureserver.X},
		{Name: "x user lookup (300 per 15 min)", Host: "api.x.demo.example", Path: regexp.MustCompile(`^/2/users/by/username/`), Max: 300, Window: 15 * time.Minute / k, Style: fixtureserver.X},
		{Name: "mastodon (300 per 5 min)", Host: "mastodon.demo.example", Max: 300, Window: 5 * time.Minute / k, Style: fixtureserver.Mastodon},
		{Name: "bluesky appview (3000 per 5 min)", Host: "appview.demo.example", Max: 3000, Window: 5 * time.Minute / k, Style: fixtureserver.Bluesky},
	}
}

// BenchmarkQuarter scans a quarter of the city's 800 accounts in its
// platform mix with the real binary, as a separate process over TLS,
// against fixture servers that enforce the platforms' published rate
// limits on a clock quarterK times faster, with real-size city pages for
// the affiliation check. It reports x-floor, the wall time of `smaudit
// scan` divided by the floor the limits and the per-host delay allow for
// the requests the fixtures admitted (target at most 1.1), and
// unchecked, the accounts results.json has not checked (target 0). The
// registry is given sorted by platform and interleaved (round robin over
// platforms): the order must not change the wall time.
func BenchmarkQuarter(b *testing.B) {
	fsys, byPlatform := quarterFixtures(b)
	sorted := quarterRows(byPlatform)
	addCityPages(b, fsys, sorted)
	bin := filepath.Join(b.TempDir(), "smaudit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	orders := []struct {
		name string
		rows []quarterRow
	}{{"sorted", sorted}, {"interleaved", interleave(sorted)}}
	for _, o := range orders {
		b.Run("order="+o.name, func(b *testing.B) {
			var ratio float64
			var unchecked int
			for i := 0; i < b.N; i++ {
				r, u := runQuarter(b, bin, fsys, o.rows)
				ratio += r
				unchecked += u
			}
			b.ReportMetric(ratio/float64(b.N), "x-floor")
			b.ReportMetric(float64(unchecked)/float64(b.N), "unchecked")
		})
	}
}

// quarterRows names the accounts and spreads them over 40
// administrations, sorted by platform (quarterMix's order).
func quarterRows(byPlatform map[string][]quarterAccount) []quarterRow {
	var rows []quarterRow
	for _, m := range quarterMix {
		for _, a := range byPlatform[m.platform] {
			n := len(rows)
			rows = append(rows, quarterRow{admin: fmt.Sprintf("Förvaltning %02d", n%40+1), name: fmt.Sprintf("Konto %04d", n+1), quarterAccount: a})
		}
	}
	return rows
}

// interleave returns rows round robin over their platforms: one of each
// in turn while any is left.
func interleave(rows []quarterRow) []quarterRow {
	var groups [][]quarterRow
	for _, r := range rows {
		if len(groups) == 0 || groups[len(groups)-1][0].platform != r.platform {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], r)
	}
	var out []quarterRow
	for len(out) < len(rows) {
		for g := range groups {
			if len(groups[g]) > 0 {
				out = append(out, groups[g][0])
				groups[g] = groups[g][1:]
			}
		}
	}
	return out
}

// quarterRegistry is the CSV a person keeps, in the order of rows.
func quarterRegistry(rows []quarterRow) string {
	var b strings.Builder
	b.WriteString("Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig;Webbplats\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s;%s;%s;%s;Informera stockholmare;Svar inom en arbetsdag;Stockholmare;Kommunikatör;https://start.stockholm\n", r.admin, r.name, r.platform, r.link)
	}
	return b.String()
}

// quarterConfig is the binary's config: politeness, backoff, the longest
// own backoff and Graph's window scaled by quarterK like the limits, and
// a deadline no run comes near.
func quarterConfig(proxy string) string {
	k := time.Duration(quarterK)
	p := audit.DemoPlatforms(audit.DefaultConfig().Platforms)
	return fmt.Sprintf(`crawl:
  per-host-delay: %s
  retry-backoff: %s
  max-wait: %s
  deadline: 15m
  graph-window: %s
  allow-private-networks: true
  proxy: %s
platforms:
  bluesky: {appview: %q}
  youtube: {site: %q, api-base: %q}
  meta: {graph-base: %q, instagram-user-id: %q}
  x: {api-base: %q}
`, 500*time.Millisecond/k, time.Second/k, 2*time.Minute/k, time.Hour/k, proxy,
		p.Bluesky.AppView, p.YouTube.Site, p.YouTube.APIBase, p.Meta.GraphBase, p.Meta.InstagramUserID, p.X.APIBase)
}

// runQuarter runs one `smaudit scan` of rows against fresh fixtures and
// limits and returns its wall time over the floor, and the accounts left
// unchecked.
func runQuarter(b *testing.B, bin string, fsys fstest.MapFS, rows []quarterRow) (float64, int) {
	b.StopTimer()
	defer b.StartTimer()
	h, err := fixtureserver.NewHandler(fsys)
	if err != nil {
		b.Fatal(err)
	}
	misses := &missLog{next: h, seen: map[string]int{}}
	limiter := fixtureserver.NewLimiter(misses, time.Now, quarterLimits()...)
	proxy := startBenchProxy(b, limiter)
	defer proxy.Close()

	dir := b.TempDir()
	regFile, cfgFile, out := filepath.Join(dir, "quarter.csv"), filepath.Join(dir, "smaudit.yaml"), filepath.Join(dir, "out")
	if err := os.WriteFile(regFile, []byte(quarterRegistry(rows)), 0o600); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(cfgFile, []byte(quarterConfig(proxy.URL)), 0o600); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "scan", "--registry", regFile, "--config", cfgFile, "--out", out, "--no-history", "--as-of", audit.DemoAsOf)
	cmd.Env = append(os.Environ(), "SSL_CERT_FILE="+proxy.caFile,
		audit.EnvMetaToken+"=quarter-bench-token", audit.EnvXBearerToken+"=quarter-bench-token")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	b.StartTimer()
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	b.StopTimer()
	// 1: a finding failed; 3: an account could not be checked, which
	// unchecked counts. Anything else is a broken run.
	if code := cmd.ProcessState.ExitCode(); code != exitOK && code != exitFail && code != exitUnchecked {
		b.Fatalf("smaudit scan: %v (exit %d)\n%s", err, code, lastLines(stderr.String(), 20))
	}

	// A benchmark's log is cut after ten lines: one line per subject.
	bounds := limiter.Bounds(500 * time.Millisecond / quarterK)
	floor := bounds[0].Floor
	b.Logf("wall %s, floor %s (%s): x-floor %.2f", wall.Round(time.Millisecond), floor, bounds[0].Name, wall.Seconds()/floor.Seconds())
	var limits, hosts []string
	for _, c := range limiter.Counts() {
		limits = append(limits, fmt.Sprintf("%s: %d admitted, %d refused", c.Name, c.Admitted, c.Refused))
	}
	for _, bd := range bounds[:min(6, len(bounds))] {
		hosts = append(hosts, fmt.Sprintf("%s %d req. %s", bd.Name, bd.Requests, bd.Floor.Round(time.Millisecond)))
	}
	b.Logf("limits: %s", strings.Join(limits, "; "))
	b.Logf("longest floors: %s", strings.Join(hosts, "; "))
	if m := misses.summary(); m != "" {
		b.Logf("no fixture for: %s", m)
	}
	unchecked := quarterUnchecked(b, filepath.Join(out, "results.json"), rows)
	return wall.Seconds() / floor.Seconds(), unchecked
}

// quarterUnchecked counts the accounts results.json reports as not
// checked (any fetchStatus but ok) and logs how many, by platform and
// kind, with an example of each.
func quarterUnchecked(b *testing.B, file string, rows []quarterRow) int {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var res struct {
		Accounts []struct {
			URL         string `json:"url"`
			Platform    string `json:"platform"`
			FetchStatus string `json:"fetchStatus"`
			Kind        string `json:"fetchErrorKind"`
			Error       string `json:"fetchError"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		b.Fatalf("%s: %v", file, err)
	}
	if len(res.Accounts) != len(rows) {
		b.Fatalf("%s: %d accounts, want %d", file, len(res.Accounts), len(rows))
	}
	kinds := map[string]int{}
	example := map[string]string{}
	n := 0
	for _, a := range res.Accounts {
		if a.FetchStatus == "ok" {
			continue
		}
		n++
		k := a.Platform + " " + a.FetchStatus + " " + a.Kind
		kinds[k]++
		if example[k] == "" {
			example[k] = a.URL + ": " + a.Error
		}
	}
	keys := make([]string, 0, len(kinds))
	for k := range kinds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d (e.g. %s)", k, kinds[k], example[k]))
	}
	b.Logf("unchecked %d: %s", n, strings.Join(parts, "; "))
	return n
}

// missLog counts the requests the fixtures have no answer for, so a
// fixture gap shows instead of passing as a 404 the scan tolerates.
type missLog struct {
	next http.Handler
	mu   sync.Mutex
	seen map[string]int
}

func (m *missLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	m.next.ServeHTTP(sw, r)
	if sw.status == http.StatusNotFound {
		m.mu.Lock()
		m.seen[r.Host+r.URL.Path]++
		m.mu.Unlock()
	}
}

// summary lists the paths without a fixture, with their requests.
func (m *missLog) summary() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.seen))
	for k := range m.seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys[:min(10, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s (%d)", k, m.seen[k]))
	}
	if len(keys) > 10 {
		parts = append(parts, fmt.Sprintf("and %d more paths", len(keys)-10))
	}
	return strings.Join(parts, ", ")
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}
