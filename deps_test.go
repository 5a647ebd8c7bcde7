package smaudit

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyArrows keeps data flowing one way: registry -> scanner ->
// rules -> reports. Rules never crawl or write reports; the scanner never
// judges or writes; reports never crawl.
func TestDependencyArrows(t *testing.T) {
	tests := []struct {
		pkgs   string
		banned []string
	}{
		{"./rules", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/reports", "smaudit/scanner/"}},
		{"./scanner/...", []string{"xuri/excelize", "jung-kurt/gofpdf", "smaudit/rules", "smaudit/reports"}},
		{"./reports", []string{"gocolly/colly", "smaudit/scanner/"}},
	}
	for _, tt := range tests {
		t.Run(tt.pkgs, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", tt.pkgs).CombinedOutput()
			if err != nil {
				t.Fatalf("go list -deps %s: %v\n%s", tt.pkgs, err, out)
			}
			if !strings.Contains(string(out), "github.com/stockholm-stad/smaudit/scanner") {
				t.Fatalf("go list output does not look like dependencies:\n%s", out)
			}
			for _, banned := range tt.banned {
				if strings.Contains(string(out), banned) {
					t.Errorf("%s depends on %s", tt.pkgs, banned)
				}
			}
		})
	}
}
