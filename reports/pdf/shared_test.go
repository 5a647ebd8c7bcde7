package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// pdfSharedReports are the sample reports many tests read without
// changing them. Rendering one takes 2–6 s under -race, and the writers
// are deterministic (TestPDFBytesAreDeterministic renders each anew and
// compares), so pdfShared renders each once per test binary.
var pdfSharedReports = map[string]func() *model.Report{
	"sample sv":             func() *model.Report { return sampleReport("sv") },
	"sample en":             func() *model.Report { return sampleReport("en") },
	"stress sv":             func() *model.Report { return pdfStressReport("sv") },
	"stress en":             func() *model.Report { return pdfStressReport("en") },
	"checklist sv":          func() *model.Report { return checklistReport("sv") },
	"checklist en":          func() *model.Report { return checklistReport("en") },
	"history sv":            func() *model.Report { return historyReport("sv") },
	"history en":            func() *model.Report { return historyReport("en") },
	"interrupted sv":        func() *model.Report { return interruptedReport("sv") },
	"interrupted en":        func() *model.Report { return interruptedReport("en") },
	"trend many sv":         func() *model.Report { return historyManyReport("sv") },
	"trend many en":         func() *model.Report { return historyManyReport("en") },
	"trend of two scans sv": func() *model.Report { return historyTwoScansReport("sv") },
}

// pdfSharedRender is one report's PDFs, rendered on first use.
type pdfSharedRender struct {
	once sync.Once
	pdfs map[string][]byte
	err  error
}

var pdfSharedRenders = func() map[string]*pdfSharedRender {
	m := map[string]*pdfSharedRender{}
	for name := range pdfSharedReports {
		m[name] = &pdfSharedRender{}
	}
	return m
}()

// pdfShared returns every PDF of the shared report name, keyed by file
// base name, as pdfRender does; each call gets its own copy of the bytes.
func pdfShared(t *testing.T, name string) map[string][]byte {
	t.Helper()
	s, ok := pdfSharedRenders[name]
	if !ok {
		t.Fatalf("no shared report %q", name)
	}
	s.once.Do(func() { s.pdfs, s.err = pdfRenderAll(pdfSharedReports[name]()) })
	if s.err != nil {
		t.Fatalf("%s: %v", name, s.err)
	}
	out := make(map[string][]byte, len(s.pdfs))
	for file, pdf := range s.pdfs {
		out[file] = bytes.Clone(pdf)
	}
	return out
}

// pdfRenderAll renders every PDF of r, keyed by file base name, and
// checks that each is a whole PDF.
func pdfRenderAll(r *model.Report) (map[string][]byte, error) {
	out := map[string][]byte{}
	var b bytes.Buffer
	if err := WriteOverviewPDF(&b, r); err != nil {
		return nil, fmt.Errorf("WriteOverviewPDF: %w", err)
	}
	out[model.OverviewSlug] = bytes.Clone(b.Bytes())
	for _, a := range r.Administrations {
		b.Reset()
		if err := WriteAdministrationPDF(&b, r, a); err != nil {
			return nil, fmt.Errorf("WriteAdministrationPDF(%s): %w", a.Name, err)
		}
		out[a.Slug] = bytes.Clone(b.Bytes())
	}
	for name, pdf := range out {
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
			return nil, fmt.Errorf("%s: not a complete PDF (%d bytes)", name, len(pdf))
		}
	}
	return out, nil
}

// pdfTexts keeps what pdftotext printed for a PDF's bytes and arguments:
// several tests read the same shared PDF the same way.
var pdfTexts sync.Map

// pdfTextKey names a PDF's bytes and the pdftotext arguments.
func pdfTextKey(pdf []byte, args []string) string {
	sum := sha256.Sum256(pdf)
	return string(sum[:]) + "\x00" + strings.Join(args, "\x00")
}
