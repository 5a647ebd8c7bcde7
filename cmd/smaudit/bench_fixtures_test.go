package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stockholm-stad/smaudit"
	"github.com/stockholm-stad/smaudit/registry"
)

// benchTemplates are demo accounts whose recorded responses the benchmark
// copies: real shapes and sizes (Mastodon pages of ~100-170 kB, blog pages
// and feeds of ~5-20 kB), one of them paging three times. Accounts whose
// fixtures fail or wait on purpose are left out.
var benchTemplates = []struct {
	host, path, platform string
}{
	{"mastodon.demo.example", "/@kulturforvaltningen", "Mastodon"},
	{"kulturbloggen.demo.example", "/", "Blogg"},
	{"mastodon.demo.example", "/@stadsbiblioteket", "Mastodon"},
	{"parklekar.demo.example", "/", "Blogg"},
	{"mastodon.demo.example", "/@svoa", "Mastodon"},
	{"press.svoa.demo.example", "/nyheter/", "Webbplats"},
	{"mastodon.demo.example", "/@sommarskolan", "Mastodon"},
	{"skolbiblioteken.demo.example", "/", "Blogg"},
}

// benchFixtures builds n accounts over admins administrations, each on a
// host of its own that serves a copy of one template host, and the
// registry that lists them.
func benchFixtures(tb testing.TB, n, admins int) (fs.FS, *registry.Registry) {
	tb.Helper()
	hosts, err := fs.Sub(smaudit.Demo, "testdata/demo/hosts")
	if err != nil {
		tb.Fatal(err)
	}
	templates := map[string][]string{} // host -> its files
	for _, t := range benchTemplates {
		if templates[t.host] != nil {
			continue
		}
		err := fs.WalkDir(hosts, t.host, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				templates[t.host] = append(templates[t.host], p)
			}
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	data := map[string][]byte{}
	for _, files := range templates {
		for _, p := range files {
			b, err := fs.ReadFile(hosts, p)
			if err != nil {
				tb.Fatal(err)
			}
			data[p] = b
		}
	}

	out := fstest.MapFS{}
	var csv strings.Builder
	csv.WriteString("Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig\n")
	for i := 0; i < n; i++ {
		t := benchTemplates[i%len(benchTemplates)]
		host := fmt.Sprintf("h%04d.bench.example", i)
		for _, p := range templates[t.host] {
			body := data[p]
			if strings.HasSuffix(p, "routes.json") {
				// Link headers name the template's host: point them here.
				body = bytes.ReplaceAll(body, []byte(t.host), []byte(host))
			}
			out[path.Join(host, strings.TrimPrefix(p, t.host+"/"))] = &fstest.MapFile{Data: body}
		}
		fmt.Fprintf(&csv, "Förvaltning %02d;Konto %04d;%s;https://%s%s;Syfte;Mål;Målgrupp;Ansvarig\n",
			i%admins+1, i, t.platform, host, t.path)
	}
	reg, err := registry.ParseCSV("bench.csv", strings.NewReader(csv.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return out, reg
}
