package registry

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/xuri/excelize/v2"
)

// templateBytes writes a template or fails the test.
func templateBytes(t *testing.T, lang string, administrations []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, lang, administrations); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// openTemplate opens template bytes with excelize.
func openTemplate(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

var templateLangs = []struct {
	lang, instructions, lists string
	headers                   []string
	platforms                 string
}{
	{"sv", "Instruktioner", "Listor",
		[]string{"Förvaltning", "Konto", "Plattform", "Länk", "Syfte", "Mål", "Målgrupp", "Ansvarig", "Webbplats"},
		`"Mastodon,Bluesky,YouTube,Facebook,Instagram,X,LinkedIn,Blogg,Webbplats,Annan"`},
	{"en", "Instructions", "Lists",
		[]string{"Administration", "Account", "Platform", "URL", "Purpose", "Goals", "Audience", "Owner", "Website"},
		`"Mastodon,Bluesky,YouTube,Facebook,Instagram,X,LinkedIn,Blog,Website,Other"`},
}

func TestTemplateLoads(t *testing.T) {
	t.Parallel()
	for _, tt := range templateLangs {
		t.Run(tt.lang, func(t *testing.T) {
			data := templateBytes(t, tt.lang, StockholmAdministrations)
			// Every column is found; the only problem is that nobody has
			// filled in an account yet.
			_, err := ParseXLSX("mall.xlsx", bytes.NewReader(data))
			if want := "mall.xlsx: " + msgNoAccounts; err == nil || err.Error() != want {
				t.Errorf("empty template: error %v, want %q", err, want)
			}
			f := openTemplate(t, data)
			if diff := cmp.Diff([]string{"Konton", tt.instructions, tt.lists}, f.GetSheetList()); diff != "" {
				t.Errorf("sheets (-want +got):\n%s", diff)
			}
			rows, err := f.GetRows("Konton")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([][]string{tt.headers}, rows); diff != "" {
				t.Errorf("accounts sheet (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTemplateFilledIn(t *testing.T) {
	t.Parallel()
	// A row filled in with every drop-down platform loads as an account of
	// a platform the loader knows, "other" aside.
	for _, tt := range templateLangs {
		t.Run(tt.lang, func(t *testing.T) {
			f := openTemplate(t, templateBytes(t, tt.lang, checkAdmins))
			platforms := strings.Split(strings.Trim(tt.platforms, `"`), ",")
			for i, p := range platforms {
				row := []any{"Kulturförvaltningen", "Kultur", p, fmt.Sprintf("https://example.se/%d", i), "s", "m", "g", "a"}
				if err := f.SetSheetRow("Konton", fmt.Sprintf("A%d", i+2), &row); err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			reg, err := ParseXLSX("konton.xlsx", &buf)
			if err != nil {
				t.Fatal(err)
			}
			if len(reg.Accounts) != len(platforms) || len(reg.Warnings) != 0 {
				t.Fatalf("got %d accounts, warnings %v; want %d", len(reg.Accounts), reg.Warnings, len(platforms))
			}
			var got []scanner.Platform
			for _, acc := range reg.Accounts {
				got = append(got, acc.Platform)
			}
			other := scanner.Platform(strings.ToLower(platforms[len(platforms)-1]))
			want := []scanner.Platform{scanner.Mastodon, scanner.Bluesky, scanner.YouTube, scanner.Facebook,
				scanner.Instagram, scanner.X, scanner.LinkedIn, scanner.Web, scanner.Web, other}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("platforms (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTemplateValidations(t *testing.T) {
	t.Parallel()
	for _, tt := range templateLangs {
		t.Run(tt.lang, func(t *testing.T) {
			f := openTemplate(t, templateBytes(t, tt.lang, StockholmAdministrations))
			dvs, err := f.GetDataValidations("Konton")
			if err != nil {
				t.Fatal(err)
			}
			type rule struct{ Sqref, Type, Formula1 string }
			var got []rule
			for _, dv := range dvs {
				got = append(got, rule{dv.Sqref, dv.Type, dv.Formula1})
				if !dv.ShowErrorMessage || dv.Error == nil || dv.ErrorTitle == nil {
					t.Errorf("validation of %s shows no error message", dv.Sqref)
					continue
				}
				// Excel refuses longer titles and messages.
				if n := len(utf16.Encode([]rune(*dv.ErrorTitle))); n > 32 {
					t.Errorf("validation of %s: error title is %d characters, over Excel's 32", dv.Sqref, n)
				}
				if n := len(utf16.Encode([]rune(*dv.Error))); n > 255 {
					t.Errorf("validation of %s: error message is %d characters, over Excel's 255", dv.Sqref, n)
				}
			}
			want := []rule{
				{"A2:A501", "list", fmt.Sprintf("'%s'!$A$1:$A$%d", tt.lists, len(StockholmAdministrations))},
				{"C2:C501", "list", tt.platforms},
				{"D2:D501", "custom", `OR(LEFT(D2,7)="http://",LEFT(D2,8)="https://",LEFT(D2,1)="@")`},
				{"I2:I501", "custom", `OR(LEFT(I2,7)="http://",LEFT(I2,8)="https://")`},
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("validations (-want +got):\n%s", diff)
			}

			visible, err := f.GetSheetVisible(tt.lists)
			if err != nil {
				t.Fatal(err)
			}
			if visible {
				t.Errorf("sheet %q is visible", tt.lists)
			}
			cols, err := f.GetCols(tt.lists)
			if err != nil {
				t.Fatal(err)
			}
			if len(cols) != 1 || !cmp.Equal(cols[0], StockholmAdministrations) {
				t.Errorf("list sheet holds %v, want the administrations in column A", cols)
			}

			panes, err := f.GetPanes("Konton")
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
				t.Errorf("panes = %+v, want the header row frozen", panes)
			}
			names := map[string]string{}
			for _, dn := range f.GetDefinedName() {
				names[dn.Name] = dn.RefersTo
			}
			if got := names["_xlnm._FilterDatabase"]; got != "'Konton'!$A$1:$I$501" {
				t.Errorf("autofilter range = %q", got)
			}
		})
	}
}

func TestTemplateWithoutAdministrations(t *testing.T) {
	t.Parallel()
	f := openTemplate(t, templateBytes(t, "sv", []string{"", "  "}))
	dvs, err := f.GetDataValidations("Konton")
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, "A") {
			t.Errorf("administration drop-down %q without administrations", dv.Formula1)
		}
	}
	if len(dvs) != 3 {
		t.Errorf("got %d validations, want 3", len(dvs))
	}
}

func TestTemplateLinkFormula(t *testing.T) {
	t.Parallel()
	// Excel evaluates the link column's rule; so does excelize, so the
	// formula can be tried on the values people type.
	f := openTemplate(t, templateBytes(t, "sv", nil))
	dvs, err := f.GetDataValidations("Konton")
	if err != nil {
		t.Fatal(err)
	}
	var formula string
	for _, dv := range dvs {
		if dv.Sqref == "D2:D501" {
			formula = dv.Formula1
		}
	}
	if formula == "" {
		t.Fatal("no validation on the link column")
	}
	tests := []struct {
		value string
		ok    bool
	}{
		{"https://www.facebook.com/kultur", true},
		{"HTTP://example.se", true},
		{"@kultur@social.example", true},
		{"htps://x", false},
		{"www.example.se", false},
		{"facebook.com/kultur", false},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			if err := f.SetCellStr("Konton", "D2", tt.value); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellFormula("Konton", "Z2", formula); err != nil {
				t.Fatal(err)
			}
			got, err := f.CalcCellValue("Konton", "Z2")
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.ToUpper(fmt.Sprint(tt.ok)); got != want {
				t.Errorf("rule on %q = %s, want %s", tt.value, got, want)
			}
		})
	}
}

func TestTemplateInstructions(t *testing.T) {
	t.Parallel()
	for _, tt := range templateLangs {
		t.Run(tt.lang, func(t *testing.T) {
			f := openTemplate(t, templateBytes(t, tt.lang, nil))
			rows, err := f.GetRows(tt.instructions)
			if err != nil {
				t.Fatal(err)
			}
			explained := map[string]string{}
			for _, r := range rows {
				if len(r) == 3 {
					explained[r[0]] = r[2]
				}
			}
			for _, h := range tt.headers {
				if len(explained[h]) < 40 {
					t.Errorf("column %q is explained as %q", h, explained[h])
				}
			}
		})
	}
}

func TestTemplateDeterministic(t *testing.T) {
	t.Parallel()
	a := templateBytes(t, "sv", StockholmAdministrations)
	b := templateBytes(t, "sv", StockholmAdministrations)
	if !bytes.Equal(a, b) {
		t.Error("two templates of the same input differ")
	}
	if bytes.Equal(a, templateBytes(t, "sv", checkAdmins)) {
		t.Error("templates of different administrations are the same")
	}
	props, err := openTemplate(t, a).GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != templateStamp || props.Modified != templateStamp {
		t.Errorf("document dates %q, %q; want the fixed %q", props.Created, props.Modified, templateStamp)
	}
}

func TestTemplateUnknownLanguage(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := WriteTemplate(&buf, "de", nil)
	if err == nil || !strings.Contains(err.Error(), `"de"`) {
		t.Errorf("WriteTemplate(de) = %v, want an error naming the language", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes for an unknown language", buf.Len())
	}
}
