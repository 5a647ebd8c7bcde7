package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stockholm-stad/smaudit/demo"
	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/registry"
)

// benchTemplate is a demo account whose recorded answers the benchmark
// copies: real shapes and sizes (Mastodon pages of ~100-170 kB, Bluesky
// feeds of 100 posts, YouTube about pages and feeds, blog pages and
// feeds of ~5-20 kB). Accounts whose fixtures fail or wait on purpose are
// left out.
type benchTemplate struct {
	host, path, platform string
	// shared marks an API host all accounts of the platform share (the
	// Bluesky AppView, YouTube): the account gets its own route there
	// instead of a host of its own.
	shared bool
	route  func(i int) (link string, extra fixtureserver.Route, tmpl string)
}

var benchTemplates = []benchTemplate{
	{host: "mastodon.demo.example", path: "/@kulturforvaltningen", platform: "Mastodon"},
	{host: "kulturbloggen.demo.example", path: "/", platform: "Blogg"},
	{host: "mastodon.demo.example", path: "/@stadsbiblioteket", platform: "Mastodon"},
	{host: "appview.demo.example", platform: "Bluesky", shared: true, route: func(i int) (string, fixtureserver.Route, string) {
		handle := fmt.Sprintf("bench%04d.bsky.social", i)
		return "https://bsky.app/profile/" + handle,
			fixtureserver.Route{Path: "/xrpc/app.bsky.actor.getProfile", Query: map[string]string{"actor": handle}},
			"kultur.stockholm.se"
	}},
	{host: "parklekar.demo.example", path: "/", platform: "Blogg"},
	{host: "mastodon.demo.example", path: "/@svoa", platform: "Mastodon"},
	{host: "youtube.demo.example", platform: "YouTube", shared: true, route: func(i int) (string, fixtureserver.Route, string) {
		handle := fmt.Sprintf("@bench%04d", i)
		return "https://www.youtube.com/" + handle,
			fixtureserver.Route{Path: "/" + handle + "/about"},
			"/@kulturforvaltningen/about"
	}},
	{host: "press.svoa.demo.example", path: "/nyheter/", platform: "Webbplats"},
	{host: "mastodon.demo.example", path: "/@sommarskolan", platform: "Mastodon"},
	{host: "skolbiblioteken.demo.example", path: "/", platform: "Blogg"},
}

// benchFixtures builds n accounts over admins administrations and the
// registry that lists them (parsed, and as the CSV a binary reads). Mastodon and blog accounts each get a host of
// their own serving a copy of a template host; Bluesky and YouTube
// accounts get their own route on the shared API host.
func benchFixtures(tb testing.TB, n, admins int) (fs.FS, *registry.Registry, string) {
	tb.Helper()
	hosts, err := demo.Hosts()
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string][]string{} // template host -> its files
	data := map[string][]byte{}
	for _, t := range benchTemplates {
		if files[t.host] != nil {
			continue
		}
		err := fs.WalkDir(hosts, t.host, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files[t.host] = append(files[t.host], p)
				data[p], err = fs.ReadFile(hosts, p)
			}
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
	}

	out := fstest.MapFS{}
	shared := map[string][]fixtureserver.Route{}
	var csv strings.Builder
	csv.WriteString("Förvaltning;Konto;Plattform;Länk;Syfte;Mål;Målgrupp;Ansvarig\n")
	for i := 0; i < n; i++ {
		t := benchTemplates[i%len(benchTemplates)]
		var link string
		if t.shared {
			if shared[t.host] == nil {
				shared[t.host] = readRoutes(tb, data[t.host+"/routes.json"])
				for _, p := range files[t.host] {
					out[p] = &fstest.MapFile{Data: data[p]}
				}
			}
			var route fixtureserver.Route
			var like string
			link, route, like = t.route(i)
			route.Responses = templateResponses(tb, shared[t.host], like)
			shared[t.host] = append([]fixtureserver.Route{route}, shared[t.host]...)
		} else {
			host := fmt.Sprintf("h%04d.bench.example", i)
			for _, p := range files[t.host] {
				body := data[p]
				if strings.HasSuffix(p, "routes.json") {
					// Link headers name the template's host: point them here.
					body = bytes.ReplaceAll(body, []byte(t.host), []byte(host))
				}
				out[path.Join(host, strings.TrimPrefix(p, t.host+"/"))] = &fstest.MapFile{Data: body}
			}
			link = "https://" + host + t.path
		}
		fmt.Fprintf(&csv, "Förvaltning %02d;Konto %04d;%s;%s;Syfte;Mål;Målgrupp;Ansvarig\n", i%admins+1, i, t.platform, link)
	}
	for host, routes := range shared {
		body, err := json.Marshal(routes)
		if err != nil {
			tb.Fatal(err)
		}
		out[host+"/routes.json"] = &fstest.MapFile{Data: body}
	}
	reg, err := registry.ParseCSV("bench.csv", strings.NewReader(csv.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return out, reg, csv.String()
}

func readRoutes(tb testing.TB, data []byte) []fixtureserver.Route {
	tb.Helper()
	var routes []fixtureserver.Route
	if err := json.Unmarshal(data, &routes); err != nil {
		tb.Fatal(err)
	}
	return routes
}

// templateResponses returns the responses of the route whose path or
// query value is like.
func templateResponses(tb testing.TB, routes []fixtureserver.Route, like string) []fixtureserver.Response {
	tb.Helper()
	for _, r := range routes {
		if r.Path == like || r.Query["actor"] == like {
			return r.Responses
		}
	}
	tb.Fatalf("no template route %q", like)
	return nil
}
