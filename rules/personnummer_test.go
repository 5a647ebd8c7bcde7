package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFindIDNumbers(t *testing.T) {
	asOf := SampleAsOf
	tests := []struct {
		text   string
		masked []string // the masked numbers found, in order
	}{
		{"811218-9876", []string{"811218-****"}},
		{"Vinnare: 19811218-9876.", []string{"19811218-****"}},
		{"198112189876", []string{"19811218****"}},
		{"8112189876", []string{"811218****"}},
		{"121212+1212 fyller hundra", []string{"121212+****"}},
		{"samordningsnummer 811278-9873", []string{"811278-****"}},
		{"två: 811218-9876 och 121212-1212", []string{"811218-****", "121212-****"}},
		// A bad check digit, an impossible date, a future date.
		{"811218-9875", nil},
		{"811318-9870", nil},
		{"810230-1234", nil},
		{"20301218-9876", nil},
		// Phone numbers, order and case numbers, parts of longer tokens.
		{"Ring 070-123 45 67 eller 0701234567", nil},
		{"Ordernummer 198112189876", nil},
		{"ärende 811218-9876", nil},
		{"tel. 8112189876", nil},
		{"https://example.se/811218-9876", nil},
		{"ID 1198112189876", nil},
		{"811218-98761", nil},
		{"kl 10.811218-9876", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ns := findIDNumbers(tt.text, asOf)
			var got []string
			for _, n := range ns {
				got = append(got, n.masked)
			}
			if strings.Join(got, ",") != strings.Join(tt.masked, ",") {
				t.Errorf("found %v, want %v", got, tt.masked)
			}
			masked := maskIDNumbers(tt.text, ns)
			for _, n := range ns {
				if raw := tt.text[n.start:n.end]; strings.Contains(masked, raw) {
					t.Errorf("masked text %q still holds %q", masked, raw)
				}
			}
		})
	}
}

func TestSamordningsnummerIsMarked(t *testing.T) {
	ns := findIDNumbers("811278-9873", SampleAsOf)
	if len(ns) != 1 || !ns[0].coord {
		t.Fatalf("found %+v, want one samordningsnummer", ns)
	}
}

// TestPersonalDataMasksEverywhere holds the failing finding to the
// masked number: no message, evidence value or text in either language
// carries the digits.
func TestPersonalDataMasksEverywhere(t *testing.T) {
	res := personalPosts("Grattis till vinnaren 19811218-9876!")
	f := ruleByID(t, DefaultConfig(), PersonalData).Check(Input{Result: &res, AsOf: SampleAsOf})
	if f.Status != Fail {
		t.Fatalf("status %s, want fail: %s", f.Status, f.Message.SV)
	}
	texts := []string{f.Message.SV, f.Message.EN}
	for _, e := range f.Evidence {
		texts = append(texts, e.Value, e.ValueText.SV, e.ValueText.EN, e.URL, e.Source)
	}
	masked := false
	for _, s := range texts {
		if strings.Contains(s, "9876") {
			t.Errorf("%q shows the number's last four digits", s)
		}
		masked = masked || strings.Contains(s, "19811218-****")
	}
	if !masked {
		t.Errorf("no evidence shows the masked number: %+v", f.Evidence)
	}
	if !hasEvidence(f, "https://mastodon.demo.example/@kulturforvaltningen/") {
		t.Errorf("no evidence links the post: %+v", f.Evidence)
	}
}

func TestPersonalDataSensitiveWordsGoToAPerson(t *testing.T) {
	runSamples(t, PersonalData, []sample{
		{name: "health near a name", res: personalPosts("Vi önskar Anna Berg, som har cancer, krafter."), asOf: "2026-11-20", want: Manual, msg: "känsliga personuppgifter nära ett namn", evident: "Anna Berg"},
		{name: "health without a name", res: personalPosts("Föreläsning om cancer och forskning."), asOf: "2026-11-20", want: Pass},
		{name: "no text from the platform", res: demoFetched(demoProfile(), ownPosts(3, sampleNewest, 24*60*60*1e9)...), asOf: "2026-11-20", want: Manual, msg: "ger inte inläggens text"},
	})
}

func FuzzFindIDNumbers(f *testing.F) {
	for _, s := range []string{"811218-9876", "19811218-9876", "0701234567", "Ordernummer 198112189876", "121212+1212", "811278-9873", "ÅÄÖ 811218-9876…"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ns := findIDNumbers(s, SampleAsOf)
		masked := maskIDNumbers(s, ns)
		if len(masked) != len(s) {
			t.Fatalf("masking changed the length: %q -> %q", s, masked)
		}
		for _, n := range ns {
			if !strings.HasSuffix(n.masked, "****") || n.start < 0 || n.end > len(s) {
				t.Fatalf("bad match %+v in %q", n, s)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(masked) {
			t.Fatalf("masking broke UTF-8: %q", masked)
		}
	})
}

// BenchmarkPersonalData judges an account of 100 posts of everyday text
// with dates, times and phone numbers: the cost the rule adds per account
// of a scan.
func BenchmarkPersonalData(b *testing.B) {
	posts := ownPosts(100, sampleNewest, 24*60*60*1e9)
	for i := range posts {
		posts[i].Text = "Välkommen till biblioteket på lördag 2026-11-21 kl. 10–14! Sagostund, pyssel och boktips för hela familjen. Frågor? Ring 08-508 309 00 eller mejla biblioteket@stockholm.se #bibliotek"
	}
	res := demoFetched(demoProfile(), posts...)
	r := ruleByID(b, DefaultConfig(), PersonalData)
	b.ReportAllocs()
	for b.Loop() {
		if f := r.Check(Input{Result: &res, AsOf: SampleAsOf}); f.Status != Pass {
			b.Fatal(f.Status)
		}
	}
}
