package scanner

import (
	"strings"
	"testing"
	"time"
)

func TestKeepPostText(t *testing.T) {
	since := time.Date(2026, 8, 22, 0, 0, 0, 0, time.UTC)
	long := strings.Repeat("å", MaxPostText) // two bytes a rune: cut mid-text
	posts := []Post{
		{Published: since, Text: "i perioden"},
		{Published: since.Add(time.Hour), Reply: true, Text: "ett svar"},
		{Published: since.Add(time.Hour), Repost: true, Text: "någon annans"},
		{Published: since.Add(-time.Second), Text: "före perioden"},
		{Published: since.Add(2 * time.Hour), Text: long},
	}
	keepPostText(posts, since)
	for i, want := range []string{"i perioden", "ett svar", "", ""} {
		if posts[i].Text != want {
			t.Errorf("post %d: Text %q, want %q", i, posts[i].Text, want)
		}
	}
	if got := posts[4].Text; len(got) > MaxPostText || !strings.HasPrefix(long, got) || len(got) < MaxPostText-1 {
		t.Errorf("long text cut to %d bytes, want at most %d on a rune boundary", len(got), MaxPostText)
	}
	all := []Post{{Published: since.Add(-time.Hour), Text: "x"}}
	keepPostText(all, time.Time{})
	if all[0].Text != "x" {
		t.Error("a zero since must keep every text")
	}
	quiet := []Post{
		{Published: since.Add(-48 * time.Hour), Reply: true, Text: "ett sent svar"},
		{Published: since.Add(-24 * time.Hour), Repost: true, Text: "någon annans"},
		{Published: since.Add(-72 * time.Hour), Text: "Kontot avslutas."},
		{Published: since.Add(-96 * time.Hour), Text: "äldre"},
	}
	keepPostText(quiet, since)
	for i, want := range []string{"", "", "Kontot avslutas.", ""} {
		if quiet[i].Text != want {
			t.Errorf("quiet account, post %d: Text %q, want %q (only the newest own post keeps its text)", i, quiet[i].Text, want)
		}
	}
}
