package registry

import (
	"strings"
	"testing"
)

func TestCellsLoseControlAndBidiCharacters(t *testing.T) {
	t.Parallel()
	csv := "Förvaltning,Konto,Plattform,Länk\n" +
		"Kultur\u202Eförvaltningen,Bibl\x1b[31miotek,Mastodon,htps://x\u202E\n"
	reg, err := ParseCSV("konton.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(reg.Accounts) != 1 {
		t.Fatalf("%d accounts, want 1", len(reg.Accounts))
	}
	a := reg.Accounts[0]
	if a.Administration != "Kulturförvaltningen" || a.Name != "Bibl[31miotek" {
		t.Errorf("account = %q / %q", a.Administration, a.Name)
	}
	for _, p := range reg.RowErrors() {
		if strings.ContainsAny(p.Error(), "\u202E\x1b") {
			t.Errorf("row problem keeps a control character: %q", p.Error())
		}
	}
	if len(reg.RowErrors()) == 0 {
		t.Error("the bad link was not reported")
	}
}
