package workbook

import (
	"strings"
	"testing"
)

// FuzzCellAsIs checks the shortcut cellText takes: text cellAsIs accepts
// is exactly what rebuilding it gives, so skipping the rebuild never
// changes a workbook.
func FuzzCellAsIs(f *testing.F) {
	for _, s := range []string{"", "Kulturförvaltningen", "a\r\nb", "x\x00y", "ok \xff end", "\uFFFD", "\uFFFE", "tab\there",
		"🎉", strings.Repeat("å", 20000), strings.Repeat("a", 32766), strings.Repeat("a", 32767), strings.Repeat("🎉", 8200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := cellRebuild(s)
		if cellAsIs(s) && want != s {
			t.Errorf("cellAsIs(%.40q) but rebuilding gives %.40q", s, want)
		}
		if got := CellText(s); got != want {
			t.Errorf("CellText(%.40q) = %.40q, rebuilding gives %.40q", s, got, want)
		}
	})
}
