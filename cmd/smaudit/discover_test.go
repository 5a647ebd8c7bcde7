package main

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
)

// demoOptions is the demo's audit, written into out, as of the date its
// answers were recorded; the caller closes the fixture server.
func demoOptions(out string) (audit.Options, *fixtureserver.Server, error) {
	day, err := rules.ParseAsOf(audit.DemoAsOf)
	if err != nil {
		return audit.Options{}, nil, err
	}
	return audit.Demo(out, "sv", day)
}

// TestDiscoverListsExactlyTheUnregisteredAccounts runs `smaudit discover`
// over the demo's city site and registry and compares what it lists with
// EXPECTED.md's table of accounts missing from the registry.
func TestDiscoverListsExactlyTheUnregisteredAccounts(t *testing.T) {
	rows := expectedTables(t)["Accounts missing from the registry"]
	if len(rows) == 0 {
		t.Fatal("EXPECTED.md lists no accounts missing from the registry")
	}
	var want []string
	for _, r := range rows {
		want = append(want, strings.Trim(r[1], "`")+" "+strings.Trim(r[2], "`"))
	}
	sort.Strings(want)

	out := t.TempDir()
	j, srv, err := demoOptions(out)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var stdout, stderr bytes.Buffer
	code := discoverOnly(context.Background(), j, &stdout, &stderr)
	if code != exitFail {
		t.Errorf("exit code %d, want %d (accounts are missing)\n%s", code, exitFail, stderr.String())
	}
	f, err := excelize.OpenFile(filepath.Join(out, audit.UnregisteredFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The accounts have a sheet of their own; the first holds the facts.
	sheetRows, err := f.GetRows(workbook.Label("sv", "sheet.unregistered"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range sheetRows {
		if len(r) >= 3 && strings.HasPrefix(r[1], "http") {
			got = append(got, r[1]+" "+r[2])
		}
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("accounts missing from the registry (-want +got), as \"URL found-on\":\n%s", diff)
	}
	for _, w := range want {
		if !strings.Contains(stdout.String(), strings.Fields(w)[0]) {
			t.Errorf("stdout does not list %s", strings.Fields(w)[0])
		}
	}
}
