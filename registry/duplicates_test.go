package registry

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDuplicateLinks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		rows  []string // Plattform;Länk of each data row, rows 2, 3, ...
		wants []string
	}{
		{
			name:  "scheme, host case and trailing slash do not count",
			rows:  []string{"webb;https://Example.se/blogg", "webb;http://example.SE/blogg/", "webb;https://example.se/Blogg"},
			wants: []string{`konton.csv: row 3, column "Länk": rows 2 and 3 have the same link "http://example.SE/blogg/"`},
		},
		{
			name: "every later copy names the first row",
			rows: []string{"webb;https://x.se", "Instagram;https://instagram.com/sthlm", "webb;https://x.se/", "webb;HTTPS://X.SE"},
			wants: []string{
				`konton.csv: row 4, column "Länk": rows 2 and 4 have the same link "https://x.se/"`,
				`konton.csv: row 5, column "Länk": rows 2 and 5 have the same link "HTTPS://X.SE"`,
			},
		},
		{
			name: "mastodon handle and URL forms are one account",
			rows: []string{"mastodon;@Kultur@Social.example", "mastodon;https://social.example/@kultur", "mastodon;https://social.example/users/kultur/", "mastodon;https://social.example/@sport"},
			wants: []string{
				`konton.csv: row 3, column "Länk": rows 2 and 3 have the same link "https://social.example/@kultur"`,
				`konton.csv: row 4, column "Länk": rows 2 and 4 have the same link "https://social.example/users/kultur/"`,
			},
		},
		{
			name: "different paths, queries and bad links are not duplicates",
			rows: []string{"webb;https://x.se/a", "webb;https://x.se/b", "webb;https://x.se/a?p=1", "webb;htps://x", "webb;htps://x", "webb;", "webb;"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{"Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig"}
			for _, r := range tt.rows {
				lines = append(lines, "A;K;"+r+";s;m;g;o")
			}
			reg, err := ParseCSV("konton.csv", strings.NewReader(csvLines(lines...)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range reg.Warnings {
				got = append(got, w.Error())
			}
			if diff := cmp.Diff(tt.wants, got); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}
