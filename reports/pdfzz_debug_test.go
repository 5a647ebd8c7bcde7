package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestPDFDebugDump(t *testing.T) {
	dir := os.Getenv("PDF_OUT")
	if dir == "" {
		t.Skip()
	}
	for _, lang := range []string{"sv", "en", "stress"} {
		r := sampleReport(lang)
		if lang == "stress" {
			r = pdfStressReport("sv")
		}
		var b bytes.Buffer
		if err := WriteOverviewPDF(&b, r); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "oversikt."+lang+".pdf"), b.Bytes(), 0o644)
		for _, a := range r.Administrations {
			var b bytes.Buffer
			if err := WriteAdministrationPDF(&b, r, a); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, a.Slug+"."+lang+".pdf"), b.Bytes(), 0o644)
		}
	}
}
