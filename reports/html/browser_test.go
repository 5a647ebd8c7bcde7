package html_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/stockholm-stad/smaudit/reports/html"
	"github.com/stockholm-stad/smaudit/reports/internal/sample"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// axeRun runs axe-core's WCAG 2.1 A and AA rules on the whole page, with
// every collapsed list opened so the passed checks are judged too.
const axeRun = `(() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  return axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    .then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({
      id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)}))}));
})()`

// axeResult is what axeRun returns.
type axeResult struct {
	Passes     int `json:"passes"`
	Violations []struct {
		ID    string   `json:"id"`
		Help  string   `json:"help"`
		Nodes []string `json:"nodes"`
	} `json:"violations"`
}

// TestPagesInBrowser opens every page of the demo (Swedish, with a
// quarter of history) and English pages of the samples (history, an
// interrupted audit, discovery) in headless Chromium, and fails on any
// WCAG 2.1 A/AA violation axe-core finds, on any request other than the
// page itself, on a script error or refused style, and on a page wider
// than a 320 px phone. It takes screenshots of the overview at desktop
// and phone width and checks that they show something; with
// SMAUDIT_SCREENSHOTS set to a folder it keeps them there.
func TestPagesInBrowser(t *testing.T) {
	chromium, axePath := browserTools(t)
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	demo := demoPages(t)
	files, _ := filepath.Glob(filepath.Join(demo, "*.html"))
	if len(files) < 5 {
		t.Fatalf("the demo wrote %d pages, want the overview and four administrations': %v", len(files), files)
	}
	files = append(files, englishPages(t)...)
	ctx := startBrowser(t, chromium)
	for _, f := range files {
		t.Run(filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f), func(t *testing.T) { checkPage(t, ctx, f, string(axe)) })
	}
	t.Run("screenshots", func(t *testing.T) {
		screenshots(t, ctx, filepath.Join(demo, html.OverviewFile), filepath.Join(demo, "kulturforvaltningen.html"))
	})
	t.Run("filter", func(t *testing.T) { filterWorks(t, ctx, filepath.Join(demo, "kulturforvaltningen.html")) })
}

// englishPages writes the English pages of the samples that show what
// the demo does not: an interrupted audit, the history sample, discovery
// and the manual checklist.
func englishPages(t *testing.T) []string {
	t.Helper()
	var files []string
	for name, r := range map[string]*model.Report{"en-history": sample.HistoryReport("en"), "en-interrupted": sample.InterruptedReport("en"),
		"en-unregistered": sample.UnregisteredReport("en", sample.Unregistered()), "en-checklist": sample.ChecklistReport("en")} {
		dir := filepath.Join(t.TempDir(), name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		write := func(file string, render func(*bytes.Buffer) error) {
			var b bytes.Buffer
			if err := render(&b); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, file), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, filepath.Join(dir, file))
		}
		write(html.OverviewFile, func(b *bytes.Buffer) error { return html.WriteOverview(b, r) })
		for _, a := range r.Administrations {
			write(html.AdministrationFile(a), func(b *bytes.Buffer) error { return html.WriteAdministration(b, r, a) })
		}
	}
	slices.Sort(files)
	return files
}

// startBrowser starts headless Chromium for the test. --no-sandbox lets
// it run as root in a CI container; the pages are our own files.
func startBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	return ctx
}

// tab opens a new tab of the browser, recording every request, script
// error and console error of the page.
func tab(t *testing.T, browser context.Context) (context.Context, func() []string, func() []string) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTime(); cancel() })
	var mu sync.Mutex
	var requests, problems []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			problems = append(problems, "script error: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				problems = append(problems, string(e.Entry.Source)+": "+e.Entry.Text)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	get := func(list *[]string) func() []string {
		return func() []string { mu.Lock(); defer mu.Unlock(); return slices.Clone(*list) }
	}
	return ctx, get(&requests), get(&problems)
}

// pageState is what checkPage reads from a loaded page.
type pageState struct {
	Lang    string `json:"lang"`
	Filters int    `json:"filters"`
	Shown   int    `json:"shown"`
	Rules   int    `json:"rules"`
	Width   int    `json:"width"`
	// Wide names the innermost elements reaching past the screen.
	Wide []string `json:"wide"`
}

// readState reads the page's language, its filters and how many the
// script showed, the style sheet's rules and the page's width.
const readState = `({lang: document.documentElement.lang,
  filters: document.querySelectorAll("form[data-filter]").length,
  shown: [...document.querySelectorAll("form[data-filter]")].filter(f => !f.hidden).length,
  rules: document.styleSheets.length ? document.styleSheets[0].cssRules.length : 0,
  width: document.documentElement.scrollWidth,
  wide: [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.parentElement.closest(".table-wrap"))
    .slice(0, 8).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right) + ": " + e.textContent.slice(0, 40))})`

// checkPage loads one page and checks it with axe-core, and that it
// requested nothing, ran its script and style, and fits a phone.
func checkPage(t *testing.T, browser context.Context, path, axe string) {
	ctx, requests, problems := tab(t, browser)
	url := "file://" + path
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](readState))
	if err != nil {
		t.Fatal(err)
	}
	if st.Lang != "sv" && st.Lang != "en" {
		t.Errorf("lang %q", st.Lang)
	}
	if st.Shown != st.Filters {
		t.Errorf("the script showed %d of %d filters", st.Shown, st.Filters)
	}
	if st.Rules < 20 {
		t.Errorf("the style sheet applies %d rules: refused by the page's policy?", st.Rules)
	}
	if st.Width > 320 {
		t.Errorf("the page is %d px wide on a 320 px screen: it does not reflow; too wide: %q", st.Width, st.Wide)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("load axe-core: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	if res.Passes < 10 {
		t.Errorf("axe-core passed only %d rules: did it look at the page?", res.Passes)
	}
	for _, v := range res.Violations {
		t.Errorf("axe %s: %s\n  %s", v.ID, v.Help, strings.Join(v.Nodes, "\n  "))
	}
	for _, r := range requests() {
		if r != url {
			t.Errorf("the page requested %s", r)
		}
	}
	for _, p := range problems() {
		t.Errorf("browser: %s", p)
	}
}
