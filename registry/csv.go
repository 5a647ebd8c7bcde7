package registry

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// maxCSVBytes bounds the size of a CSV registry; a register of a few
// thousand accounts is well under a megabyte.
const maxCSVBytes = 32 << 20

// ParseCSV reads a CSV registry from r; name locates messages and becomes
// each account's Source. The text may be UTF-8, with or without a byte
// order mark, or Windows-1252 as Swedish Excel saves it. The delimiter,
// comma or semicolon, is whichever the header line uses more, unless an
// Excel "sep=" line names it.
func ParseCSV(name string, r io.Reader) (*Registry, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxCSVBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	if len(raw) > maxCSVBytes {
		return nil, fmt.Errorf("%s: file is larger than %d MiB", name, maxCSVBytes>>20)
	}
	text, err := decodeText(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	delim, text := delimiter(text)
	records, err := readRecords(text, delim)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return build(name, records)
}

// decodeText returns raw as UTF-8 text without a byte order mark. Bytes
// that are not valid UTF-8 are read as Windows-1252, which maps every byte.
func decodeText(raw []byte) (string, error) {
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return "", errors.New("UTF-16 text is not supported; save the file as \"CSV UTF-8\"")
	}
	raw = bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("decode as Windows-1252: %w", err)
	}
	return string(out), nil
}

// delimiter returns the field delimiter of text and the text to parse:
// the one the first line with content uses more, outside quotes.
// A first line "sep=;" (which Excel honours and hides) names the delimiter
// and is removed, so the header is still row 1 as Excel shows it.
func delimiter(text string) (rune, string) {
	first, rest, _ := strings.Cut(text, "\n")
	first = strings.TrimSuffix(first, "\r")
	if sep, ok := strings.CutPrefix(strings.ToLower(first), "sep="); ok {
		if r, size := utf8.DecodeRuneInString(sep); size == len(sep) && (r == ',' || r == ';' || r == '\t') {
			return r, rest
		}
	}
	commas, semicolons := 0, 0
	quoted, content := false, false
scan:
	for _, r := range text {
		switch {
		case r == '"':
			quoted, content = !quoted, true
		case quoted:
		case r == ',':
			commas++
		case r == ';':
			semicolons++
		case r == '\n':
			if content && commas+semicolons > 0 {
				break scan
			}
			// A blank line or one of bare delimiters is no header.
			commas, semicolons, content = 0, 0, false
		case !unicode.IsSpace(r):
			content = true
		}
	}
	if semicolons > commas {
		return ';', text
	}
	return ',', text
}

// readRecords parses text into records numbered as a spreadsheet numbers
// rows: each record is one row, and each blank line, which encoding/csv
// skips but Excel shows, also counts as one.
func readRecords(text string, delim rune) ([]record, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var out []record
	row, lastLine := 0, 0
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		start, _ := cr.FieldPos(0)
		row += 1 + max(0, start-lastLine-1)
		last := len(fields) - 1
		line, _ := cr.FieldPos(last)
		// A quoted field can span lines; the record ends on its last one.
		lastLine = line + strings.Count(fields[last], "\n")
		out = append(out, record{row: row, cells: fields})
	}
}
