package registry

import (
	"bytes"
	"os"
	"testing"
)

func FuzzParseCSV(f *testing.F) {
	for _, path := range []string{"testdata/konton-utf8-bom.csv", "testdata/konton-windows1252.csv"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"sep=;\n",
		"Förvaltning,Konto,Plattform,Länk\nA,\"K\nL\",mastodon,@a@b\n\n,,,\nB,K,webb,htps://x\n",
		"Förvaltning;Konto;Plattform;Länk;Webbplats\nA;K;mastodon;https://h/users/x/;www.x\nA;K;MASTODON;http://H/@x\n",
		"F\xf6rvaltning;Konto;Plattform;L\xe4nk\n\xe5;\xe4;\xf6;\x81\n",
		"\xff\xfe",
		"Länk\n\"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := ParseCSV("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			if reg != nil {
				t.Errorf("ParseCSV returned a registry with error %v", err)
			}
			return
		}
		last := 1
		for _, acc := range reg.Accounts {
			if acc.Source != "fuzz.csv" {
				t.Errorf("Source = %q", acc.Source)
			}
			if acc.Row <= last {
				t.Errorf("row %d follows row %d", acc.Row, last)
			}
			last = acc.Row
		}
		for _, p := range append(reg.RowErrors(), reg.Warnings...) {
			if p.File != "fuzz.csv" || p.Message == "" {
				t.Errorf("problem %+v lacks its file or message", p)
			}
		}
	})
}
