package pdf

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

func TestPDFCleanerClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"swedish and punctuation stay", "Kulturförvaltningen – ”välkommen” “hi” é Å…", "Kulturförvaltningen – ”välkommen” “hi” é Å…"},
		{"decomposed letters are composed", "Ga\u0308rdet e\u0301", "Gärdet é"},
		{"emoji go to the symbol font's codes", "Kul 🎉!", "Kul \ue389!"},
		{"emoji sequences lose joiners, skin tones and variation selectors", "a 👩🏽‍💻 b ❤️ c", "a \ue469\ue4bb b ❤ c"},
		{"symbols in the Go fonts' range stay", "→ ✔ ☎", "→ ✔ ☎"},
		{"an emoji newer than the symbol font is named", "Fest 🥳🥳 nu", "Fest [emoji] nu"},
		{"mathematical letters become plain ones", "𝐊𝐮𝐥𝐭𝐮𝐫 𝘩𝘶𝘴", "Kultur hus"},
		{"whitespace controls become spaces", "a\tb\nc\r\nd", "a b c  d"},
		{"other controls and format characters go", "x\x00y\x1bz\u200b\u202e!\u00ad", "xyz!"},
		{"invalid UTF-8 becomes a placeholder", "ok \xff\xfe end", "ok [?] end"},
		{"other scripts no font has", "ไทย 한국어 Ελληνικά", "[?] [?] Ελληνικά"},
		{"empty", "", ""},
	}
	c, err := newPDFCleaner()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.clean(tc.in); got != tc.want {
				t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPDFFontsDrawTheReportsOwnWords(t *testing.T) {
	c, err := newPDFCleaner()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, l := range model.LabelTexts() {
		all.WriteString(l.SV + l.EN)
	}
	for _, l := range pdfLabels {
		all.WriteString(l.SV + l.EN)
	}
	all.WriteString("•0123456789%" + pdfPlaceholder + pdfNoEmoji)
	for _, r := range all.String() {
		if !c.drawable(r) {
			t.Errorf("the embedded fonts cannot draw %q (%U), which the reports use", r, r)
		}
	}
}

func TestPDFShorten(t *testing.T) {
	long := strings.Repeat("ä", 50)
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"kort", 10, "kort"},
		{long, 50, long},
		{long, 10, strings.Repeat("ä", 8) + " …"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := pdfShorten(tc.in, tc.n); got != tc.want {
				t.Errorf("pdfShorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

// FuzzPDFClean checks that any scraped text comes out drawable, free of
// control characters, stable under a second cleaning, and renders.
func FuzzPDFClean(f *testing.F) {
	for _, s := range pdfHostile {
		f.Add(s)
	}
	f.Add("Östermalm 📚\u200d\ufe0f")
	c, err := newPDFCleaner()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := c.clean(s)
		if !utf8.ValidString(out) {
			t.Fatalf("clean(%q) = %q is not UTF-8", s, out)
		}
		for _, r := range out {
			if !(c.drawable(r) || c.symbol(r)) || unicode.IsControl(r) {
				t.Fatalf("clean(%q) = %q keeps %U", s, out, r)
			}
		}
		if again := c.clean(out); again != out {
			t.Fatalf("clean is not stable: %q, then %q", out, again)
		}
		r := sampleReport("sv")
		r.Administrations[0].Name = s
		r.Accounts[0].Result.Account.Name = s
		r.Accounts[0].Findings[0].Evidence = append(r.Accounts[0].Findings[0].Evidence, rules.Evidence{Value: s, URL: s})
		var b bytes.Buffer
		if err := WriteAdministrationPDF(&b, r, r.Administrations[0]); err != nil {
			t.Fatalf("WriteAdministrationPDF with %q: %v", s, err)
		}
	})
}
