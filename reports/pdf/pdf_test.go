package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// pdfHostile is scraped text a PDF writer must survive: emoji with skin
// tones and joiners, formulas, controls, invalid UTF-8, other scripts, a
// very long word and a text taller than a page.
var pdfHostile = []string{
	"Vi ❤️ Stockholm 👩🏽‍💻🎉 – ”välkommen”",
	"=HYPERLINK(\"http://evil\") +cmd|' /C calc'!A0 @SUM(1)",
	"tab\there\nnew line\r\x00null\x1bescape\u200bzero\u202eRTL",
	"bad utf8 \xff\xfe end",
	"中文 العربية עברית ไทย 한국어 Ελληνικά Кириллица",
	"https://example.com/" + strings.Repeat("a", 400),
	strings.Repeat("långt ord ", 1500),
}

// pdfStressReport is the sample report with hostile text in every place
// scraped or registry text can reach, and enough accounts that tables
// run over several pages.
func pdfStressReport(lang string) *model.Report {
	judged := sampleJudged()
	for i := 0; i < 45; i++ {
		j := sampleJudged()[i%4]
		j.Result.Account.Row = 10 + i
		j.Result.Account.Name = fmt.Sprintf("Konto %02d %s", i, pdfHostile[i%len(pdfHostile)][:min(60, len(pdfHostile[i%len(pdfHostile)]))])
		j.Result.Account.Administration = "Kulturförvaltningen"
		j.Findings = append([]rules.Finding(nil), j.Findings...)
		for k := range j.Findings {
			fd := &j.Findings[k]
			fd.Evidence = append(append([]rules.Evidence(nil), fd.Evidence...),
				rules.Evidence{Label: rules.Text{SV: "Skrapad text", EN: "Scraped text"}, Value: pdfHostile[(i+k)%len(pdfHostile)]})
			if i%7 == 6 {
				fd.Message = rules.Text{SV: pdfHostile[6], EN: pdfHostile[6]}
			}
		}
		if i%5 == 0 {
			j.Result.Status = scanner.FetchFailed
			j.Result.Err = &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 500, Detail: pdfHostile[i%len(pdfHostile)]}
		}
		judged = append(judged, j)
	}
	return model.Build(judged, sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test 🎉", Lang: lang, Registry: "konton\x00.csv",
		Notes: append([]string{"konton.csv: rad 7"}, pdfHostile...)}, model.Inputs{})
}

// pdfRender renders every PDF of r, keyed by file base name.
func pdfRender(t *testing.T, r *model.Report) map[string][]byte {
	t.Helper()
	out, err := pdfRenderAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pdfText extracts a PDF's text with pdftotext, skipping the test when
// poppler-utils are not installed.
func pdfText(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		// In CI (CI set, as .ci/run does) a missing pdftotext fails the
		// test, so a run that never read a PDF back cannot pass.
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext (poppler-utils) is missing, and CI must read the PDFs back: %v", err)
		}
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	key := pdfTextKey(pdf, args)
	if text, ok := pdfTexts.Load(key); ok {
		return text.(string)
	}
	cmd := exec.Command(path, append(append([]string{"-enc", "UTF-8"}, args...), "-", "-")...)
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	pdfTexts.Store(key, string(out))
	return string(out)
}

func TestPDFBytesAreDeterministic(t *testing.T) {
	first := map[string]map[string][]byte{}
	for _, name := range []string{"sample sv", "sample en", "stress sv"} {
		first[name] = pdfShared(t, name) // the first rendering, shared with other tests
	}
	for name := range first {
		t.Run(name, func(t *testing.T) {
			r := pdfSharedReports[name]()
			again := pdfRender(t, r)
			for file, want := range first[name] {
				if !bytes.Equal(again[file], want) {
					t.Errorf("%s: bytes differ between two renderings of the same report", file)
				}
				pdfDatesAreAsOf(t, file, want, r.Meta.AsOf)
			}
		})
	}
}

// pdfInfoDate is a date of the document's info dictionary.
var pdfInfoDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:([0-9]{14})\)`)

// pdfDatesAreAsOf fails the test unless the PDF's creation and
// modification dates, the only times gofpdf writes, are the audit date:
// left unset, gofpdf would stamp the wall clock's time there. With them
// held to the audit date, two renderings need no pause between them to
// show that nothing in the file depends on when it was written.
func pdfDatesAreAsOf(t *testing.T, file string, pdf []byte, asOf time.Time) {
	t.Helper()
	dates := pdfInfoDate.FindAllSubmatch(pdf, -1)
	if len(dates) != 2 {
		t.Fatalf("%s: %d info dates, want CreationDate and ModDate", file, len(dates))
	}
	for _, d := range dates {
		if got, want := string(d[2]), asOf.Format("20060102150405"); got != want {
			t.Errorf("%s: %s is %s, want the audit date %s", file, d[1], got, want)
		}
	}
}

func TestPDFSampleText(t *testing.T) {
	tests := []struct {
		lang, file string
		want       []string
		notWant    []string
	}{
		{"sv", "kulturforvaltningen",
			[]string{"Granskning av sociala medier", "Kulturförvaltningen", "Kulturhuset", "Stadsbiblioteket", "Godkänd", "Kunde inte kontrolleras",
				"Manuell kontroll", "Granskningsdatum: 2026-11-20", "Servern svarade med ett felmeddelande (HTTP 503, tjänsten är inte tillgänglig)", "välkommen! 📚", "Sida 1 av 4",
				"Inga konton föreslås för avslut.", "”vilken verksamhet som står bakom kontot"},
			[]string{"Östermalm", "ostermalm", "□"}},
		{"sv", "ostermalms-stadsdelsforvaltning",
			[]string{"Östermalms stadsdelsförvaltning", "Östermalm nyheter", "Underkänd", "Så åtgärdar ni:", "Skriv i profiltexten",
				"Konton att överväga att avsluta", "Konton utan egna inlägg de senaste 90 dagarna", "171", "=HYPERLINK(\"x\") Vi är en del av Stockholms stad 🎉", "konton.csv: rad 7"},
			[]string{"Kulturhuset", "Stadsbiblioteket", "Kulturförvaltningen på Facebook", "□"}},
		{"sv", model.OverviewSlug,
			[]string{"stadsövergripande översikt", "Kulturförvaltningen", "Östermalms stadsdelsförvaltning", "Totalt", "50 %",
				"Underkända punkter", "Profilen nämner inte förvaltningen.", "Östermalm nyheter", "city-affiliation", "inactive-account", "konton.csv: rad 7"},
			nil},
		{"en", "kulturforvaltningen",
			[]string{"Social media audit", "Pass", "Could not be checked", "Audit date: 2026-11-20", "Page 1 of", "No accounts are proposed for closure."},
			[]string{"Östermalm", "Godkänd"}},
		{"en", "ostermalms-stadsdelsforvaltning",
			[]string{"Fail", "How to fix:", "Accounts to consider closing", "“When an account is no longer used, it shall be closed.”"},
			[]string{"Kulturhuset", "Underkänd"}},
	}
	rendered := map[string]map[string][]byte{}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.file, func(t *testing.T) {
			if rendered[tc.lang] == nil {
				rendered[tc.lang] = pdfShared(t, "sample "+tc.lang)
			}
			pdf, ok := rendered[tc.lang][tc.file]
			if !ok {
				t.Fatalf("no PDF named %s", tc.file)
			}
			text := pdfFlat(pdfText(t, pdf))
			for _, s := range tc.want {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(text, s) {
					t.Errorf("text contains %q", s)
				}
			}
		})
	}
}

// pdfFlat joins extracted text into one line with single spaces, so a
// phrase that wraps still matches.
func pdfFlat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestPDFHostileTextIsCleaned(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			for name, pdf := range pdfShared(t, "stress "+lang) {
				text := pdfText(t, pdf)
				for _, bad := range []string{"\x00", "\x1b", "\u200b", "\u202e", "\ufe0f", "🏽", "□", "\ufffd", "\ue000"} {
					if strings.Contains(text, bad) {
						t.Errorf("%s: text contains %q", name, bad)
					}
				}
				for _, want := range []string{"Vi ❤ Stockholm 👩💻🎉 – ”välkommen”", "Ελληνικά Кириллица", "+cmd|' /C calc'!A0", "bad utf8 [?] end"} {
					if !strings.Contains(text, want) {
						t.Errorf("%s: text lacks %q", name, want)
					}
				}
			}
		})
	}
}
