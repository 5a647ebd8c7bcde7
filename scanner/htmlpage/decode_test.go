package htmlpage

import (
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	const word = "Kulturförvaltningen"
	latin1 := "Kulturf\xf6rvaltningen"
	tests := []struct {
		name, body, contentType string
	}{
		{"UTF-8, declared in the header", "<p>" + word + "</p>", "text/html; charset=utf-8"},
		{"UTF-8, nothing declared", "<p>" + word + "</p>", "text/html"},
		{"UTF-8 after a long ASCII head", "<head>" + strings.Repeat("<!-- x -->", 200) + "</head><p>" + word + "</p>", ""},
		{"UTF-8 under a stale meta charset", `<meta charset="iso-8859-1"><p>` + word + "</p>", "text/html"},
		{"UTF-8 with BOM", "\xef\xbb\xbf<p>" + word + "</p>", "text/html; charset=iso-8859-1"},
		{"Latin-1, declared in the header", "<p>" + latin1 + "</p>", "text/html; charset=iso-8859-1"},
		{"Latin-1, header charset quoted and upper case", "<p>" + latin1 + "</p>", `text/html; charset="ISO-8859-1"`},
		{"Windows-1252, meta charset", `<meta charset="windows-1252"><p>` + latin1 + "</p>", "text/html"},
		{"Latin-1, http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>` + latin1 + "</p>", ""},
		{"Latin-1, nothing declared", "<p>" + latin1 + "</p>", "text/html"},
		{"header wins over meta", `<meta charset="utf-8"><p>` + latin1 + "</p>", "text/html; charset=windows-1252"},
		{"UTF-16LE with BOM", utf16le("<p>" + word + "</p>"), "text/html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Decode([]byte(tt.body), tt.contentType))
			if !strings.Contains(got, "<p>"+word+"</p>") {
				t.Errorf("Decode = %q, want it to contain <p>%s</p>", got, word)
			}
			if strings.HasPrefix(got, "\uFEFF") {
				t.Errorf("Decode kept the byte order mark: %q", got)
			}
		})
	}
}

// utf16le encodes s, ASCII and Latin-1 only, as UTF-16LE with a BOM.
func utf16le(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}
