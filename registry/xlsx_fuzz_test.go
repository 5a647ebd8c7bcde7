package registry

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// xlsxOf builds a one-sheet workbook of rows; link, when not empty, is the
// hyperlink behind the first data row's Länk cell.
func xlsxOf(t testing.TB, sheet string, rows [][]string, link string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "" && sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return nil // a name excelize refuses is no workbook to read
		}
	} else {
		sheet = "Sheet1"
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return nil
			}
		}
	}
	if link != "" && len(rows) > 1 {
		if err := f.SetCellHyperLink(sheet, "D2", link, "External"); err != nil {
			return nil
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzParseXLSX feeds ParseXLSX workbooks built from fuzzed cells, sheet
// names and hyperlinks, and raw bytes seeded with real workbooks: it must
// never panic, and what it returns must hold together.
func FuzzParseXLSX(f *testing.F) {
	f.Add("Konton", "Förvaltning|Konto|Plattform|Länk", "Kulturförvaltningen|Biblioteket|Mastodon|@bibl@mastodon.example", "", false)
	f.Add("konton ", "Administration|Account|Platform|URL|Webbplats", "A|B|Instagram|Instagram|www.x", "https://www.instagram.com/x", false)
	f.Add("Blad1", "Titel\nFörvaltning|Konto|Plattform|Länk", "|||", "mailto:x", false)
	f.Add("", "Länk", "\u202e\x1b[2J", "", true)
	var tmpl bytes.Buffer
	if err := WriteTemplate(&tmpl, "sv", StockholmAdministrations); err != nil {
		f.Fatal(err)
	}
	f.Add("", "", "", "", true)
	f.Fuzz(func(t *testing.T, sheet, header, row, link string, raw bool) {
		var data []byte
		if raw {
			// Raw bytes: the template, cut or altered by the fuzzer's row.
			data = append(append([]byte{}, tmpl.Bytes()...), row...)
		} else {
			var rows [][]string
			for _, line := range strings.Split(header, "\n") {
				rows = append(rows, strings.Split(line, "|"))
			}
			rows = append(rows, strings.Split(row, "|"))
			if data = xlsxOf(t, sheet, rows, link); data == nil {
				return
			}
		}
		reg, err := ParseXLSX("fuzz.xlsx", bytes.NewReader(data))
		if err != nil {
			if reg != nil {
				t.Errorf("ParseXLSX returned a registry with error %v", err)
			}
			if !strings.Contains(err.Error(), "fuzz.xlsx") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		for _, acc := range reg.Accounts {
			if acc.Source != "fuzz.xlsx" || acc.Row < 2 {
				t.Errorf("account %+v: bad source or row", acc)
			}
			for _, s := range []string{acc.Name, acc.Administration, acc.URL} {
				if strings.ContainsAny(s, "\u202e\x1b") {
					t.Errorf("control character kept in %q", s)
				}
			}
		}
	})
}
