package main

import (
	"os"
	"os/exec"
	"testing"
)

// havePDFToText reports whether pdftotext (poppler-utils) can read the
// PDFs back. Outside CI a missing pdftotext only leaves the PDF checks
// out, said in the log; in CI (CI set, as .ci/run does) it fails the
// test, so a run that never read a PDF cannot pass.
func havePDFToText(t *testing.T) bool {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext (poppler-utils) is missing, and CI must read the PDFs back: %v", err)
		}
		t.Log("pdftotext (poppler-utils) is missing: the PDF text checks are left out")
		return false
	}
	return true
}
