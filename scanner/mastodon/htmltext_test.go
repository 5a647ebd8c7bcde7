package mastodon

import (
	"net/url"
	"strings"
	"testing"
	"unicode"
)

func TestNoteText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"empty", "", ""},
		{"plain", "Stockholms stad", "Stockholms stad"},
		{"paragraphs", "<p>Ett</p><p>Två</p>", "Ett\n\nTvå"},
		{"line breaks", "<p>Ett<br>Två<br/><br />Tre</p>", "Ett\nTvå\n\nTre"},
		{"entities", "<p>Kultur &amp; fritid &lt;3 &quot;ja&quot; &#128512; &nbsp;slut</p>", "Kultur & fritid <3 \"ja\" 😀 slut"},
		{"emoji kept", "<p>Hej 👋🏽 :stockholm:</p>", "Hej 👋🏽 :stockholm:"},
		{"white space collapsed", "<p>  många \n\t mellanslag  </p>", "många mellanslag"},
		{"invisible link parts kept", `<a href="https://start.stockholm/x"><span class="invisible">https://</span><span class="ellipsis">start.stockholm/</span><span class="invisible">x</span></a>`, "https://start.stockholm/x"},
		{"scripts dropped", "<p>Text<script>alert(1)</script><style>p{}</style></p>", "Text"},
		{"list items", "<ul><li>Ett</li><li>Två</li></ul><p>Sist</p>", "Ett\nTvå\n\nSist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := noteText(tt.html); got != tt.want {
				t.Errorf("noteText(%q) = %q, want %q", tt.html, got, tt.want)
			}
		})
	}
}

func TestBareURL(t *testing.T) {
	tests := map[string]string{
		"https://start.stockholm/kultur": "https://start.stockholm/kultur",
		"stockholm.se/kommentarsregler":  "https://stockholm.se/kommentarsregler",
		"www.stockholm.se":               "https://www.stockholm.se",
		"08-508 290 00":                  "",
		"kultur@stockholm.se":            "",
		"v. 3.5":                         "",
		"1.2":                            "",
		"Stockholm":                      "",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := bareURL(in); got != want {
				t.Errorf("bareURL(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func FuzzProfileText(f *testing.F) {
	f.Add(`<p>Här berättar Kulturförvaltningen &amp; co 🎨</p><p>Rad<br />två <a href="https://start.stockholm/kultur"><span class="invisible">https://</span>start.stockholm/kultur</a></p>`, `<a href="/x" rel="me">x</a>`)
	f.Add("<p><p><br><br><br>", "stockholm.se")
	f.Add("<script>x</script>\x00\xff<a href=javascript:alert(1)>", "<a href='http://[::1'>")
	f.Fuzz(func(t *testing.T, note, value string) {
		got := noteText(note)
		if strings.Contains(got, "\n\n\n") || strings.Contains(got, "  ") {
			t.Errorf("noteText(%q) = %q: more than one blank line or double spaces", note, got)
		}
		if got != strings.TrimFunc(got, unicode.IsSpace) {
			t.Errorf("noteText(%q) = %q: leading or trailing white space", note, got)
		}
		p, err := profileOf(account{DisplayName: "x", Note: note, URL: "https://mastodon.example/@x", Fields: []field{{Name: "Webb", Value: value}}})
		if err != nil {
			t.Fatalf("profileOf: %v", err)
		}
		if !strings.Contains(p.Text, got) {
			t.Errorf("profile text %q lacks the note text %q", p.Text, got)
		}
		for _, l := range p.Links {
			u, err := url.Parse(l.URL)
			if err != nil || u.Scheme == "" {
				t.Errorf("link %q is not absolute", l.URL)
			}
		}
	})
}
