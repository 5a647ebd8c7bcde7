package html

import "testing"

// TestLinkable: pages link web and mail addresses and files and anchors
// of the report's folder, and show anything else as text.
func TestLinkable(t *testing.T) {
	for u, want := range map[string]bool{
		"https://social.example/@kultur": true,
		"http://idrott.example/blogg":    true,
		"mailto:karin.lund@example.se":   true,
		"kulturforvaltningen.html":       true,
		"#konto-1":                       true,
		"htps://gymnasiemassan.example/": false,
		"javascript:alert(1)":            false,
		"https://":                       false,
		"mailto:":                        false,
		"//evil.example/x":               false,
		"@svoa@mastodon.demo.example":    false,
		"../other/page.html":             false,
		"":                               false,
	} {
		if got := linkable(u); got != want {
			t.Errorf("linkable(%q) = %v, want %v", u, got, want)
		}
	}
}
