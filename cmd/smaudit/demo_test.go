package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// resultsFile mirrors the parts of results.json the tests read.
type resultsFile struct {
	AsOf         string `json:"asOf"`
	Unregistered *[]struct {
		Platform string   `json:"platform"`
		URL      string   `json:"url"`
		FoundOn  []string `json:"foundOn"`
	} `json:"unregistered"`
	Accounts []struct {
		Name             string  `json:"name"`
		URL              string  `json:"url"`
		Administration   string  `json:"administration"`
		RegistryRow      int     `json:"registryRow"`
		FetchStatus      string  `json:"fetchStatus"`
		FetchErrorKind   string  `json:"fetchErrorKind"`
		FetchError       string  `json:"fetchError"`
		LastOwnPost      *string `json:"lastOwnPost"`
		OwnPostsInWindow *int    `json:"ownPostsInWindow"`
		Findings         []struct {
			Rule         string `json:"rule"`
			Status       string `json:"status"`
			Message      string `json:"message"`
			PolicyRef    string `json:"policyRef"`
			Change       string `json:"change"`
			FailingSince string `json:"failingSince"`
			Waiver       *struct {
				Expired bool `json:"expired"`
			} `json:"waiver"`
		} `json:"findings"`
	} `json:"accounts"`
}

func readResults(t *testing.T, dir string) resultsFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r resultsFile
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("results.json: %v", err)
	}
	return r
}

// expectedRow is one line of demo/data/EXPECTED.md's verdict table.
type expectedRow struct {
	row      int
	account  string
	fetch    string // ok, error, unsupported
	verdicts map[string]string
	own      string // "–" when not fetched
}

var expectedRuleColumns = []string{"account-exists", "city-affiliation", "content-description", "participation-terms",
	"contact-details", "website-link", "posting-frequency", "holiday-notice", "response-time", "inactive-account", "closure-notice", "personal-data", "moderation-info", "registry-complete"}

// expectedTables reads EXPECTED.md, the demo's written contract, into its
// tables by section heading ("## Verdicts", "## Verdicts with tokens",
// "## Accounts missing from the registry"), so the document and the demo
// cannot drift apart. Each table is a list of rows of trimmed cells,
// header and separator left out.
func expectedTables(t *testing.T) map[string][][]string {
	t.Helper()
	data, err := os.ReadFile("../../demo/data/EXPECTED.md")
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][][]string{}
	section := ""
	inTable := false
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimSpace(strings.TrimPrefix(line, "## "))
			inTable = false
			continue
		}
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		if !inTable { // the header row
			inTable = true
			continue
		}
		if strings.HasPrefix(line, "|---") || strings.HasPrefix(line, "| ---") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		tables[section] = append(tables[section], cells)
	}
	return tables
}

// readExpected returns the verdict rows of one section of EXPECTED.md.
func readExpected(t *testing.T, section string) []expectedRow {
	t.Helper()
	var rows []expectedRow
	for _, cells := range expectedTables(t)[section] {
		if len(cells) != 4+len(expectedRuleColumns)+2 {
			t.Fatalf("EXPECTED.md, %s: a row has %d cells: %v", section, len(cells), cells)
		}
		n, err := strconv.Atoi(cells[0])
		if err != nil {
			t.Fatalf("EXPECTED.md, %s: row number %q", section, cells[0])
		}
		row := expectedRow{row: n, account: cells[1], fetch: strings.Fields(cells[3])[0], verdicts: map[string]string{}, own: cells[4+len(expectedRuleColumns)]}
		for i, id := range expectedRuleColumns {
			row.verdicts[id] = cells[4+i]
		}
		rows = append(rows, row)
	}
	return rows
}

// expectedTotalsRE finds the findings' totals EXPECTED.md states in a
// section, and summaryTotalsRE the ones the demo prints.
var (
	expectedTotalsRE = regexp.MustCompile("findings add up to\\s+(\\d+)\\s+`pass`,\\s+(\\d+)\\s+`fail`,\\s+(\\d+)\\s+`manual`\\s+and\\s+(\\d+)\\s+`error`")
	summaryTotalsRE  = regexp.MustCompile(`Findings: (\d+) pass, (\d+) fail, (\d+) manual, (\d+) could not be checked`)
)

// checkTotals compares the totals the demo printed with the first totals
// sentence of the EXPECTED.md section, so the prose cannot drift from the
// tables.
func checkTotals(t *testing.T, section, stdout string) {
	t.Helper()
	data, err := os.ReadFile("../../demo/data/EXPECTED.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "\n## "+section+"\n")
	if start < 0 {
		t.Fatalf("EXPECTED.md has no section %q", section)
	}
	text = text[start+1:]
	if end := strings.Index(text[3:], "\n## "); end >= 0 {
		text = text[:end+3]
	}
	want := expectedTotalsRE.FindStringSubmatch(text)
	if want == nil {
		t.Fatalf("EXPECTED.md, %s: no sentence \"the findings add up to …\"", section)
	}
	got := summaryTotalsRE.FindStringSubmatch(stdout)
	if got == nil {
		t.Fatalf("the demo printed no findings summary:\n%s", stdout)
	}
	if strings.Join(got[1:], " ") != strings.Join(want[1:], " ") {
		t.Errorf("findings pass, fail, manual, error: the demo printed %v, EXPECTED.md (%s) says %v", got[1:], section, want[1:])
	}
}

func runDemoInto(t *testing.T, dir string, extra ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"demo", "--out", dir}, extra...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestDemoMatchesExpectedVerdicts(t *testing.T) {
	dir, code, stdout, stderr := plainDemo(t)
	if code != exitFail {
		t.Errorf("exit code %d, want %d (the demo has failing findings)\nstderr:\n%s", code, exitFail, stderr)
	}
	for _, want := range []string{"results.json", "oversikt.xlsx", "oversikt.pdf", "kulturforvaltningen.xlsx", "ostermalms-stadsdelsforvaltning.pdf"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout does not say where %s is:\n%s", want, stdout)
		}
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s not written: %v", want, err)
		}
	}
	res := readResults(t, dir)
	if res.AsOf != audit.DemoAsOf {
		t.Errorf("asOf %q, want %q", res.AsOf, audit.DemoAsOf)
	}
	seen := checkVerdicts(t, res, readExpected(t, "Verdicts"))
	checkTotals(t, "Verdicts", stdout)
	var wantMissing, gotMissing []string
	for _, r := range expectedTables(t)["Accounts missing from the registry"] {
		wantMissing = append(wantMissing, r[0]+" "+r[1]+" "+r[2])
	}
	if res.Unregistered == nil {
		t.Fatal("results.json has no unregistered list although the demo runs discovery")
	}
	for _, u := range *res.Unregistered {
		gotMissing = append(gotMissing, u.Platform+" "+u.URL+" "+u.FoundOn[0])
	}
	sort.Strings(wantMissing)
	sort.Strings(gotMissing)
	if strings.Join(wantMissing, "\n") != strings.Join(gotMissing, "\n") {
		t.Errorf("results.json unregistered:\n%s\nwant:\n%s", strings.Join(gotMissing, "\n"), strings.Join(wantMissing, "\n"))
	}
	for _, id := range expectedRuleColumns {
		if id == "holiday-notice" && seen[id]["pass"] {
			// It can fail only when the window holds a holiday, which
			// the November demo's does not: its failures are the
			// August scan's (EXPECTED.md, rules.TestDemoSummerScan).
			continue
		}
		if !seen[id]["pass"] || !seen[id]["fail"] {
			t.Errorf("rule %s: the demo must show at least one pass and one fail, saw %v", id, seen[id])
		}
	}
}

// TestDemoWithTokens runs the demo as a user with a Meta token, an X
// token and a YouTube API key would: Facebook, Instagram and X get real
// verdicts instead of manual ones, and the YouTube channels' videos are
// read from the Data API instead of the feed robots.txt forbids.
func TestDemoWithTokens(t *testing.T) {
	want := readExpected(t, "Verdicts with tokens")
	if len(want) == 0 {
		t.Fatal("EXPECTED.md has no token verdicts")
	}
	dir, _, stdout, _ := tokenDemo(t)
	checkVerdicts(t, readResults(t, dir), want)
	checkTotals(t, "Verdicts with tokens", stdout)
}

// checkVerdicts compares results.json with expected rows and returns the
// statuses seen per rule.
func checkVerdicts(t *testing.T, res resultsFile, expected []expectedRow) map[string]map[string]bool {
	t.Helper()
	if len(expected) == 0 {
		t.Fatal("no expected rows")
	}
	byRow := map[int]int{}
	for i, a := range res.Accounts {
		byRow[a.RegistryRow] = i
	}
	seen := map[string]map[string]bool{}
	for _, want := range expected {
		i, ok := byRow[want.row]
		if !ok {
			t.Errorf("row %d (%s) missing from results.json", want.row, want.account)
			continue
		}
		got := res.Accounts[i]
		if got.Name != want.account {
			t.Errorf("row %d: name %q, want %q", want.row, got.Name, want.account)
		}
		if got.FetchStatus != want.fetch {
			t.Errorf("row %d %s: fetch %s (%s), want %s", want.row, want.account, got.FetchStatus, got.FetchError, want.fetch)
		}
		if want.own == "–" && got.OwnPostsInWindow != nil {
			t.Errorf("row %d %s: own posts in window %d, want none (the posts were not read)", want.row, want.account, *got.OwnPostsInWindow)
		}
		if want.own != "–" && (got.OwnPostsInWindow == nil || strconv.Itoa(*got.OwnPostsInWindow) != want.own) {
			t.Errorf("row %d %s: own posts in window %v, want %s", want.row, want.account, got.OwnPostsInWindow, want.own)
		}
		if len(got.Findings) != len(expectedRuleColumns) {
			t.Errorf("row %d: %d findings, want %d", want.row, len(got.Findings), len(expectedRuleColumns))
		}
		for _, f := range got.Findings {
			if f.Status != want.verdicts[f.Rule] {
				t.Errorf("row %d %s: %s is %s (%s), want %s", want.row, want.account, f.Rule, f.Status, f.Message, want.verdicts[f.Rule])
			}
			if seen[f.Rule] == nil {
				seen[f.Rule] = map[string]bool{}
			}
			seen[f.Rule][f.Status] = true
		}
	}
	return seen
}

func TestDemoIsByteIdenticalAcrossRuns(t *testing.T) {
	a, _, _, _ := plainDemo(t)
	b := t.TempDir()
	runDemoInto(t, b)
	files, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("only %d files written", len(files))
	}
	for _, f := range files {
		if strings.HasPrefix(f.Name(), defaultDBName) {
			continue // the history database holds scan numbers, not a report
		}
		x, _ := os.ReadFile(filepath.Join(a, f.Name()))
		y, err := os.ReadFile(filepath.Join(b, f.Name()))
		if err != nil {
			t.Errorf("%s missing from the second run: %v", f.Name(), err)
			continue
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs of the same demo", f.Name())
		}
	}
}

// TestDemoAdministrationFilesNameOnlyTheirOwnAccounts opens every
// administration's workbook (and PDF, where pdftotext is installed) and
// looks for any other administration's account links.
func TestDemoAdministrationFilesNameOnlyTheirOwnAccounts(t *testing.T) {
	dir, _, _, _ := plainDemo(t)
	res := readResults(t, dir)
	admins := map[string]bool{}
	for _, a := range res.Accounts {
		admins[a.Administration] = true
	}
	if len(admins) < 3 {
		t.Fatalf("demo has %d administrations, want at least 3", len(admins))
	}
	for admin := range admins {
		slug := model.Slug(admin)
		texts := map[string]string{slug + ".xlsx": workbookText(t, filepath.Join(dir, slug+".xlsx"))}
		if havePDFToText(t) {
			out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, slug+".pdf"), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			texts[slug+".pdf"] = strings.Join(strings.Fields(string(out)), " ")
		}
		for file, text := range texts {
			for _, a := range res.Accounts {
				own := a.Administration == admin
				if has := strings.Contains(text, a.URL); has != own {
					t.Errorf("%s: mentions %s (%s) = %v, want %v", file, a.URL, a.Administration, has, own)
				}
			}
		}
	}
}

// workbookText returns every cell value of every sheet, space separated.
func workbookText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			b.WriteString(strings.Join(row, " ") + " ")
		}
	}
	return b.String()
}
