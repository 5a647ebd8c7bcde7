package pdf

import (
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// pdfWord is one word pdftotext found, with its box in points.
type pdfWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var (
	pdfPageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	pdfWordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`)
)

// pdfPages parses `pdftotext -bbox` output into the words of each page and
// the page size.
func pdfPages(t *testing.T, bbox string) (pages [][]pdfWord, width, height float64) {
	t.Helper()
	chunks := pdfPageRE.Split(bbox, -1)[1:]
	size := pdfPageRE.FindStringSubmatch(bbox)
	if size == nil {
		t.Fatalf("pdftotext -bbox: no page in output")
	}
	width, _ = strconv.ParseFloat(size[1], 64)
	height, _ = strconv.ParseFloat(size[2], 64)
	for _, chunk := range chunks {
		var words []pdfWord
		for _, m := range pdfWordRE.FindAllStringSubmatch(chunk, -1) {
			w := pdfWord{text: html.UnescapeString(m[5])}
			for i, p := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
				*p, _ = strconv.ParseFloat(m[i+1], 64)
			}
			words = append(words, w)
		}
		pages = append(pages, words)
	}
	return pages, width, height
}

// TestPDFLayoutKeepsTextOnThePage checks every word of the sample and the
// stress reports: inside the page margins and overlapping no other word.
func TestPDFLayoutKeepsTextOnThePage(t *testing.T) {
	const mm = 72 / 25.4
	const slack = 0.6 // points; glyph boxes of neighbouring words may touch
	for _, name := range []string{"sample sv", "sample en", "stress sv", "checklist en", "history sv", "history en", "trend many sv", "trend of two scans sv"} {
		for file, pdf := range pdfShared(t, name) {
			t.Run(name+"/"+file, func(t *testing.T) {
				pages, pageW, pageH := pdfPages(t, pdfText(t, pdf, "-bbox"))
				if len(pages) == 0 {
					t.Fatal("no pages")
				}
				for p, words := range pages {
					if len(words) == 0 {
						t.Errorf("page %d is empty", p+1)
					}
					for _, w := range words {
						if w.xMin < pdfMargin*mm-slack || w.xMax > pageW-pdfMargin*mm+slack || w.yMin < 8*mm || w.yMax > pageH-8*mm {
							t.Errorf("page %d: %q at (%.1f,%.1f)-(%.1f,%.1f) is outside the margins", p+1, w.text, w.xMin, w.yMin, w.xMax, w.yMax)
						}
					}
					sort.Slice(words, func(i, k int) bool { return words[i].yMin < words[k].yMin })
					for i, a := range words {
						for _, b := range words[i+1:] {
							if b.yMin >= a.yMax-slack {
								break
							}
							if b.xMin < a.xMax-slack && a.xMin < b.xMax-slack {
								t.Errorf("page %d: %q and %q overlap", p+1, a.text, b.text)
							}
						}
					}
				}
				last := strings.Join(pdfWordsText(pages[len(pages)-1]), " ")
				if want := strconv.Itoa(len(pages)); !strings.Contains(last, want) {
					t.Errorf("last page does not name the page count %s: %q", want, last)
				}
			})
		}
	}
}

// TestPDFTableRepeatsHeader draws a table over several pages and checks
// that every page shows the header row and every row appears once.
func TestPDFTableRepeatsHeader(t *testing.T) {
	r := sampleReport("sv")
	d, err := newPDFDoc(r, "Tabelltest")
	if err != nil {
		t.Fatal(err)
	}
	var rows []pdfRow
	for i := 0; i < 120; i++ {
		rows = append(rows, pdfCells("rad-"+strconv.Itoa(i), strings.Repeat("text ", i%9+1)))
	}
	d.table([]pdfCol{{"Rubrikkolumn", 1, "L"}, {"Andrakolumn", 3, "L"}}, rows)
	var b strings.Builder
	if err := d.finish(&b); err != nil {
		t.Fatal(err)
	}
	pages, _, _ := pdfPages(t, pdfText(t, []byte(b.String()), "-bbox"))
	if len(pages) < 3 {
		t.Fatalf("table spans %d pages, want at least 3 for this test", len(pages))
	}
	seen := map[string]int{}
	for p, words := range pages {
		texts := pdfWordsText(words)
		if !strings.Contains(strings.Join(texts, " "), "Rubrikkolumn Andrakolumn") {
			t.Errorf("page %d lacks the header row", p+1)
		}
		for _, s := range texts {
			if strings.HasPrefix(s, "rad-") {
				seen[s]++
			}
		}
	}
	for i := 0; i < 120; i++ {
		if n := seen["rad-"+strconv.Itoa(i)]; n != 1 {
			t.Errorf("row rad-%d appears %d times", i, n)
		}
	}
}

func pdfWordsText(words []pdfWord) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.text
	}
	return out
}
