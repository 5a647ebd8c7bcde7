package registry

import (
	"strings"
	"testing"
)

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Förvaltning;Konto;Plattform;Länk\nA;K;Facebook;https://www.youtube.com/@k\n",
		"Förvaltning;Konto;Plattform;Länk;Syfte\nkultur  FÖRVALTNINGEN;K;mastodon;@k@facebook.com;\n",
		"Administration,Account,Platform,URL,Owner\n,K,Bluesky,https://bsky.app.example/x,\n,K,Bluesky,https://bsky.app.example/x,\n",
		"Förvaltning;Konto;Plattform;Länk;Länk\nA;K;X;https://[::1]:80/x;\nA;K;TikTok;http://h:99999/\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		reg, err := ParseCSV("fuzz.csv", strings.NewReader(data))
		if err != nil {
			return
		}
		problems := Check(reg, checkAdmins)
		for i, p := range problems {
			if p.Severity != SeverityError && p.Severity != SeverityWarning {
				t.Errorf("problem %v has severity %q", p, p.Severity)
			}
			if p.File != "fuzz.csv" || p.Message == "" {
				t.Errorf("problem %+v lacks its file or message", p)
			}
			if i > 0 && problems[i-1].Row > p.Row {
				t.Errorf("row %d comes after row %d", p.Row, problems[i-1].Row)
			}
		}
	})
}
