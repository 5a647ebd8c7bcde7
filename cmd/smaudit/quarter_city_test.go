package main

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stockholm-stad/smaudit/fixtureserver"
)

// quarterRow is one account of the quarter's registry.
type quarterRow struct {
	admin, name string
	quarterAccount
}

// addCityPages adds the city pages the profiles link to
// (testdata/quarter/city/pages.txt) to out: the city's page listing its
// accounts in social media, with the site's menu and footer, every
// account linked with rel="me" as the affiliation check looks for. A page
// is then of the size a real one of the city's is, and parsing it costs
// what it costs on the real site.
func addCityPages(tb testing.TB, out fstest.MapFS, rows []quarterRow) {
	tb.Helper()
	read := func(name string) string {
		data, err := os.ReadFile("../../testdata/quarter/city/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		return string(data)
	}
	layout := strings.Replace(read("layout.html"), "{{MENU}}", cityMenu(read("menu.txt")), 1)
	layout = strings.Replace(layout, "{{ACCOUNTS}}", cityAccounts(rows), 1)

	routes := map[string][]fixtureserver.Route{}
	for _, line := range strings.Split(read("pages.txt"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil {
			tb.Fatal(err)
		}
		file := strings.Trim(strings.ReplaceAll(u.Path, "/", "_"), "_") + ".html"
		if file == ".html" {
			file = "index.html"
		}
		title := "Stockholms stad i sociala medier"
		page := strings.ReplaceAll(strings.ReplaceAll(layout, "{{TITLE}}", title), "{{URL}}", html.EscapeString(line))
		out[path.Join(u.Host, file)] = &fstest.MapFile{Data: []byte(page)}
		routes[u.Host] = append(routes[u.Host], fixtureserver.Route{Path: u.Path, Responses: []fixtureserver.Response{{
			Headers: map[string]string{"Content-Type": "text/html; charset=utf-8", "Cache-Control": "max-age=300"},
			File:    file,
		}}})
	}
	for host, rs := range routes {
		rs = append(rs, fixtureserver.Route{Path: "/robots.txt", Responses: []fixtureserver.Response{{
			Headers: map[string]string{"Content-Type": "text/plain; charset=utf-8"},
			Body:    "User-agent: *\nDisallow: /sok/\nSitemap: https://" + host + "/sitemap.xml\n",
		}}})
		body, err := json.Marshal(rs)
		if err != nil {
			tb.Fatal(err)
		}
		out[host+"/routes.json"] = &fstest.MapFile{Data: body}
	}
}

// cityMenu renders menu.txt as the site's mega menu.
func cityMenu(src string) string {
	var b strings.Builder
	section := ""
	for _, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			if section != "" {
				b.WriteString("      </ul>\n    </li>\n  </ul>\n")
			}
			title, p, _ := strings.Cut(strings.TrimPrefix(line, "## "), "|")
			section = p
			fmt.Fprintf(&b, "  <ul class=\"mega-menu__sections\">\n    <li class=\"mega-menu__section\"><button aria-expanded=\"false\">%s</button>\n      <ul class=\"mega-menu__pages\">\n", html.EscapeString(title))
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			title, p, _ := strings.Cut(line, "|")
			fmt.Fprintf(&b, "        <li class=\"mega-menu__page\"><a href=\"https://start.stockholm%s%s\">%s</a><p class=\"mega-menu__lead\">Allt om %s i Stockholms stad: regler, avgifter, e-tjänster och kontakt.</p></li>\n",
				section, p, html.EscapeString(title), html.EscapeString(strings.ToLower(title)))
		}
	}
	if section != "" {
		b.WriteString("      </ul>\n    </li>\n  </ul>\n")
	}
	return b.String()
}

// cityAccounts renders the list of accounts, by administration.
func cityAccounts(rows []quarterRow) string {
	byAdmin := map[string][]quarterRow{}
	var admins []string
	for _, r := range rows {
		if byAdmin[r.admin] == nil {
			admins = append(admins, r.admin)
		}
		byAdmin[r.admin] = append(byAdmin[r.admin], r)
	}
	var b strings.Builder
	for _, a := range admins {
		fmt.Fprintf(&b, "<section class=\"accounts\">\n<h2>%s</h2>\n<ul class=\"accounts__list\">\n", html.EscapeString(a))
		for _, r := range byAdmin[a] {
			fmt.Fprintf(&b, "  <li class=\"accounts__item\"><a rel=\"me\" href=\"%s\">%s</a> <span class=\"accounts__platform\">%s</span></li>\n",
				html.EscapeString(r.link), html.EscapeString(r.name), r.platform)
		}
		b.WriteString("</ul>\n</section>\n")
	}
	return b.String()
}
