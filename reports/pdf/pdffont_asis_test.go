package pdf

import "testing"

// FuzzPDFCleanerAsIs checks the shortcut clean takes: text asIs accepts
// is exactly what rebuilding it gives, so skipping the rebuild never
// changes a PDF.
func FuzzPDFCleanerAsIs(f *testing.F) {
	for _, s := range []string{"", "Kulturförvaltningen – ”välkommen” é Å…", "Ga\u0308rdet", "Kul 🎉!", "a\tb\nc",
		"x\x00y\u200b", "ok \xff end", "\uFFFD", "中文 Ελληνικά", "e\u0301", "\u00ad", "2026-11-20 · 97 %", "a\u00a0b", "\x7f"} {
		f.Add(s)
	}
	c, err := newPDFCleaner()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := c.rebuild(s)
		if c.asIs(s) && want != s {
			t.Errorf("asIs(%q) but cleaning gives %q", s, want)
		}
		if got := c.clean(s); got != want {
			t.Errorf("clean(%q) = %q, rebuilding gives %q", s, got, want)
		}
	})
}
