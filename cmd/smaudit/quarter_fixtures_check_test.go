package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/fixtureserver"
)

// TestQuarterFixtures checks what BenchmarkQuarter relies on: the city's
// mix of 800 distinct accounts, clones that carry their own identity and
// not the template's, blogs on a few dozen hosts, and city pages of real
// size that list every account with rel="me".
func TestQuarterFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the 800 accounts' fixtures")
	}
	fsys, byPlatform := quarterFixtures(t)
	rows := quarterRows(byPlatform)
	addCityPages(t, fsys, rows)

	if len(rows) != 800 {
		t.Errorf("%d accounts, want 800", len(rows))
	}
	for _, m := range quarterMix {
		if got := len(byPlatform[m.platform]); got != m.n {
			t.Errorf("%s: %d accounts, want %d", m.platform, got, m.n)
		}
	}
	links := map[string]bool{}
	for _, r := range rows {
		if links[r.link] {
			t.Errorf("%s is in the registry twice", r.link)
		}
		links[r.link] = true
	}
	if got := interleave(rows); len(got) != len(rows) || got[0].platform == got[1].platform {
		t.Errorf("interleave: %d rows, starting %s, %s", len(got), got[0].platform, got[1].platform)
	}

	// A clone's routes name the clone, never the template it came from.
	var graph []fixtureserver.Route
	if err := json.Unmarshal(fsys["graph.demo.example/routes.json"].Data, &graph); err != nil {
		t.Fatal(err)
	}
	pages, igComments := 0, 0
	for _, r := range graph {
		if strings.HasPrefix(r.Path, "/v21.0/sida") {
			pages++
		}
		if isInstagramComments(r) {
			igComments++
		}
		for _, old := range []string{"/v21.0/stadsbiblioteket", "/v21.0/100064512345678/", "username(parklekar_ostermalm)"} {
			if strings.Contains(r.Path+r.Query["fields"], old) {
				t.Errorf("graph route %s %v still names the template (%s)", r.Path, r.Query, old)
			}
		}
	}
	if pages != 200 {
		t.Errorf("%d Facebook page routes, want 200", pages)
	}
	// The Instagram clones read their template's media comments: the
	// routes must answer them, once each, instead of 404.
	if igComments == 0 {
		t.Error("no Instagram media comments route: the clones' comment reads would all be 404")
	}
	// The Bluesky clones' threads answer under the clone's own DID.
	var appview []fixtureserver.Route
	if err := json.Unmarshal(fsys["appview.demo.example/routes.json"].Data, &appview); err != nil {
		t.Fatal(err)
	}
	threads := 0
	for _, r := range appview {
		if uri := r.Query["uri"]; strings.HasSuffix(r.Path, "getPostThread") {
			threads++
			if strings.Contains(uri, "did:plc:w4xqk2hbn7ltr5ysa3mcjv6e/") {
				t.Errorf("thread route %s names the template's DID", uri)
			}
		}
	}
	if threads == 0 {
		t.Error("no Bluesky thread route: the clones' thread reads would all be 404")
	}
	body := string(fsys["mastodon.demo.example/q0466/accounts/kulturforvaltningen.json"].Data)
	if !strings.Contains(body, `"konto0466"`) || strings.Contains(body, `"kulturforvaltningen"`) {
		t.Errorf("mastodon clone 466 keeps the template's name:\n%.300s", body)
	}

	blogHosts := map[string]bool{}
	for _, r := range byPlatform["Blogg"] {
		blogHosts[strings.Split(strings.TrimPrefix(r.link, "https://"), "/")[0]] = true
	}
	if len(blogHosts) != quarterBlogHosts {
		t.Errorf("blogs on %d hosts, want %d", len(blogHosts), quarterBlogHosts)
	}

	page := string(fsys["start.stockholm/index.html"].Data)
	if len(page) < 100_000 {
		t.Errorf("city page of %d bytes, want a real page's 100 kB or more", len(page))
	}
	for _, r := range []quarterRow{rows[0], rows[len(rows)-1]} {
		if !strings.Contains(page, `<a rel="me" href="`+r.link+`">`) {
			t.Errorf("city page does not list %s with rel=\"me\"", r.link)
		}
	}
}
