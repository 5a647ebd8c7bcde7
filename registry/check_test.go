package registry

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// checkAdmins is the administration list the Check tests use.
var checkAdmins = []string{"Kulturförvaltningen", "Bromma stadsdelsförvaltning", "AB Stockholmshem"}

func TestCheck(t *testing.T) {
	t.Parallel()
	const facts = ";Syfte s;Mål m;Målgrupp g;Ansvarig a;"
	data := csvLines(
		"Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig;Webbplats",
		"Kulturförvaltningen;Kultur;Facebook;https://www.facebook.com/kultur"+facts,          // 2 clean
		"Kulturförvaltningen;Kultur;Facebook;https://www.youtube.com/@kultur"+facts,          // 3 YouTube link on a Facebook row
		"Kulturförvaltningen;Kultur;Mastodon;https://www.facebook.com/kultur2"+facts,         // 4 Facebook link on a Mastodon row
		"Kulturförvaltningen;Kultur;Bluesky;https://example.se/kultur"+facts,                 // 5 Bluesky row off bsky.app
		"Kulturförvaltning;Kultur;Instagram;https://instagram.com/kultur"+facts,              // 6 unknown administration
		"bromma  STADSDELSFÖRVALTNING;Bromma;facebook;http://WWW.Facebook.com/kultur/"+facts, // 7 duplicate of row 2
		"AB Stockholmshem;Hem;X;https://twitter.com/hem;;Mål m;Målgrupp g;;",                 // 8 no Syfte, no Ansvarig
		"AB Stockholmshem;Hem;YouTube;htps://youtube.com/@hem"+facts,                         // 9 bad link
		"AB Stockholmshem;Blogg;Blogg;https://www.facebook.com/notes/hem"+facts,              // 10 blogs take any link
		"AB Stockholmshem;Hem;Annan;https://vimeo.com/hem"+facts,                             // 11 unknown platforms take any link
		"AB Stockholmshem;Hem;Mastodon;@hem@social.example"+facts,                            // 12 Mastodon on any server
		"AB Stockholmshem;Hem;LinkedIn;https://se.linkedin.com/company/hem"+facts,            // 13 a subdomain of the platform
		";Hem;Mastodon;@hem@youtube.com"+facts,                                               // 14 no administration; a handle on YouTube's host
		"AB Stockholmshem;Hem;Bluesky;https://bsky.app/profile/hem.stockholm.se"+facts,       // 15 clean
		"AB Stockholmshem;Hem;TikTok;https://www.instagram.com/hem"+facts,                    // 16 a known other platform
	)
	reg, err := ParseCSV("konton.csv", strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	e := func(row int, col, msg string) Problem {
		return Problem{File: "konton.csv", Row: row, Column: col, Message: msg, Severity: SeverityError}
	}
	w := func(row int, col, msg string) Problem {
		return Problem{File: "konton.csv", Row: row, Column: col, Message: msg, Severity: SeverityWarning}
	}
	want := []Problem{
		e(3, "Länk", `"https://www.youtube.com/@kultur" links to YouTube, but the platform is "Facebook"`),
		e(4, "Länk", `"https://www.facebook.com/kultur2" is not a Mastodon account address (expected https://HOST/@name, https://HOST/users/name or @name@host)`),
		e(4, "Länk", `"https://www.facebook.com/kultur2" links to Facebook, but the platform is "Mastodon"`),
		e(5, "Länk", `"https://example.se/kultur" is not on bsky.app, where Bluesky accounts are`),
		e(6, "Förvaltning", `"Kulturförvaltning" is not a known administration`),
		w(7, "Länk", `rows 2 and 7 have the same link "http://WWW.Facebook.com/kultur/"`),
		w(8, "Syfte", "value is missing; the policy asks for a clear purpose linked to the business plan or mission"),
		w(8, "Ansvarig", "value is missing; the policy asks for an appointed owner of the account"),
		e(9, "Länk", `"htps://youtube.com/@hem" is not an http(s) URL`),
		e(14, "Förvaltning", "value is missing"),
		e(14, "Länk", `"@hem@youtube.com" links to YouTube, but the platform is "Mastodon"`),
		e(16, "Länk", `"https://www.instagram.com/hem" links to Instagram, but the platform is "TikTok"`),
	}
	got := Check(reg, checkAdmins)
	if diff := cmp.Diff(want, got, problemsInEnglish); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}

	t.Run("without administrations the names are not checked", func(t *testing.T) {
		for _, p := range Check(reg, nil) {
			if p.Column == "Förvaltning" && p.Message != msgMissing {
				t.Errorf("unexpected problem %v", p)
			}
		}
	})
}

func TestCheckAdministrationMatching(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		value string
		known bool
	}{
		{"exact", "Kulturförvaltningen", true},
		{"lower case", "kulturförvaltningen", true},
		{"upper case", "KULTURFÖRVALTNINGEN", true},
		{"white space around and within", "  Bromma \u00a0 stadsdelsförvaltning\t", true},
		{"decomposed umlaut", "Kulturfo\u0308rvaltningen", true},
		{"a letter short", "Kulturförvaltning", false},
		{"another administration", "Miljöförvaltningen", false},
		{"words run together", "Brommastadsdelsförvaltning", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := csvLines("Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig",
				tt.value+";K;webb;https://example.se;s;m;g;a")
			reg, err := ParseCSV("konton.csv", strings.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			got := Check(reg, checkAdmins)
			if tt.known && len(got) != 0 {
				t.Errorf("Check = %v, want no problems", got)
			}
			if !tt.known && (len(got) != 1 || !strings.HasSuffix(got[0].Message, "is not a known administration")) {
				t.Errorf("Check = %v, want one unknown administration", got)
			}
		})
	}
}

func TestCheckMissingColumns(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		header string
		row    string
		want   []string
	}{
		{
			name:   "a missing optional column is reported once, not on each row",
			header: "Administration,Account,Platform,URL,Goals,Audience,Owner",
			row:    "AB Stockholmshem,K,Blog,https://example.se,m,g,",
			want: []string{
				`warning: konton.csv: column "Syfte" (or "Purpose") is missing; no account can pass the registry-complete rule`,
				`warning: konton.csv: row 2, column "Owner": value is missing; the policy asks for an appointed owner of the account`,
			},
		},
		{
			name:   "English headers name the columns",
			header: "Administration,Account,Platform,URL,Purpose,Goals,Audience,Owner",
			row:    ",K,Facebook,https://bsky.app/profile/k,s,m,g,a",
			want: []string{
				`error: konton.csv: row 2, column "Administration": value is missing`,
				`error: konton.csv: row 2, column "URL": "https://bsky.app/profile/k" links to Bluesky, but the platform is "Facebook"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, err := ParseCSV("konton.csv", strings.NewReader(csvLines(tt.header, tt.row)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range Check(reg, checkAdmins) {
				got = append(got, string(p.Severity)+": "+p.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("missing required columns are error problems", func(t *testing.T) {
		path := write("no-link.csv", csvLines("Förvaltning;Plattform;Syfte;Mål;Målgrupp;Ansvarig", "A;webb;s;m;g;a"))
		got, err := CheckFile(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := []Problem{
			{File: path, Message: `required column "Konto" (or "Account") is missing`, Severity: SeverityError},
			{File: path, Message: `required column "Länk" (or "URL") is missing`, Severity: SeverityError},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("CheckFile (-want +got):\n%s", diff)
		}
	})
	t.Run("a file with no header row is an error problem", func(t *testing.T) {
		path := write("empty.csv", "\n\n")
		got, err := CheckFile(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := []Problem{{File: path, Message: "the file has no header row", Severity: SeverityError}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("CheckFile (-want +got):\n%s", diff)
		}
	})
	t.Run("a readable registry is checked", func(t *testing.T) {
		path := write("ok.csv", csvLines("Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig",
			"Okänd;K;Facebook;https://www.facebook.com/k;s;m;g;a"))
		got, err := CheckFile(path, checkAdmins)
		if err != nil {
			t.Fatal(err)
		}
		want := []Problem{{File: path, Row: 2, Column: "Förvaltning", Message: `"Okänd" is not a known administration`, Severity: SeverityError}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("CheckFile (-want +got):\n%s", diff)
		}
	})
	t.Run("an unreadable file is an error", func(t *testing.T) {
		for _, path := range []string{filepath.Join(dir, "absent.csv"), write("konton.ods", "x")} {
			got, err := CheckFile(path, nil)
			if err == nil || !strings.Contains(err.Error(), filepath.Base(path)) {
				t.Errorf("CheckFile(%s) = %v, %v; want an error naming the file", path, got, err)
			}
		}
	})
}

func TestCheckSeverities(t *testing.T) {
	t.Parallel()
	// Every problem Load reports keeps its kind: row problems are errors,
	// file-wide warnings and duplicates are warnings.
	data := csvLines("Förvaltning;Konto;Plattform;Länk;Länk;Syfte;Mål;Målgrupp;Ansvarig",
		"A;K;webb;https://x.se;;s;m;g;a",
		"A;K;webb;https://x.se;;s;m;g;a",
		"A;;webb;https://y.se;;s;m;g;a")
	reg, err := ParseCSV("konton.csv", strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	got := Check(reg, nil)
	want := []Problem{
		{File: "konton.csv", Row: 1, Column: "Länk", Message: `column repeats "Länk"; only the first is read`, Severity: SeverityWarning},
		{File: "konton.csv", Row: 3, Column: "Länk", Message: `rows 2 and 3 have the same link "https://x.se"`, Severity: SeverityWarning},
		{File: "konton.csv", Row: 4, Column: "Konto", Message: msgMissing, Severity: SeverityError},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), problemsInEnglish); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
}

func TestCount(t *testing.T) {
	t.Parallel()
	ps := []Problem{{Severity: SeverityWarning}, {Severity: SeverityError}, {Severity: SeverityWarning}, {Severity: SeverityWarning}}
	if errs, warns := Count(ps); errs != 1 || warns != 3 {
		t.Errorf("Count = %d errors, %d warnings; want 1, 3", errs, warns)
	}
	if errs, warns := Count(nil); errs != 0 || warns != 0 {
		t.Errorf("Count(nil) = %d, %d; want 0, 0", errs, warns)
	}
}
