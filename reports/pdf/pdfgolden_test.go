package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPDFGolden compares the text of each sample PDF, without and with
// history, with its golden file under testdata; `go test ./reports/pdf
// -update` rewrites them.
func TestPDFGolden(t *testing.T) {
	for _, sample := range []struct{ dir, report string }{{"", "sample"}, {"history", "history"}, {"interrupted", "interrupted"}} {
		for _, lang := range []string{"sv", "en"} {
			pdfGolden(t, sample.dir, lang, pdfShared(t, sample.report+" "+lang))
		}
	}
}

// pdfGolden compares the text of each PDF in pdfs with its golden file.
func pdfGolden(t *testing.T, dir, lang string, pdfs map[string][]byte) {
	t.Helper()
	for file, pdf := range pdfs {
		t.Run(filepath.Join(dir, file)+"."+lang, func(t *testing.T) {
			got := pdfText(t, pdf)
			path := filepath.Join("testdata", dir, file+"."+lang+".golden")
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
				t.Fatalf("%v (run go test ./reports/pdf -update to create it)", err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("%s differs (-want +got):\n%s", path, diff)
			}
		})
	}
}
