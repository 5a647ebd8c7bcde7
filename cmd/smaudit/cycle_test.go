package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/waivers"
)

// quarters runs the demo twice into one history database, as of two audit
// dates a quarter apart, and returns the later run's folder. Rules ignore
// posts after the audit date, so the earlier date sees the accounts as
// they were then.
func quarters(t *testing.T, db string) string {
	t.Helper()
	first, second := t.TempDir(), t.TempDir()
	for _, run := range []struct{ out, asOf string }{{first, "2026-08-21"}, {second, audit.DemoAsOf}} {
		if code, _, stderr := runDemoInto(t, run.out, "--as-of", run.asOf, "--db", db); code == exitUsage {
			t.Fatalf("demo as of %s: exit %d\n%s", run.asOf, code, stderr)
		}
	}
	return second
}

func TestTwoQuartersShowChangesAndDiffAgrees(t *testing.T) {
	db := filepath.Join(t.TempDir(), "historik.db")
	out := quarters(t, db)

	res := readResults(t, out)
	changes := map[string]string{} // "kind" -> sorted "account|rule" lines
	kinds := map[string][]string{}
	for _, a := range res.Accounts {
		for _, f := range a.Findings {
			if f.Change == "" {
				continue
			}
			kinds[f.Change] = append(kinds[f.Change], a.Name+"|"+f.Rule)
			if f.Change == "persisting" && f.FailingSince != "2026-08-21" {
				t.Errorf("%s %s persisting since %q, want 2026-08-21", a.Name, f.Rule, f.FailingSince)
			}
		}
	}
	for _, k := range []string{"new", "persisting", "fixed"} {
		if len(kinds[k]) == 0 {
			t.Errorf("no %s findings between the two quarters", k)
		}
	}
	if len(kinds["new"]) > 0 && !contains(kinds["new"], "Sommarskolan Stockholm|inactive-account") {
		t.Errorf("Sommarskolan (last post 2026-06-12) must be newly inactive: new = %v", kinds["new"])
	}
	for k, v := range kinds {
		sort.Strings(v)
		changes[k] = strings.Join(v, "\n")
	}

	var stdout, stderr strings.Builder
	if code := run(context.Background(), []string{"diff", "--db", db, "--from", "2026-08-21", "--to", audit.DemoAsOf}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("diff: exit %d\n%s", code, stderr.String())
	}
	fromDiff := map[string][]string{}
	kind := ""
	sc := bufio.NewScanner(strings.NewReader(stdout.String()))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "  ") {
			kind, _, _ = strings.Cut(line, ":")
			continue
		}
		parts := strings.Split(strings.TrimSpace(line), " · ")
		if len(parts) == 3 {
			rule, _, _ := strings.Cut(parts[2], " — ")
			fromDiff[kind] = append(fromDiff[kind], parts[1]+"|"+rule)
		}
	}
	for k, v := range fromDiff {
		sort.Strings(v)
		if strings.Join(v, "\n") != changes[k] {
			t.Errorf("diff's %s findings differ from the report's:\ndiff:\n%s\nreport:\n%s", k, strings.Join(v, "\n"), changes[k])
		}
	}
	for k := range changes {
		if _, ok := fromDiff[k]; !ok {
			t.Errorf("diff lists no %s findings; the report has:\n%s", k, changes[k])
		}
	}
	if havePDFToText(t) {
		text, err := exec.Command("pdftotext", filepath.Join(out, "oversikt.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(text), "2026-08-21") {
			t.Error("the overview PDF does not name the quarter it compares with")
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestWaiverAppliesUntilItsExpiry runs the demo once with two waivers
// for Sommarskolan's failing findings: one expiring on the audit date
// (waived, and listed after what still needs acting on) and one that
// expired the day before (still failing, the waiver marked expired).
func TestWaiverAppliesUntilItsExpiry(t *testing.T) {
	sommarskolan := "https://mastodon.demo.example/@sommarskolan"
	write := func(t *testing.T, waivers ...[2]string) string {
		p := filepath.Join(t.TempDir(), "waivers.yaml")
		body := "# godkända undantag\n"
		for _, w := range waivers {
			body += "- account: " + sommarskolan + "\n" +
				"  rule: " + w[0] + "\n" +
				"  reason: Kontot används bara under sommarlovet.\n" +
				"  approved-by: Karin Lindqvist\n" +
				"  expires: " + w[1] + "\n"
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	out := t.TempDir()
	waivers := write(t, [2]string{"inactive-account", audit.DemoAsOf}, [2]string{"posting-frequency", "2026-11-19"})
	if code, _, stderr := runDemoInto(t, out, "--no-history", "--waivers", waivers); code == exitUsage {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	type verdict struct {
		status  string
		expired bool
	}
	got, order := map[string]verdict{}, []string{}
	for _, a := range readResults(t, out).Accounts {
		if a.URL == sommarskolan {
			for _, f := range a.Findings {
				got[f.Rule] = verdict{f.Status, f.Waiver != nil && f.Waiver.Expired}
				order = append(order, f.Status)
			}
		}
	}
	if v := got["inactive-account"]; v.status != "waived" || v.expired {
		t.Errorf("inactive-account on its waiver's expiry day: %s (expired %v), want waived", v.status, v.expired)
	}
	if v := got["posting-frequency"]; v.status != "fail" || !v.expired {
		t.Errorf("posting-frequency the day after its waiver's expiry: %s (expired %v), want fail with the waiver marked expired", v.status, v.expired)
	}
	// The waived finding leaves the failures: after every fail, error and
	// manual finding, before the passes.
	rank := map[string]int{"fail": 0, "error": 1, "manual": 2, "waived": 3, "pass": 4}
	for i := 1; i < len(order); i++ {
		if rank[order[i-1]] > rank[order[i]] {
			t.Errorf("Sommarskolan's findings are not in status order: %v", order)
			break
		}
	}
	code, _, stderr := runDemoInto(t, t.TempDir(), "--no-history", "--waivers", write(t, [2]string{"inactive-acount", "2027-06-30"}))
	if code != exitUsage || !strings.Contains(stderr, "waivers.yaml:3") || !strings.Contains(stderr, "inactive-acount") {
		t.Errorf("a waiver naming an unknown rule: exit %d, %q; want 2 naming file and line", code, stderr)
	}
}

func TestReturnedWorkbooksImport(t *testing.T) {
	// The plain demo's workbooks are the ones sent out; a copy of its
	// history database receives the answers.
	out, code, _, demoErr := plainDemo(t)
	if code == exitUsage {
		t.Fatalf("demo: %s", demoErr)
	}
	db := filepath.Join(t.TempDir(), "historik.db")
	copyFile(t, filepath.Join(out, defaultDBName), db)
	answered := filepath.Join(t.TempDir(), "utbildningsforvaltningen.xlsx")
	rows := fillAnswers(t, filepath.Join(out, "utbildningsforvaltningen.xlsx"), answered, nil)
	if len(rows) < 2 {
		t.Fatalf("only %d answerable rows", len(rows))
	}
	var stdout, stderr strings.Builder
	if code := run(context.Background(), []string{"import-responses", "--db", db, answered}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("clean workbook: exit %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Stored 2 answers") {
		t.Errorf("stdout %q", stdout.String())
	}

	tampered := filepath.Join(t.TempDir(), "utbildningsforvaltningen.xlsx")
	fillAnswers(t, filepath.Join(out, "utbildningsforvaltningen.xlsx"), tampered, func(f *excelize.File, sheet string, accountCol string, row int) {
		if err := f.SetCellValue(sheet, accountCol+strconv.Itoa(row), "Ett annat konto"); err != nil {
			t.Fatal(err)
		}
	})
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), []string{"import-responses", "--db", db, tampered}, nil, &stdout, &stderr); code != exitFail {
		t.Errorf("tampered workbook: exit %d, want %d", code, exitFail)
	}
	if !strings.Contains(stderr.String(), `sheet "Resultat", row `+strconv.Itoa(rows[0])) {
		t.Errorf("the problem does not name sheet and row %d:\n%s", rows[0], stderr.String())
	}

	// The next quarter's overview shows the answers.
	next := t.TempDir()
	if code, _, stderr := runDemoInto(t, next, "--db", db, "--as-of", "2026-11-27"); code == exitUsage {
		t.Fatalf("next quarter: %s", stderr)
	}
	if text := workbookText(t, filepath.Join(next, "oversikt.xlsx")); !strings.Contains(text, "Åtgärd planerad") || !strings.Contains(text, "Begär undantag") {
		t.Error("the next overview does not show the administration's answers")
	}
}

// fillAnswers copies an administration's workbook to dst with answers in
// its first two answerable rows, as an administration would fill it in,
// after letting tamper change it, and returns those rows.
func fillAnswers(t *testing.T, src, dst string, tamper func(f *excelize.File, sheet, accountCol string, row int)) []int {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "Resultat"
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]string{}
	header := 0
	for i, r := range all {
		for c, v := range r {
			if v == "Svar" || v == "Nyckel" || v == "Kommentar" || v == "Konto" {
				name, _ := excelize.ColumnNumberToName(c + 1)
				col[v] = name
				header = i + 1
			}
		}
		if len(col) == 4 {
			break
		}
	}
	if len(col) != 4 {
		t.Fatalf("columns found: %v", col)
	}
	answers := []string{"Åtgärd planerad", "Begär undantag"}
	var rows []int
	for row := header + 1; row <= len(all) && len(rows) < len(answers); row++ {
		key, _ := f.GetCellValue(sheet, col["Nyckel"]+strconv.Itoa(row))
		if key == "" {
			continue
		}
		must(t, f.SetCellValue(sheet, col["Svar"]+strconv.Itoa(row), answers[len(rows)]))
		must(t, f.SetCellValue(sheet, col["Kommentar"]+strconv.Itoa(row), "Klart till nästa kvartal"))
		rows = append(rows, row)
	}
	if tamper != nil && len(rows) > 0 {
		tamper(f, sheet, col["Konto"], rows[0])
	}
	must(t, f.SaveAs(dst))
	return rows
}

// copyFile copies src to dst, for a test that changes a copy of shared
// output.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(dst, data, 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentScanIsRefused(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "historik.db")
	h, err := history.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	sess, err := h.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Rollback()
	code, _, stderr := runDemoInto(t, t.TempDir(), "--db", db)
	if code != exitUsage || !strings.Contains(stderr, "another smaudit scan is using") {
		t.Errorf("a second scan: exit %d, %q; want 2 saying another scan uses the database", code, stderr)
	}
}

func TestRegistryTemplateAndCheck(t *testing.T) {
	t.Parallel()
	tmpl := filepath.Join(t.TempDir(), "konton.xlsx")
	var stdout, stderr strings.Builder
	if code := run(context.Background(), []string{"registry", "template", "--out", tmpl}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("template: exit %d %s", code, stderr.String())
	}
	stdout.Reset()
	// The template's columns are all right; what it lacks is accounts,
	// which check says as scan would (it refuses an empty registry).
	code := run(context.Background(), []string{"registry", "check", tmpl}, nil, &stdout, &stderr)
	if want := "error: " + tmpl + ": the registry has no accounts (no filled-in row below the header)\n" + tmpl + ": 1 errors, 0 warnings\n"; code != exitFail || stdout.String() != want {
		t.Errorf("an empty template: exit %d\n%s\nwant exit 1 and only\n%s", code, stdout.String(), want)
	}
	stdout.Reset()
	if code := run(context.Background(), []string{"registry", "check", "../../demo/data/registry.csv"}, nil, &stdout, &stderr); code != exitFail {
		t.Errorf("the demo registry has a bad link: exit %d, want %d", code, exitFail)
	}
	if !strings.Contains(stdout.String(), `row 15, column "Länk"`) {
		t.Errorf("check does not name the bad row:\n%s", stdout.String())
	}
}

// TestREADMEWaiversExampleParses keeps README's waivers example honest.
func TestREADMEWaiversExampleParses(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range strings.Split(string(readme), "```yaml\n")[1:] {
		block := part[:strings.Index(part, "```")]
		if !strings.HasPrefix(block, "- account:") {
			continue
		}
		ws, err := waivers.Parse("README.md", strings.NewReader(block))
		if err != nil || len(ws) != 1 || ws[0].Rule != "posting-frequency" {
			t.Errorf("README's waivers example: %v, %+v", err, ws)
		}
		return
	}
	t.Fatal("README has no waivers example")
}
