package registry

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

// fullHeader is a complete Swedish header.
const fullHeader = "Förvaltning,Konto,Plattform,Länk,Syfte,Mål,Målgrupp,Ansvarig"

// csvLines joins lines into the text of a CSV file.
func csvLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

func TestParseCSVEncodings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		input    string
		wantRows []int
		wantName []string // Konto of each account
		wantMore []string // another value of each account: Owner
	}{
		{
			name:     "UTF-8 without BOM, comma",
			input:    "Förvaltning,Konto,Plattform,Länk,Syfte,Mål,Målgrupp,Ansvarig\nKulturförvaltningen,Råå,webb,https://x.se,s,m,g,Åsa Öberg\n",
			wantRows: []int{2}, wantName: []string{"Råå"}, wantMore: []string{"Åsa Öberg"},
		},
		{
			name:     "UTF-8 with BOM, semicolon",
			input:    "\xef\xbb\xbfFörvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig\r\nA;Kulturhuset, Stadsteatern;webb;https://x.se;s;m;g;Bo\r\n",
			wantRows: []int{2}, wantName: []string{"Kulturhuset, Stadsteatern"}, wantMore: []string{"Bo"},
		},
		{
			name:     "Windows-1252, semicolon",
			input:    "F\xf6rvaltning;Konto;Plattform;L\xe4nk;Syfte;M\xe5l;M\xe5lgrupp;Ansvarig\r\nA;\xe5\xe4\xf6 \xc5\xc4\xd6;webb;https://x.se;s;m;g;\x93Bo\x94\r\n",
			wantRows: []int{2}, wantName: []string{"åäö ÅÄÖ"}, wantMore: []string{"\u201cBo\u201d"},
		},
		{
			name:     "semicolon header, commas inside quotes",
			input:    "\"Förvaltning, namn\";Konto;Plattform;Länk;Förvaltning\nx;K;webb;https://x.se;A\n",
			wantRows: []int{2}, wantName: []string{"K"}, wantMore: []string{""},
		},
		{
			name:     "comma header, semicolons in data",
			input:    "Förvaltning,Konto,Plattform,Länk\nA,\"K;L;M;N\",webb,https://x.se\n",
			wantRows: []int{2}, wantName: []string{"K;L;M;N"}, wantMore: []string{""},
		},
		{
			name:     "Excel sep= line names the delimiter and is not a row",
			input:    "sep=,\r\nFörvaltning,Konto,Plattform,Länk,Ansvarig,Not; a; b; c; d; e\r\nA,K;L,webb,https://x.se,Bo\r\n",
			wantRows: []int{2}, wantName: []string{"K;L"}, wantMore: []string{"Bo"},
		},
		{
			name:     "quoted newline, blank lines and empty rows keep Excel's row numbers",
			input:    csvLines(fullHeader, `A,"Konto med`, `två rader",webb,https://x.se,s,m,g,Bo`, "", "B,K2,webb,https://y.se,s,m,g,Cy", ",,,,", "  ,  ", "C,K3,webb,https://z.se,s,m,g,\"Di\r\nEk\""),
			wantRows: []int{2, 4, 7}, wantName: []string{"Konto med\ntvå rader", "K2", "K3"}, wantMore: []string{"Bo", "Cy", "Di\nEk"},
		},
		{
			name:     "blank lines before the header",
			input:    csvLines("", ",,,", fullHeader, "A,K,webb,https://x.se,s,m,g,Bo"),
			wantRows: []int{4}, wantName: []string{"K"}, wantMore: []string{"Bo"},
		},
		{
			name:     "title row above the header",
			input:    csvLines("Kontoregister 2024;;;", "", "Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig", "A;K;webb;https://x.se;s;m;g;Bo"),
			wantRows: []int{4}, wantName: []string{"K"}, wantMore: []string{"Bo"},
		},
		{
			name:     "short rows and values with spaces",
			input:    csvLines(fullHeader, "  A  ,\u00a0K\u00a0 , webb , https://x.se "),
			wantRows: []int{2}, wantName: []string{"K"}, wantMore: []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, err := ParseCSV("konton.csv", strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("ParseCSV: %v", err)
			}
			var rows []int
			var names, more []string
			for _, a := range reg.Accounts {
				rows = append(rows, a.Row)
				names = append(names, a.Name)
				more = append(more, a.Owner)
				if a.Source != "konton.csv" {
					t.Errorf("row %d: Source = %q", a.Row, a.Source)
				}
				if len(a.Problems) > 0 {
					t.Errorf("row %d: unexpected problems %v", a.Row, a.Problems)
				}
			}
			if diff := cmp.Diff(tt.wantRows, rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantName, names); diff != "" {
				t.Errorf("Konto (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantMore, more); diff != "" {
				t.Errorf("Ansvarig (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseCSVErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, input, want string
	}{
		{"missing Länk", "Förvaltning;Konto;Plattform;Syfte\nA;K;webb;s\n", `konton.csv: required column "Länk" (or "URL") is missing`},
		{"empty file", "", "konton.csv: the file has no header row"},
		{"no known header", "Namn;Adress\nA;https://x.se\n", "konton.csv: required column \"Förvaltning\" (or \"Administration\") is missing\n" +
			"konton.csv: required column \"Konto\" (or \"Account\") is missing\n" +
			"konton.csv: required column \"Plattform\" (or \"Platform\") is missing\n" +
			"konton.csv: required column \"Länk\" (or \"URL\") is missing"},
		{"only BOM and blank lines", "\xef\xbb\xbf\n\n", "konton.csv: the file has no header row"},
		{"bare quote", "Förvaltning,Konto,Plattform,Länk\nA,K \"x\",webb,https://x.se\n", `konton.csv: parse error on line 2, column 5: bare " in non-quoted-field`},
		{"unterminated quote", "Förvaltning,Konto,Plattform,Länk\nA,\"K,webb,https://x.se\n", `konton.csv: parse error on line 2, column 24: extraneous or missing " in quoted-field`},
		{"UTF-16", "\xff\xfeF\x00", `konton.csv: UTF-16 text is not supported; save the file as "CSV UTF-8"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, err := ParseCSV("konton.csv", strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("ParseCSV succeeded with %d accounts, want error %q", len(reg.Accounts), tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
		})
	}
}

func TestParseCSVRowProblems(t *testing.T) {
	t.Parallel()
	input := csvLines(
		"Administration;Account;Platform;URL;Purpose;Goals;Audience;Owner;Website",
		"Kultur;Kulturhuset;Mastodon;https://mastodon.example/@kulturhuset;s;m;g;o;",
		";;Instagram;https://www.instagram.com/stockholmsstad/;s;m;g;o;www.stockholm.se",
		"Kultur;Bloggen;Blogg;htps://x;;;;;",
		"Kultur;Tooten;mastodon;https://mastodon.example/about;s;m;g;o;",
		"Kultur;Ingen plattform;;www.x.se;s;m;g;o;",
	)
	reg, err := ParseCSV("konton.csv", strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	acc := func(row int, adm, name, pname string, p scanner.Platform, url, purpose, website string, problems ...scanner.RowProblem) scanner.Account {
		a := scanner.Account{Source: "konton.csv", Row: row, Administration: adm, Name: name, PlatformName: pname, Platform: p,
			URL: url, Purpose: purpose, Website: website, Problems: problems}
		if purpose != "" {
			a.Goals, a.Audience, a.Owner = "m", "g", "o"
		}
		return a
	}
	want := []scanner.Account{
		acc(2, "Kultur", "Kulturhuset", "Mastodon", scanner.Mastodon, "https://mastodon.example/@kulturhuset", "s", ""),
		acc(3, "", "", "Instagram", scanner.Platform("instagram"), "https://www.instagram.com/stockholmsstad/", "s", "www.stockholm.se",
			scanner.RowProblem{Column: "Administration", Message: "value is missing"},
			scanner.RowProblem{Column: "Account", Message: "value is missing"},
			scanner.RowProblem{Column: "Website", Message: `"www.stockholm.se" is not an http(s) URL (https:// is missing)`}),
		acc(4, "Kultur", "Bloggen", "Blogg", scanner.Web, "htps://x", "", "",
			scanner.RowProblem{Column: "URL", Message: `"htps://x" is not an http(s) URL`}),
		acc(5, "Kultur", "Tooten", "mastodon", scanner.Mastodon, "https://mastodon.example/about", "s", "",
			scanner.RowProblem{Column: "URL", Message: `"https://mastodon.example/about" is not a Mastodon account address (expected https://HOST/@name, https://HOST/users/name or @name@host)`}),
		acc(6, "Kultur", "Ingen plattform", "", scanner.Platform(""), "www.x.se", "s", "",
			scanner.RowProblem{Column: "Platform", Message: "value is missing"},
			scanner.RowProblem{Column: "URL", Message: `"www.x.se" is not an http(s) URL (https:// is missing)`}),
	}
	if diff := cmp.Diff(want, reg.Accounts, englishOnly); diff != "" {
		t.Errorf("accounts (-want +got):\n%s", diff)
	}
	if len(reg.Warnings) != 0 {
		t.Errorf("unexpected warnings %v", reg.Warnings)
	}
	if p := reg.Accounts[1].Platform; p != "instagram" {
		t.Errorf("instagram account has platform %q, want it kept as \"instagram\"", p)
	}
	wantErrs := []string{
		`konton.csv: row 3, column "Administration": value is missing`,
		`konton.csv: row 3, column "Account": value is missing`,
		`konton.csv: row 3, column "Website": "www.stockholm.se" is not an http(s) URL (https:// is missing)`,
		`konton.csv: row 4, column "URL": "htps://x" is not an http(s) URL`,
		`konton.csv: row 5, column "URL": "https://mastodon.example/about" is not a Mastodon account address (expected https://HOST/@name, https://HOST/users/name or @name@host)`,
		`konton.csv: row 6, column "Platform": value is missing`,
		`konton.csv: row 6, column "URL": "www.x.se" is not an http(s) URL (https:// is missing)`,
	}
	var gotErrs []string
	for _, p := range reg.RowErrors() {
		gotErrs = append(gotErrs, p.Error())
	}
	if diff := cmp.Diff(wantErrs, gotErrs); diff != "" {
		t.Errorf("RowErrors (-want +got):\n%s", diff)
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	odd := filepath.Join(dir, "konton.ods")
	if err := os.WriteFile(odd, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path      string
		wantErr   string // substring; empty means success
		wantOwner string // Ansvarig of the first account
	}{
		{path: "testdata/konton-utf8-bom.csv", wantOwner: "Anna Andersson"},
		{path: "testdata/konton-windows1252.csv", wantOwner: "Åsa Öberg"},
		{path: odd, wantErr: odd + `: unsupported registry format ".ods"; want a .csv or .xlsx file`},
		{path: "testdata/none.CSV", wantErr: "read registry: open testdata/none.CSV: no such file or directory"},
		{path: "konton.xls", wantErr: "konton.xls: the old Excel format .xls is not supported"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			reg, err := Load(tt.path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Load error = %v, want it to contain %q", err, tt.wantErr)
				}
				if tt.path == "testdata/none.CSV" && !errors.Is(err, os.ErrNotExist) {
					t.Errorf("error %v does not wrap os.ErrNotExist", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(reg.Accounts) != 2 || len(reg.Warnings) != 0 || len(reg.RowErrors()) != 0 {
				t.Fatalf("got %d accounts, warnings %v, row errors %v; want 2 clean accounts", len(reg.Accounts), reg.Warnings, reg.RowErrors())
			}
			first, second := reg.Accounts[0], reg.Accounts[1]
			if first.Owner != tt.wantOwner || first.Administration != "Kulturförvaltningen" || first.Source != tt.path || first.Row != 2 {
				t.Errorf("first account = %+v", first)
			}
			if second.Platform != scanner.Web || second.Row != 3 || second.URL != "https://blogg.example.se/" {
				t.Errorf("second account = %+v", second)
			}
		})
	}
}

// TestHeaderOnlyRegistryIsAnError: a registry without a single account
// would be stored as an empty quarter with exit 0; it stops instead,
// naming the file, also when blank rows follow the header.
func TestHeaderOnlyRegistryIsAnError(t *testing.T) {
	t.Parallel()
	for name, text := range map[string]string{
		"header only":       "Förvaltning;Konto;Plattform;Länk\n",
		"blank rows after":  "Förvaltning;Konto;Plattform;Länk\n;;;\n\n",
		"title and header":  "Kontoförteckning 2026\nFörvaltning;Konto;Plattform;Länk\n",
		"one account is ok": "Förvaltning;Konto;Plattform;Länk\nKulturförvaltningen;Bloggen;Blogg;https://blogg.example/\n",
	} {
		t.Run(name, func(t *testing.T) {
			reg, err := ParseCSV("konton.csv", strings.NewReader(text))
			if name == "one account is ok" {
				if err != nil || len(reg.Accounts) != 1 {
					t.Fatalf("one account: %v, %v", reg, err)
				}
				return
			}
			var p Problem
			if !errors.As(err, &p) || p.File != "konton.csv" || p.Message != msgNoAccounts || p.Severity != SeverityError {
				t.Errorf("error %#v, want a Problem naming konton.csv: %q", err, msgNoAccounts)
			}
			if got := p.In("sv"); !strings.Contains(got, "konton.csv") || !strings.Contains(got, "inga konton") {
				t.Errorf("Swedish wording %q", got)
			}
		})
	}
}
