package discover

import (
	"net/url"
	"testing"
)

func TestParsePage(t *testing.T) {
	t.Parallel()
	const html = `<html><head><base href="https://start.stockholm/kultur/">
<link rel="Me author" href="https://social.example/@kultur">
<link rel="stylesheet" href="/stil.css"></head><body>
<a href="bibliotek/#karta">Bibliotek</a>
<a href="https://www.facebook.com/kultur">Facebook</a>
<a href="https://facebook.com/Kultur/">Facebook igen</a>
<map><area href="/karta/" alt="Karta"></map>
<a href="#top">Upp</a> <a href="javascript:void(0)">Meny</a> <a href="mailto:a@b.se">Mejl</a> <a href="tel:08">Ring</a>
<a href=" ">tom</a>
</body></html>`
	page, _ := url.Parse("https://start.stockholm/kultur/index.html")
	p, err := parsePage([]byte(html), page)
	if err != nil {
		t.Fatal(err)
	}
	var accounts, pages []string
	for _, a := range p.accounts {
		accounts = append(accounts, a.Key)
	}
	for _, u := range p.pages {
		pages = append(pages, u.String())
	}
	wantAccounts := []string{"facebook:kultur", "mastodon:kultur@social.example"}
	wantPages := []string{"https://start.stockholm/kultur/bibliotek/", "https://start.stockholm/karta/"}
	if len(accounts) != len(wantAccounts) || accounts[0] != wantAccounts[0] || accounts[1] != wantAccounts[1] {
		t.Errorf("accounts = %q, want %q", accounts, wantAccounts)
	}
	if len(pages) != len(wantPages) || pages[0] != wantPages[0] || pages[1] != wantPages[1] {
		t.Errorf("pages = %q, want %q", pages, wantPages)
	}
}

func TestLooksLikeFile(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"/dokument/budget-2026.pdf": true, "/bilder/Stadshuset.JPG": true, "/blankett.docx": true,
		"/kultur-och-fritid/": false, "/om": false, "/version-2.0/": false, "/sida.html": false,
	}
	for path, want := range tests {
		if got := looksLikeFile(path); got != want {
			t.Errorf("looksLikeFile(%q) = %v, want %v", path, got, want)
		}
	}
}

func FuzzParsePage(f *testing.F) {
	for _, s := range []string{
		`<a href="https://x.com/a">x</a><a href="/b#c">b</a>`,
		`<base href="//other.example/"><a href="p">p</a>`,
		`<script type="application/ld+json">{"sameAs":["https://bsky.app/profile/a.se"]}</script>`,
		`<link rel="me" href="https://h.example/@a/1">`, `<a href="http://[::1">`,
	} {
		f.Add([]byte(s))
	}
	base, _ := url.Parse("https://start.stockholm/")
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := parsePage(body, base)
		if err != nil {
			return
		}
		for _, a := range p.accounts {
			if again, ok := Recognize(a.URL); !ok || again.Key != a.Key {
				t.Fatalf("account %+v does not recognise as itself", a)
			}
		}
		for _, u := range p.pages {
			if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
				t.Fatalf("page link %q is not an http(s) address without fragment", u)
			}
		}
	})
}
