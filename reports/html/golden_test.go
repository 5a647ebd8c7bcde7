package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/reports/internal/sample"
	"github.com/stockholm-stad/smaudit/reports/model"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// TestGolden compares the sample report's pages with their golden files:
// the Swedish overview and an administration's page without history, and
// the Swedish overview with history. `go test ./reports/html -update`
// rewrites them; read the diff like code.
func TestGolden(t *testing.T) {
	sv := sample.Report("sv")
	hist := sample.HistoryReport("sv")
	cases := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"oversikt.sv.html", func(b *bytes.Buffer) error { return WriteOverview(b, sv) }},
		{"ostermalm.sv.html", func(b *bytes.Buffer) error {
			return WriteAdministration(b, sv, sample.AdminBySlug(t, sv, sample.OstermalmSlug))
		}},
		{"history/oversikt.sv.html", func(b *bytes.Buffer) error { return WriteOverview(b, hist) }},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", c.file), b.String())
		})
	}
}

// golden compares got with the file at path, rewriting it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/html -update to create it)", err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// pages renders every page of r by file name.
func pages(t *testing.T, r *model.Report) map[string]string {
	t.Helper()
	out := map[string]string{}
	var b bytes.Buffer
	if err := WriteOverview(&b, r); err != nil {
		t.Fatal(err)
	}
	out[OverviewFile] = b.String()
	for _, a := range r.Administrations {
		b.Reset()
		if err := WriteAdministration(&b, r, a); err != nil {
			t.Fatal(err)
		}
		out[AdministrationFile(a)] = b.String()
	}
	return out
}
