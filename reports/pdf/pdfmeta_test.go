package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
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
		pdfs := pdfShared(t, "sample "+tc.lang)
		if r.Meta.Report.Sender != tc.sender {
			r.Meta.Report.Sender = tc.sender
			pdfs = pdfRender(t, r)
		}
		for file, pdf := range pdfs {
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
				if policy := model.PolicyTitle + " (" + model.PolicyDiary + ")"; !strings.Contains(info["Subject"], policy) {
					t.Errorf("Subject %q does not name the policy %q, as the first page does", info["Subject"], policy)
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
	pdf := pdfShared(t, "sample sv")["kulturforvaltningen"]
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
		// an account's link: its annotation and its text in one element
		"Link (inline)\n      Object ",
		"\"https://social.example/@bibliotek\"",
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
	cmd = exec.Command("pdfinfo", "-url", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	if out, err := cmd.Output(); err != nil || !strings.Contains(string(out), "Annotation    https://social.example/@bibliotek") {
		t.Errorf("the account's link no longer opens it: %v\n%s", err, out)
	}
}

// TestPDFMarkedContentIsBalanced checks every page of reports with page
// breaks inside paragraphs and tables, repeated table headers and a chart:
// each marked-content sequence opened (BDC, BMC) is closed (EMC) on the
// same page, and none is left open.
func TestPDFMarkedContentIsBalanced(t *testing.T) {
	for _, tc := range []struct{ name, report string }{{"stress", "stress sv"}, {"history", "history sv"}, {"trend", "trend many en"}} {
		for file, pdf := range pdfShared(t, tc.report) {
			pages := 0
			for _, m := range pdfStreamRE.FindAllSubmatchIndex(pdf, -1) {
				n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
				data := pdf[m[1] : m[1]+n]
				zr, err := zlib.NewReader(bytes.NewReader(data))
				if err != nil {
					continue
				}
				content, err := io.ReadAll(zr)
				if err != nil || !bytes.Contains(content, []byte("\nBT ")) {
					continue // not a page
				}
				pages++
				depth := 0
				for _, line := range strings.Split(string(content), "\n") {
					switch {
					case strings.HasSuffix(line, " BDC"), strings.HasSuffix(line, " BMC"):
						depth++
						if depth > 1 {
							t.Fatalf("%s/%s page %d: marked content nests: %q", tc.name, file, pages, line)
						}
					case line == "EMC":
						depth--
						if depth < 0 {
							t.Fatalf("%s/%s page %d: EMC without an open sequence", tc.name, file, pages)
						}
					}
				}
				if depth != 0 {
					t.Errorf("%s/%s page %d: %d sequences left open", tc.name, file, pages, depth)
				}
			}
			if pages == 0 {
				t.Errorf("%s/%s: no page content found", tc.name, file)
			}
		}
	}
}

var pdfStreamRE = regexp.MustCompile(`<</Filter /FlateDecode /Length (\d+)>>\nstream\n`)
