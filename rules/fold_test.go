package rules

import "testing"

func TestFoldFind(t *testing.T) {
	tests := []struct {
		name, text, phrase string
		want               string // the original text matched; "" for none
	}{
		{"exact", "Kontot drivs av Stockholms stad.", "Stockholms stad", "Stockholms stad"},
		{"case", "STOCKHOLMS STAD", "stockholms stad", "STOCKHOLMS STAD"},
		{"soft hyphen in text", "Kultur\u00adförvaltningen", "Kulturförvaltningen", "Kultur\u00adförvaltningen"},
		{"soft hyphen in phrase", "Kulturförvaltningen", "Kultur\u00adförvaltningen", "Kulturförvaltningen"},
		{"no-break space", "Stockholms\u00a0stad", "Stockholms stad", "Stockholms\u00a0stad"},
		{"line break and spaces", "Stockholms \n  stad", "Stockholms stad", "Stockholms \n  stad"},
		{"decomposed ö", "Kulturfo\u0308rvaltningen", "Kulturförvaltningen", "Kulturförvaltningen"},
		{"genitive", "Stockholms stads bibliotek", "Stockholms stad", "Stockholms stad"},
		{"longer word", "Stockholms stadsbibliotek", "Stockholms stad", ""},
		{"word before", "Nystockholms stad", "Stockholms stad", ""},
		{"blank phrase", "Stockholms stad", " \u00ad ", ""},
		{"missing", "Göteborgs stad", "Stockholms stad", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := foldText(tt.text).find(tt.phrase)
			got := ""
			if ok {
				got = m.text[m.start:m.end]
			}
			if got != tt.want {
				t.Errorf("find(%q, %q) = %q, want %q", tt.text, tt.phrase, got, tt.want)
			}
		})
	}
}

func TestFindAnyEarliest(t *testing.T) {
	m, ok := findAny([]string{"inget här", "City of Stockholm och Stockholms stad"}, []string{"Stockholms stad", "City of Stockholm"})
	if !ok || m.phrase != "City of Stockholm" || m.start != 0 {
		t.Errorf("findAny = %+v, %v; want City of Stockholm at 0 of the second text", m, ok)
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s, word string
		want    bool
	}{
		{"Användarvillkor", "villkor", true},
		{"KONTAKT", "kontakt", true},
		{"Om oss", "kontakt", false},
		{"anything", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.s+"/"+tt.word, func(t *testing.T) {
			if got := containsFold(tt.s, tt.word); got != tt.want {
				t.Errorf("containsFold(%q, %q) = %v", tt.s, tt.word, got)
			}
		})
	}
}
