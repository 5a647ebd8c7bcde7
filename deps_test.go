package smaudit

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDependencyArrows keeps data flowing one way: registry -> scanner ->
// rules -> report model -> writers. Rules never crawl or write reports;
// the scanner never judges or writes; reports never crawl; the report
// model and the history that feeds it link no writer, so a front end
// that only reads the history or builds the model carries no PDF or
// Excel code.
func TestDependencyArrows(t *testing.T) {
	const (
		reportsPkg   = "github.com/stockholm-stad/smaudit/reports"
		jsonPkg      = reportsPkg + "/jsonout"
		pdfPkg       = reportsPkg + "/pdf"
		xlsxPkg      = reportsPkg + "/xlsx"
		responsesPkg = reportsPkg + "/responses"
		workbookPkg  = reportsPkg + "/workbook"
	)
	tests := []struct {
		pkgs   string
		banned []string // matched anywhere in a dependency's import path
		// bannedPkgs are whole import paths, for a package whose path is
		// the prefix of an allowed one (reports and reports/model).
		bannedPkgs []string
	}{
		{"./rules", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/reports", "smaudit/scanner/", "nlnwa/gowarc"}, nil},
		{"./scanner/...", []string{"xuri/excelize", "jung-kurt/gofpdf", "smaudit/rules", "smaudit/reports", "nlnwa/gowarc", "smaudit/evidence"}, nil},
		// The evidence bundle archives what the scanner fetched: it knows
		// the scan's data model and the WARC library, nothing that crawls,
		// judges or writes reports.
		{"./evidence", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/rules", "smaudit/reports", "smaudit/scanner/"}, nil},
		{"./reports", []string{"gocolly/colly", "smaudit/scanner/"}, nil},
		{"./reports/model", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/scanner/"}, []string{"github.com/stockholm-stad/smaudit/reports"}},
		{"./history", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/scanner/"}, []string{"github.com/stockholm-stad/smaudit/reports"}},
		// A writer imports the model and no other writer.
		{"./reports/jsonout", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/scanner/"}, []string{reportsPkg, pdfPkg, xlsxPkg, responsesPkg, workbookPkg}},
		{"./reports/pdf", []string{"gocolly/colly", "xuri/excelize", "smaudit/scanner/"}, []string{reportsPkg, jsonPkg, xlsxPkg, responsesPkg, workbookPkg}},
		{"./reports/xlsx", []string{"gocolly/colly", "jung-kurt/gofpdf", "smaudit/scanner/"}, []string{reportsPkg, jsonPkg, pdfPkg, responsesPkg}},
		{"./reports/html", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/scanner/", "chromedp"}, []string{reportsPkg, jsonPkg, pdfPkg, xlsxPkg, responsesPkg, workbookPkg}},
		// The workbook reader shares the workbook's words and check hash
		// with the Excel writer through reports/workbook, never the writer.
		{"./reports/responses", []string{"gocolly/colly", "jung-kurt/gofpdf", "smaudit/scanner/"}, []string{reportsPkg, jsonPkg, pdfPkg, xlsxPkg}},
		{"./reports/workbook", []string{"gocolly/colly", "xuri/excelize", "jung-kurt/gofpdf", "smaudit/scanner/"}, []string{reportsPkg, jsonPkg, pdfPkg, xlsxPkg, responsesPkg}},
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
			for _, dep := range strings.Fields(string(out)) {
				for _, banned := range tt.bannedPkgs {
					if dep == banned {
						t.Errorf("%s depends on %s", tt.pkgs, banned)
					}
				}
			}
		})
	}
}

// TestOnlyFrontEndsImportAudit keeps the audit package on top: it runs
// the pipeline and may import every layer below it, but no layer below
// imports it, so the pipeline's steps never call back into the whole.
// Only front ends (cmd/...) do.
func TestOnlyFrontEndsImportAudit(t *testing.T) {
	const auditPkg = "github.com/stockholm-stad/smaudit/audit"
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list ./...: %v\n%s", err, out)
	}
	var listed, importers []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		listed = append(listed, pkg)
		for _, d := range deps {
			if d == auditPkg {
				importers = append(importers, pkg)
			}
		}
	}
	if !slices.Contains(listed, auditPkg) || len(importers) == 0 {
		t.Fatalf("go list did not list the audit package and a front end importing it:\n%s", out)
	}
	for _, pkg := range importers {
		if !strings.HasPrefix(pkg, "github.com/stockholm-stad/smaudit/cmd/") {
			t.Errorf("%s imports the audit package; only front ends under cmd/ may", pkg)
		}
	}
}

// TestDemoIsDataOnly keeps the demo package a leaf: it embeds the demo's
// data and imports nothing of the tool, so the tests of every layer can
// read it without an import cycle. The audit of that data, which needs
// the whole pipeline, is audit.Demo: audit imports the data, never the
// other way round, and only front ends import audit.
func TestDemoIsDataOnly(t *testing.T) {
	const module, demoPkg = "github.com/stockholm-stad/smaudit", "github.com/stockholm-stad/smaudit/demo"
	out, err := exec.Command("go", "list", "-deps", "./demo").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps ./demo: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, demoPkg) || !slices.Contains(deps, "embed") {
		t.Fatalf("go list output does not look like the demo's dependencies:\n%s", out)
	}
	for _, dep := range deps {
		if strings.HasPrefix(dep, module) && dep != demoPkg {
			t.Errorf("the demo package depends on %s; it holds data only", dep)
		}
	}
}
