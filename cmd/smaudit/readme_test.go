package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// readmeBlocks returns the commands of README's ```sh blocks, one per
// line, from the whole file or from one "## " section of it.
func readmeBlocks(t *testing.T, readme, section string) [][]string {
	t.Helper()
	text := readme
	if section != "" {
		i := strings.Index(text, "\n## "+section+"\n")
		if i < 0 {
			t.Fatalf("README has no section %q", section)
		}
		text = text[i+1:]
		if j := strings.Index(text[3:], "\n## "); j >= 0 {
			text = text[:j+3]
		}
	}
	var blocks [][]string
	for _, part := range strings.Split(text, "```sh\n")[1:] {
		end := strings.Index(part, "```")
		if end < 0 {
			t.Fatal("README has an unclosed ```sh block")
		}
		var lines []string
		for _, l := range strings.Split(part[:end], "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		blocks = append(blocks, lines)
	}
	return blocks
}

// command is a README line without its comment, as a shell runs it.
func command(line string) string {
	if i := strings.Index(line, " #"); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// freshCopy copies the repository's files, as a clone has them, into an
// empty folder: the tracked files and the ones not yet committed that
// .gitignore does not exclude (in CI's clean checkout, the same set). No
// rapporter/ folder, smaudit.db or smaudit binary comes along.
func freshCopy(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	git := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	git.Dir = root
	list, err := git.Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("git ls-files: %v; CI runs in a clone, which must be a git work tree", err)
		}
		t.Skipf("git ls-files: %v (not a git work tree)", err)
	}
	dst := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if errors.Is(err, os.ErrNotExist) {
			continue // deleted in the work tree, not yet in the index
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, leftover := range []string{"rapporter", defaultDBName, "smaudit"} {
		if _, err := os.Stat(filepath.Join(dst, leftover)); err == nil {
			t.Fatalf("the fresh copy holds %s", leftover)
		}
	}
	return dst
}

// shell runs a README command line in dir as a person pastes it, and
// returns its exit code and output.
func shell(t *testing.T, dir, line string) (int, string) {
	t.Helper()
	cmd := exec.Command("sh", "-c", line)
	cmd.Dir = dir
	// -trimpath keeps the compiled packages independent of the folder,
	// so this copy reuses the build cache of every earlier run.
	cmd.Env = append(os.Environ(), "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -trimpath"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("%s: %v", line, time.Since(start).Round(100*time.Millisecond))
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String()
	}
	t.Fatalf("%s: %v", line, err)
	return 0, ""
}

// TestREADMEFromAFreshClone runs README's first command exactly as
// written in an empty copy of the repository, checks that its second is
// the command CI runs, and then pastes The quarterly cycle's examples
// after it, as a new user would.
func TestREADMEFromAFreshClone(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds and runs the program from a copy of the repository")
	}
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	blocks := readmeBlocks(t, readme, "")
	if len(blocks) == 0 || len(blocks[0]) != 2 {
		t.Fatalf("README's first sh block should hold two commands: %v", blocks)
	}
	demo, tests := command(blocks[0][0]), command(blocks[0][1])

	// The second command is the one CI runs last, word for word.
	if f := strings.Fields(tests); len(f) < 3 || f[0] != "go" || f[1] != "test" || f[len(f)-1] != "./..." {
		t.Errorf("README's second command %q is not a go test of every package", tests)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	ciLines := strings.Split(strings.TrimSpace(string(ci)), "\n")
	if last := strings.TrimSpace(ciLines[len(ciLines)-1]); last != tests {
		t.Errorf(".ci/run ends with %q, README's test command is %q", last, tests)
	}

	dir := freshCopy(t)
	if demo != "go run ./cmd/smaudit demo --out rapporter" {
		t.Errorf("README's first command changed to %q; check this test still runs it as a new user would", demo)
	}
	code, out := shell(t, dir, demo)
	// README: the demo ends with exit status 1, a finding failed.
	if code != exitFail || !strings.Contains(out, "exit status 1") {
		t.Fatalf("%s: exit %d, want 1 as README says\n%s", demo, code, out)
	}
	// Every rapporter/ file README's opening tells a person to open.
	named := regexp.MustCompile("`(rapporter/[^`]+)`").FindAllStringSubmatch(readme[:strings.Index(readme, "\n## ")], -1)
	if len(named) < 2 {
		t.Errorf("README's opening names %d rapporter/ files", len(named))
	}
	for _, m := range append(named, []string{"", "rapporter/results.json"}) {
		if _, err := os.Stat(filepath.Join(dir, m[1])); err != nil {
			t.Errorf("README names %s: %v", m[1], err)
		}
	}

	// The quarterly cycle's examples use ./smaudit, built as README's
	// Scanning real accounts builds it.
	var build string
	for _, b := range readmeBlocks(t, readme, "Scanning real accounts") {
		for _, l := range b {
			if strings.HasPrefix(l, "go build -o smaudit ") {
				build = command(l)
			}
		}
	}
	if build == "" {
		t.Fatal("README's Scanning real accounts does not build ./smaudit")
	}
	if code, out := shell(t, dir, build); code != 0 {
		t.Fatalf("%s: exit %d\n%s", build, code, out)
	}
	ran, answered := map[string]bool{}, 0
	for _, b := range readmeBlocks(t, readme, "The quarterly cycle") {
		for _, l := range b {
			line := command(l)
			f := strings.Fields(line)
			if len(f) < 2 || f[0] != "./smaudit" {
				t.Errorf("a quarterly-cycle example does not run ./smaudit: %q", line)
				continue
			}
			want := exitOK
			switch f[1] {
			case "demo":
				want = exitFail // as the first demo
			case "import-responses":
				// The administration has answered, as README describes.
				wb := filepath.Join(dir, f[len(f)-1])
				answered = len(fillAnswers(t, wb, wb, nil))
			}
			code, out := shell(t, dir, line)
			if code != want {
				t.Errorf("%s: exit %d, want %d\n%s", line, code, want, out)
			}
			switch f[1] {
			case "diff":
				if !strings.Contains(out, "(2026-08-21) -> scan") || !strings.Contains(out, "(2026-11-20)") {
					t.Errorf("%s did not compare the two quarters:\n%s", line, out)
				}
			case "import-responses":
				if answered == 0 || !strings.Contains(out, fmt.Sprintf("Stored %d answers", answered)) {
					t.Errorf("%s did not store the answers:\n%s", line, out)
				}
			}
			ran[f[1]] = true
		}
	}
	if !ran["diff"] || !ran["import-responses"] {
		t.Errorf("The quarterly cycle's examples ran %v; want diff and import-responses", ran)
	}
	if _, err := os.Stat(filepath.Join(dir, defaultDBName)); err == nil {
		t.Errorf("an empty %s was created in the current folder", defaultDBName)
	}
}
