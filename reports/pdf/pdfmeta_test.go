package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// pdfInfo runs pdfinfo on pdf and returns its fields; anything pdfinfo
// prints to stderr (a damaged cross-reference table, say) fails the test.
func pdfInfo(t *testing.T, pdf []byte) map[string]string {
	t.Helper()
	path, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdfinfo (poppler-utils) is missing, and CI must read the PDFs back: %v", err)
		}
		t.Skip("pdfinfo (poppler-utils) not installed")
	}
	cmd := exec.Command(path, "-enc", "UTF-8", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdfinfo: %v: %s", err, stderr.String())
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			fields[k] = strings.TrimSpace(v)
		}
	}
	return fields
}

// TestPDFMetadata checks what a PDF says about itself: its title, author
// (the report's sender, else the city), subject and creator, and its
// language in the catalog, read back by pdfinfo.
func TestPDFMetadata(t *testing.T) {
	for _, tc := range []struct {
		lang, sender, author, subject string
	}{
		{"sv", "", "Stockholms stad", "Granskning av Stockholms stads konton"},
		{"sv", "Stadsledningskontoret, kommunikationsenheten", "Stadsledningskontoret, kommunikationsenheten", "granskningsdatum 2026-11-20"},
		{"en", "Stadsledningskontoret", "Stadsledningskontoret", "Audit of the City of Stockholm's social media accounts"},
	} {
		r := sampleReport(tc.lang)
		r.Meta.Report.Sender = tc.sender
		for file, pdf := range pdfRender(t, r) {
			t.Run(tc.lang+"/"+tc.author+"/"+file, func(t *testing.T) {
				info := pdfInfo(t, pdf)
				title := map[string]string{"sv": "Granskning av sociala medier", "en": "Social media audit"}[tc.lang]
				if !strings.HasPrefix(info["Title"], title) {
					t.Errorf("Title %q, want it to start %q", info["Title"], title)
				}
				if info["Author"] != tc.author {
					t.Errorf("Author %q, want %q", info["Author"], tc.author)
				}
				if !strings.Contains(info["Subject"], tc.subject) {
					t.Errorf("Subject %q lacks %q", info["Subject"], tc.subject)
				}
				if info["Creator"] != r.Meta.GeneratedBy {
					t.Errorf("Creator %q, want %q", info["Creator"], r.Meta.GeneratedBy)
				}
				catalog := pdf[bytes.LastIndex(pdf, []byte("/Type /Catalog\n")):]
				for _, want := range []string{"/Lang (" + tc.lang + ")\n", "/MarkInfo <</Marked true>>\n", "/StructTreeRoot "} {
					if !bytes.Contains(catalog, []byte(want)) {
						t.Errorf("catalog lacks %q", want)
					}
				}
				if info["Tagged"] != "yes" {
					t.Errorf("Tagged %q, want yes", info["Tagged"])
				}
			})
		}
	}
}

// TestPDFStructureTree reads an administration's structure tree back with
// pdfinfo: the title is a level-1 heading, sections level-2 headings,
// tables have header and data cells, text is in reading order, and the
// page header and footer are artifacts outside the tree.
func TestPDFStructureTree(t *testing.T) {
	r := sampleReport("sv")
	pdf := pdfRender(t, r)["kulturforvaltningen"]
	pdfInfo(t, pdf) // the document reads without complaint
	cmd := exec.Command("pdfinfo", "-struct-text", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v", err)
	}
	tree := string(out)
	for _, want := range []string{
		"Document\n  H1 (block)\n    \"Granskning av sociala medier\"\n    \"Kulturförvaltningen\"",
		"H2 (block)\n    \"Sammanfattning\"",
		"Table (block)\n    TR\n      TH\n        \"Konto\"",
		"TD\n        \"Stadsbiblioteket\"",
	} {
		if !strings.Contains(tree, want) {
			t.Errorf("structure tree lacks %q", want)
		}
	}
	if strings.Contains(tree, "Sida 1 av") || strings.Contains(tree, "Granskningsdatum: 2026-11-20") {
		t.Errorf("the page header or footer is in the structure tree")
	}
	if i, j := strings.Index(tree, "Sammanfattning"), strings.Index(tree, "Konton, sämst först"); i < 0 || j < i {
		t.Errorf("sections out of reading order (%d, %d)", i, j)
	}
}
