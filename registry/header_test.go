package registry

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		cells []string
		want  map[field]string // field -> title found at the index of that title in cells
		warns []string         // substrings, one per expected warning, in order
	}{
		{
			name:  "swedish",
			cells: []string{"Förvaltning", "Konto", "Plattform", "Länk", "Syfte", "Mål", "Målgrupp", "Ansvarig", "Webbplats"},
			want: map[field]string{fieldAdministration: "Förvaltning", fieldName: "Konto", fieldPlatform: "Plattform",
				fieldURL: "Länk", fieldPurpose: "Syfte", fieldGoals: "Mål", fieldAudience: "Målgrupp", fieldOwner: "Ansvarig", fieldWebsite: "Webbplats"},
		},
		{
			name:  "english",
			cells: []string{"Administration", "Account", "Platform", "URL", "Purpose", "Goals", "Audience", "Owner", "Website"},
			want: map[field]string{fieldAdministration: "Administration", fieldName: "Account", fieldPlatform: "Platform",
				fieldURL: "URL", fieldPurpose: "Purpose", fieldGoals: "Goals", fieldAudience: "Audience", fieldOwner: "Owner", fieldWebsite: "Website"},
		},
		{
			name:  "mixed case, reordered, Link, whitespace and NBSP",
			cells: []string{"  LINK ", "Kommentar", "\u00a0plattform\u00a0", "KONTO", "förvaltning", "SYFTE", "mål", "MÅLGRUPP", "owner"},
			want: map[field]string{fieldURL: "LINK", fieldPlatform: "plattform", fieldName: "KONTO", fieldAdministration: "förvaltning",
				fieldPurpose: "SYFTE", fieldGoals: "mål", fieldAudience: "MÅLGRUPP", fieldOwner: "owner"},
		},
		{
			name:  "decomposed å and ä as a Mac writes them",
			cells: []string{"Fo\u0308rvaltning", "Konto", "Plattform", "La\u0308nk", "Syfte", "Ma\u030al", "Ma\u030algrupp", "Ansvarig"},
			want: map[field]string{fieldAdministration: "Fo\u0308rvaltning", fieldName: "Konto", fieldPlatform: "Plattform",
				fieldURL: "La\u0308nk", fieldPurpose: "Syfte", fieldGoals: "Ma\u030al", fieldAudience: "Ma\u030algrupp", fieldOwner: "Ansvarig"},
		},
		{
			name:  "optional columns missing are warnings",
			cells: []string{"Förvaltning", "Konto", "Plattform", "Länk", "Mål"},
			want:  map[field]string{fieldAdministration: "Förvaltning", fieldName: "Konto", fieldPlatform: "Plattform", fieldURL: "Länk", fieldGoals: "Mål"},
			warns: []string{`column "Syfte" (or "Purpose") is missing`, `column "Målgrupp" (or "Audience") is missing`, `column "Ansvarig" (or "Owner") is missing`},
		},
		{
			name:  "repeated column keeps the first",
			cells: []string{"Förvaltning", "Konto", "Plattform", "URL", "Länk", "Syfte", "Mål", "Målgrupp", "Ansvarig"},
			want: map[field]string{fieldAdministration: "Förvaltning", fieldName: "Konto", fieldPlatform: "Plattform", fieldURL: "URL",
				fieldPurpose: "Syfte", fieldGoals: "Mål", fieldAudience: "Målgrupp", fieldOwner: "Ansvarig"},
			warns: []string{`k.csv: row 1, column "Länk": column repeats "URL"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, warnings, err := readHeader("k.csv", 1, tt.cells)
			if err != nil {
				t.Fatalf("readHeader: %v", err)
			}
			got := map[field]string{}
			for f := field(0); f < fieldCount; f++ {
				if i := l.index[f]; i >= 0 {
					if strings.TrimSpace(tt.cells[i]) != l.title[f] {
						t.Errorf("field %d: index %d holds %q, title is %q", f, i, tt.cells[i], l.title[f])
					}
					got[f] = l.title[f]
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
			if len(warnings) != len(tt.warns) {
				t.Fatalf("got %d warnings %v, want %d", len(warnings), warnings, len(tt.warns))
			}
			for i, w := range tt.warns {
				if !strings.Contains(warnings[i].Error(), w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, warnings[i].Error(), w)
				}
			}
		})
	}
}

func TestReadHeaderMissingRequired(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		cells []string
		want  string
	}{
		{"no Länk", []string{"Förvaltning", "Konto", "Plattform", "Syfte"},
			`konton.csv: required column "Länk" (or "URL") is missing`},
		{"no Förvaltning nor Konto", []string{"Plattform", "URL"},
			"konton.csv: required column \"Förvaltning\" (or \"Administration\") is missing\n" +
				`konton.csv: required column "Konto" (or "Account") is missing`},
		{"Länk misspelt", []string{"Förvaltning", "Konto", "Plattform", "Lank"},
			`konton.csv: required column "Länk" (or "URL") is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readHeader("konton.csv", 1, tt.cells)
			if err == nil {
				t.Fatal("readHeader succeeded, want an error")
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
			var p Problem
			if !errors.As(err, &p) || p.File != "konton.csv" {
				t.Errorf("error %v is not a Problem of konton.csv", err)
			}
		})
	}
}
