package htmlpage

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Decode returns an HTML body as UTF-8, decoded from the character
// encoding the page is in. The crawl layer hands over the server's raw
// bytes, and a Swedish page in Latin-1 or Windows-1252 read as UTF-8 turns
// "Kulturförvaltningen" into "Kulturf\xf6rvaltningen", which no rule finds.
//
// The encoding is chosen as browsers do (golang.org/x/net/html/charset): a
// byte order mark, else the charset of the HTTP Content-Type, else a
// <meta charset> or http-equiv declaration near the top, else
// Windows-1252. One step departs from the browsers: when nothing certain
// (BOM or HTTP header) names the encoding and the whole body is valid
// UTF-8, it is read as UTF-8. Text in a single-byte encoding with any
// letter outside ASCII is practically never valid UTF-8, whereas a UTF-8
// page whose first kilobyte is plain ASCII or whose template declares a
// stale charset is common, and reading it as Windows-1252 would garble it.
func Decode(body []byte, contentType string) []byte {
	enc, _, certain := charset.DetermineEncoding(body, contentType)
	if !certain && utf8.Valid(body) {
		return bytes.TrimPrefix(body, bom)
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		// The decoders of x/text replace what they cannot map; an error
		// here means a broken decoder, and the raw bytes are the best left.
		return body
	}
	// A byte order mark is no text: decoders that keep it leave U+FEFF.
	return bytes.TrimPrefix(out, bom)
}

// bom is U+FEFF in UTF-8.
var bom = []byte("\uFEFF")
