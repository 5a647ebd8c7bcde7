package web

import (
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ignorePostText leaves a post's words, and the address it was read from
// (Source), out of whole-struct comparisons of fetched data; the text a
// post carries is checked on its own, the address by audit's evidence
// test and, for Facebook, Instagram and YouTube, the newest post's test.
var ignorePostText = cmpopts.IgnoreFields(scanner.Post{}, "Text", "Source")

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"Höstlov på biblioteken":                          "Höstlov på biblioteken",
		"Läs mer på bloggen &#8230;":                      "Läs mer på bloggen …",
		"<p>Läs mer om planen.</p>\n<p>Välkommen!</p>":    "Läs mer om planen. Välkommen!",
		"Ring 08-508 290 00 &amp; fråga om <b>stödet</b>": "Ring 08-508 290 00 & fråga om stödet",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}
