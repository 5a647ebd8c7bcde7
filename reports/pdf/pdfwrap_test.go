package pdf

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// pdfRuneWidth measures text as one unit per character.
func pdfRuneWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestPDFWrap(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    string
		w    float64
		want []string
	}{
		{"fits", "Kontot finns", 20, []string{"Kontot finns"}},
		{"at spaces", "Profilen saknar kontaktuppgifter helt", 20, []string{"Profilen saknar", "kontaktuppgifter", "helt"}},
		{"compound at a syllable", "Utbildningsförvaltningen", 16, []string{"Utbildningsför-", "valtningen"}},
		{"compound in four", "Utbildningsförvaltningen", 9, []string{"Utbild-", "ningsför-", "valt-", "ningen"}},
		{"not inside ng", "Förvaltningen", 11, []string{"Förvalt-", "ningen"}},
		{"after its own hyphen", "e-postadress", 10, []string{"e-", "postadress"}},
		{"url at a slash", "https://example.com/kultur/evenemang", 22, []string{"https://example.com/", "kultur/evenemang"}},
		{"no syllable: cut with a hyphen", "xxxxxxxxxx", 5, []string{"xxxx-", "xxxx-", "xx"}},
		{"narrower than a letter", "ab", 0.5, []string{"a", "b"}},
		{"empty", "", 10, []string{""}},
		{"english", "Compliance", 7, []string{"Comp-", "liance"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := pdfWrap(tc.s, tc.w, pdfRuneWidth)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("pdfWrap(%q, %v) (-want +got):\n%s", tc.s, tc.w, diff)
			}
		})
	}
}

// TestPDFWrapNeverBreaksAWordBare wraps long Swedish names at every width
// and checks that no line is wider than the column, that a word broken
// between two letters or digits gets a hyphen, and that the text comes
// back whole when the added hyphens go.
func TestPDFWrapNeverBreaksAWordBare(t *testing.T) {
	for _, s := range []string{
		"Utbildningsförvaltningen Östermalms stadsdelsförvaltning",
		"Stockholm Vatten och Avfall AB Kulturförvaltningen Compliance",
		"Arbetsmarknadsförvaltningen https://start.stockholm/om-stockholms-stad/organisation/",
	} {
		for w := 3.0; w < 40; w++ {
			parts := pdfWrapParts(s, w, pdfRuneWidth)
			var b strings.Builder
			for i, p := range parts {
				line := p.text
				if p.hyphen {
					line += "-"
				}
				if pdfRuneWidth(line) > w && utf8.RuneCountInString(p.text) > 1 {
					t.Errorf("width %v: line %q is wider", w, line)
				}
				if i+1 < len(parts) && p.inWord && !p.hyphen && pdfAlnumBoth(p.text, parts[i+1].text) {
					t.Errorf("width %v: %q | %q breaks a word without a hyphen", w, p.text, parts[i+1].text)
				}
				b.WriteString(p.text)
				if !p.inWord && i+1 < len(parts) {
					b.WriteByte(' ')
				}
			}
			if got := b.String(); got != s {
				t.Errorf("width %v: unwrapped %q, want %q", w, got, s)
			}
		}
	}
}

// pdfAlnumBoth reports whether a line ends and the next starts with a
// letter or digit.
func pdfAlnumBoth(line, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(next)
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return alnum(last) && alnum(first)
}
