package registry

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/xuri/excelize/v2"
)

// sheet is the content of one worksheet for a generated test workbook.
type sheet struct {
	name  string
	rows  map[int][]string  // row number -> cells from column A
	links map[string]string // cell -> external hyperlink target
}

// workbook builds an XLSX file with the sheets in order.
func workbook(t *testing.T, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for row, cells := range s.rows {
			for col, v := range cells {
				ref, err := excelize.CoordinatesToCellName(col+1, row)
				if err != nil {
					t.Fatal(err)
				}
				if v == "" {
					continue
				}
				if err := f.SetCellStr(s.name, ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for ref, target := range s.links {
			if err := f.SetCellHyperLink(s.name, ref, target, "External"); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var xlsxHeader = []string{"Förvaltning", "Konto", "Plattform", "Länk", "Syfte", "Mål", "Målgrupp", "Ansvarig"}

func TestParseXLSXSheets(t *testing.T) {
	t.Parallel()
	other := sheet{name: "Instruktioner", rows: map[int][]string{1: {"Fyll i en rad per konto"}, 2: xlsxHeader, 3: {"X", "Fel blad", "webb", "https://fel.example"}}}
	tests := []struct {
		name     string
		sheets   []sheet
		wantName string
	}{
		{"Konton sheet after another", []sheet{other, {name: "Konton", rows: map[int][]string{1: xlsxHeader, 2: {"A", "Rätt blad", "webb", "https://x.se"}}}}, "Rätt blad"},
		{"konton sheet in another case", []sheet{other, {name: "KONTON", rows: map[int][]string{1: xlsxHeader, 2: {"A", "Rätt blad", "webb", "https://x.se"}}}}, "Rätt blad"},
		{"only another sheet", []sheet{{name: "Blad1", rows: map[int][]string{1: xlsxHeader, 2: {"A", "Första bladet", "webb", "https://x.se"}}}}, "Första bladet"},
		{"first of several sheets", []sheet{other, {name: "Blad2", rows: map[int][]string{1: xlsxHeader, 2: {"A", "Andra", "webb", "https://x.se"}}}}, "Fel blad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, err := ParseXLSX("konton.xlsx", bytes.NewReader(workbook(t, tt.sheets...)))
			if err != nil {
				t.Fatalf("ParseXLSX: %v", err)
			}
			if len(reg.Accounts) != 1 || reg.Accounts[0].Name != tt.wantName {
				t.Fatalf("accounts = %+v, want one named %q", reg.Accounts, tt.wantName)
			}
		})
	}
}

func TestParseXLSXRows(t *testing.T) {
	t.Parallel()
	s := sheet{
		name: "Konton",
		rows: map[int][]string{
			1: {" Förvaltning ", "Konto", "Plattform", "Syfte", "Mål", "Målgrupp", "Ansvarig", "Länk"},
			2: {"Kultur", "Kulturhuset", "Mastodon", "s", "m", "g", "o", "Kulturhuset på Mastodon"},
			3: {"Kultur", "Bloggen", "Blogg", "s", "m", "g", "o", "https://blogg.example.se/"},
			4: {"Kultur", "Tom text", "webb", "s", "m", "g", "o"},
			6: {"Kultur", "Handtag", "mastodon", "s", "m", "g", "o", "@sport@social.example"},
			7: {"", "", "", "", "", "", "", ""},
			8: {"Kultur", "Fel", "TikTok", "", "", "", "", "htps://x"},
		},
		links: map[string]string{
			"H2": "https://social.example/@kulturhuset",
			"H3": "https://blogg.example.se/gammal",
			"H4": "https://webb.example.se",
			"H6": "https://social.example/@sport",
			"H8": "htps://x",
		},
	}
	reg, err := ParseXLSX("konton.xlsx", bytes.NewReader(workbook(t, s)))
	if err != nil {
		t.Fatalf("ParseXLSX: %v", err)
	}
	acc := func(row int, name, pname string, p scanner.Platform, url string, problems ...scanner.RowProblem) scanner.Account {
		a := scanner.Account{Source: "konton.xlsx", Row: row, Administration: "Kultur", Name: name, PlatformName: pname,
			Platform: p, URL: url, Problems: problems}
		if problems == nil {
			a.Purpose, a.Goals, a.Audience, a.Owner = "s", "m", "g", "o"
		}
		return a
	}
	want := []scanner.Account{
		acc(2, "Kulturhuset", "Mastodon", scanner.Mastodon, "https://social.example/@kulturhuset"),
		acc(3, "Bloggen", "Blogg", scanner.Web, "https://blogg.example.se/"),
		acc(4, "Tom text", "webb", scanner.Web, "https://webb.example.se"),
		acc(6, "Handtag", "mastodon", scanner.Mastodon, "@sport@social.example"),
		acc(8, "Fel", "TikTok", scanner.Platform("tiktok"), "htps://x",
			scanner.RowProblem{Column: "Länk", Message: `"htps://x" is not an http(s) URL`}),
	}
	if diff := cmp.Diff(want, reg.Accounts, englishOnly); diff != "" {
		t.Errorf("accounts (-want +got):\n%s", diff)
	}
	var errs []string
	for _, p := range reg.RowErrors() {
		errs = append(errs, p.Error())
	}
	if diff := cmp.Diff([]string{`konton.xlsx: row 8, column "Länk": "htps://x" is not an http(s) URL`}, errs); diff != "" {
		t.Errorf("RowErrors (-want +got):\n%s", diff)
	}
	if len(reg.Warnings) != 0 {
		t.Errorf("unexpected warnings %v", reg.Warnings)
	}
}

func TestLoadXLSX(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "Konton.XLSX")
	data := workbook(t, sheet{name: "Konton", rows: map[int][]string{1: xlsxHeader, 3: {"A", "K", "webb", "https://x.se"}}})
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	reg, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(reg.Accounts) != 1 || reg.Accounts[0].Source != path || reg.Accounts[0].Row != 3 {
		t.Errorf("accounts = %+v, want one from %s row 3", reg.Accounts, path)
	}
}

func TestParseXLSXErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"missing Länk", workbook(t, sheet{name: "Konton", rows: map[int][]string{1: {"Förvaltning", "Konto", "Plattform"}, 2: {"A", "K", "webb"}}}),
			`konton.xlsx: required column "Länk" (or "URL") is missing`},
		{"empty sheet", workbook(t, sheet{name: "Konton"}), "konton.xlsx: the file has no header row"},
		{"not a workbook", []byte("Förvaltning,Konto\n"), "konton.xlsx: open workbook: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseXLSX("konton.xlsx", bytes.NewReader(tt.input))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to start with %q", err, tt.want)
			}
		})
	}
}
