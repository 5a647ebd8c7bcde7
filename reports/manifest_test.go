package reports

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

func folderNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	sort.Strings(names)
	return names
}

// withoutAdministration is the sample with one administration's accounts
// gone, as when it leaves the registry.
func withoutAdministration(name string) *model.Report {
	var kept []rules.Judged
	for _, j := range sampleJudged() {
		if j.Result.Account.Administration != name {
			kept = append(kept, j)
		}
	}
	return model.Build(kept, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: "sv", Registry: "konton.csv"}, model.Inputs{})
}

// TestRerunRemovesItsOwnStaleFilesOnly: the second run, without
// Östermalm, removes Östermalm's reports of the first run; a person's
// own file, a report a person changed since, and a file the manifest
// names but smaudit cannot have written all stay.
func TestRerunRemovesItsOwnStaleFilesOnly(t *testing.T) {
	dir := t.TempDir()
	first, err := WriteAll(dir, sampleReport("sv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Removed) != 0 {
		t.Errorf("the first run removed %v", first.Removed)
	}
	ostermalm := first.PerAdministration["Östermalms stadsdelsförvaltning"]
	if len(ostermalm) != 3 {
		t.Fatalf("Östermalm's files: %v", ostermalm)
	}
	own := filepath.Join(dir, "anteckningar.xlsx")
	noErr(t, os.WriteFile(own, []byte("a person's own workbook"), 0o644))
	// A person answered in Östermalm's workbook in place: it is theirs now.
	changed := filepath.Join(dir, ostermalm[0])
	noErr(t, os.WriteFile(changed, []byte("edited"), 0o644))

	second, err := WriteAll(dir, withoutAdministration("Östermalms stadsdelsförvaltning"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{ostermalm[2], ostermalm[1]}, second.Removed); diff != "" {
		t.Errorf("removed (-want +got):\n%s", diff)
	}
	want := []string{ManifestName, "anteckningar.xlsx", "kulturforvaltningen.html", "kulturforvaltningen.pdf", "kulturforvaltningen.xlsx",
		ostermalm[0], "oversikt.html", "oversikt.pdf", "oversikt.xlsx", "results.json"}
	sort.Strings(want)
	if diff := cmp.Diff(want, folderNames(t, dir)); diff != "" {
		t.Errorf("folder after the rerun (-want +got):\n%s", diff)
	}
	if got := readManifest(dir); got[ostermalm[0]] != "" || got["kulturforvaltningen.pdf"] == "" {
		t.Errorf("manifest after the rerun: %v", got)
	}
}

// TestManifestNeverReachesOutside: a manifest edited to name other
// files (a path, a hidden file, another kind of file) removes none.
func TestManifestNeverReachesOutside(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "rapporter")
	if _, err := WriteAll(dir, sampleReport("sv")); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(parent, "viktig.pdf")
	noErr(t, os.WriteFile(outside, []byte("x"), 0o644))
	hidden := filepath.Join(dir, ".viktig.pdf")
	noErr(t, os.WriteFile(hidden, []byte("x"), 0o644))
	other := filepath.Join(dir, "skript.sh")
	noErr(t, os.WriteFile(other, []byte("x"), 0o644))
	sum := "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" // sha256("x")
	noErr(t, writeManifest(dir, map[string]string{"../viktig.pdf": sum, ".viktig.pdf": sum, "skript.sh": sum}))
	if _, err := WriteAll(dir, sampleReport("sv")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{outside, hidden, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
}

// TestReportsOfSameInputKeepTheManifestIdentical: the manifest carries
// no date, so two runs of the same input write the same bytes.
func TestReportsOfSameInputKeepTheManifestIdentical(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if _, err := WriteAll(d, sampleReport("sv")); err != nil {
			t.Fatal(err)
		}
	}
	x, _ := os.ReadFile(filepath.Join(a, ManifestName))
	y, _ := os.ReadFile(filepath.Join(b, ManifestName))
	if len(x) == 0 || string(x) != string(y) {
		t.Errorf("manifests differ or are empty:\n%s\n%s", x, y)
	}
	if !strings.Contains(string(x), `"results.json"`) {
		t.Errorf("manifest does not list results.json:\n%s", x)
	}
}

// TestLongAdministrationNameGivesCappedUniqueFiles: a 300-character
// administration name makes a file name of at most slugMaxBytes bytes,
// the same every time, different from another long name with the same
// beginning, and every report is written.
func TestLongAdministrationNameGivesCappedUniqueFiles(t *testing.T) {
	long := strings.Repeat("Förvaltningen för långa namn och ", 10)[:300]
	other := long[:290] + "annat slut"
	if first, again := model.Slug(long), model.Slug(strings.Clone(long)); first != again || first == model.Slug(other) {
		t.Errorf("slugs not stable or not unique: %q, %q", model.Slug(long), model.Slug(other))
	}
	if n := len(model.Slug(long)); n > model.SlugMaxBytes {
		t.Errorf("slug of %d bytes", n)
	}
	if s := model.Slug("Kulturförvaltningen"); s != "kulturforvaltningen" {
		t.Errorf("a short name changed: %q", s)
	}
	var judged []rules.Judged
	for _, j := range sampleJudged() {
		switch j.Result.Account.Administration {
		case "Kulturförvaltningen":
			j.Result.Account.Administration = long
		case "Östermalms stadsdelsförvaltning":
			j.Result.Account.Administration = other
		}
		judged = append(judged, j)
	}
	r := model.Build(judged, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: "sv", Registry: "konton.csv"}, model.Inputs{})
	dir := t.TempDir()
	w, err := WriteAll(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{long, other} {
		files := w.PerAdministration[name]
		if len(files) != 3 {
			t.Errorf("%d files for a long name, want 3 (workbook, PDF, page): %v", len(files), files)
		}
		for _, f := range files {
			if len(f) > model.SlugMaxBytes+len(".xlsx") {
				t.Errorf("file name of %d bytes: %s", len(f), f)
			}
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Error(err)
			}
		}
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
