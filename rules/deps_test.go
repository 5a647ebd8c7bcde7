package rules

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyArrows keeps the rules free of crawling and report writing.
func TestDependencyArrows(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "github.com/stockholm-stad/smaudit/scanner") {
		t.Fatalf("go list output does not look like this package's dependencies:\n%s", out)
	}
	for _, banned := range []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/reports"} {
		if strings.Contains(string(out), banned) {
			t.Errorf("rules depends on %s", banned)
		}
	}
}
