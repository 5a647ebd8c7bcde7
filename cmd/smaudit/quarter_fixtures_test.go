package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stockholm-stad/smaudit/demo"
	"github.com/stockholm-stad/smaudit/fixtureserver"
)

// quarterTemplate is a demo account the quarter benchmark copies onto a
// platform's shared host (the Graph API, X's API, one Mastodon instance,
// the Bluesky AppView, YouTube): its routes, picked by pick, are cloned
// per account with the account's own name and id put in place of the
// template's wherever they appear as identities (in paths, queries and
// bodies), so each copy answers like the original, at its size.
type quarterTemplate struct {
	platform string // the registry's Plattform
	host     string // the demo host it lives on
	pick     func(r fixtureserver.Route) bool
	// swaps returns the old -> new pairs for clone i, and its registry link.
	swaps func(i int) (pairs []string, link string)
}

// quarterMix is the city's platform mix, in accounts per platform: about
// the 800 accounts of the register (Facebook and Instagram through Graph,
// one Mastodon instance, 175 blogs and web news pages on a few dozen
// hosts).
var quarterMix = []struct {
	platform string
	n        int
}{
	{"Facebook", 200}, {"Instagram", 65}, {"X", 100}, {"YouTube", 80},
	{"Mastodon", 120}, {"Bluesky", 60}, {"Blogg", 175},
}

// quarterBlogHosts is how many hosts the blogs share, several blogs per
// host under their own path, as on a WordPress multisite.
const quarterBlogHosts = 35

// idLike returns id with its last digits replaced by i, so a clone's id
// has the template's length and shape.
func idLike(id string, i int) string {
	s := fmt.Sprintf("%05d", i)
	return id[:len(id)-len(s)] + s
}

// identity returns the pairs that rename an account: its name where it
// stands as a whole identity (quoted, after a slash or an @, in
// business_discovery's parentheses), never inside other words or host
// names, and its ids.
func identity(oldName, newName string, ids ...string) []string {
	p := []string{
		`"` + oldName + `"`, `"` + newName + `"`,
		`"` + oldName + `@`, `"` + newName + `@`,
		`/` + oldName + `"`, `/` + newName + `"`,
		`/` + oldName + `/`, `/` + newName + `/`,
		`/@` + oldName, `/@` + newName,
		`/users/` + oldName, `/users/` + newName,
		`(` + oldName + `)`, `(` + newName + `)`,
		`@` + oldName + `"`, `@` + newName + `"`,
	}
	for k := 0; k+1 < len(ids); k += 2 {
		p = append(p, ids[k], ids[k+1])
	}
	return p
}

func hasPath(p string) func(fixtureserver.Route) bool {
	return func(r fixtureserver.Route) bool { return r.Path == p || strings.HasPrefix(r.Path, p+"/") }
}

func hasQuery(key, sub string) func(fixtureserver.Route) bool {
	return func(r fixtureserver.Route) bool { return strings.Contains(r.Query[key], sub) }
}

func either(a, b func(fixtureserver.Route) bool) func(fixtureserver.Route) bool {
	return func(r fixtureserver.Route) bool { return a(r) || b(r) }
}

// quarterTemplates lists, per platform, the demo accounts that answer
// normally (none whose recording fails or waits on purpose); clones take
// them in turn.
var quarterTemplates = map[string][]quarterTemplate{
	"Facebook": {
		fbTemplate("stadsbiblioteket", "100064512345678"),
		fbTemplate("ostermalmsstadsdelsforvaltning", "100064598765432"),
		fbTemplate("laxhjalpenstockholm", "100063311122233"),
	},
	"Instagram": {igTemplate("stadsbiblioteket"), igTemplate("parklekar_ostermalm")},
	"X": {
		{platform: "X", host: "api.x.demo.example",
			pick: either(hasPath("/2/users/by/username/svoa_ab"), hasPath("/2/users/1390512876543210496")),
			swaps: func(i int) ([]string, string) {
				name := fmt.Sprintf("konto%04d", i)
				return identity("svoa_ab", name, "1390512876543210496", idLike("1390512876543210496", i)), "https://x.com/" + name
			}},
		{platform: "X", host: "api.x.demo.example",
			pick: either(hasPath("/2/users/by/username/skolvalsthlm"), hasPath("/2/users/1602233445566778899")),
			swaps: func(i int) ([]string, string) {
				name := fmt.Sprintf("konto%04d", i)
				return identity("skolvalsthlm", name, "1602233445566778899", idLike("1602233445566778899", i)), "https://x.com/" + name
			}},
	},
	"YouTube": {
		ytTemplate("kulturforvaltningen", "UCk7tQm2Lr9wXs4Hb1Vn3Pqe"),
		ytTemplate("utbildningsforvaltningen", "UCp2Wd8sYh5Kq1Ne7Rz3Tb4m"),
	},
	"Mastodon": {
		mastodonTemplate("kulturforvaltningen", "109313116078104456"),
		mastodonTemplate("stadsbiblioteket", "109703921664047167"),
		mastodonTemplate("sommarskolan", "112314227097665426"),
		mastodonTemplate("svoa", "110298299105331112"),
	},
	"Bluesky": {
		bskyTemplate("kultur.stockholm.se", "did:plc:w4xqk2hbn7ltr5ysa3mcjv6e"),
		bskyTemplate("ostermalm.bsky.social", "did:plc:q3nv6ztkbx7hm2rcyl5wfo4d"),
	},
}

func fbTemplate(name, id string) quarterTemplate {
	return quarterTemplate{platform: "Facebook", host: "graph.demo.example",
		// The page, its posts, and its posts' comments (/v21.0/PAGEID_POSTID/comments).
		pick: either(either(hasPath("/v21.0/"+name), hasPath("/v21.0/"+id)),
			func(r fixtureserver.Route) bool { return strings.HasPrefix(r.Path, "/v21.0/"+id+"_") }),
		swaps: func(i int) ([]string, string) {
			n := fmt.Sprintf("sida%04d", i)
			return identity(name, n, id, idLike(id, i)), "https://www.facebook.com/" + n
		}}
}

// isInstagramComments picks a media's comments: /v21.0/MEDIAID/comments,
// where a Facebook post's comments have PAGEID_POSTID.
func isInstagramComments(r fixtureserver.Route) bool {
	id, ok := strings.CutSuffix(strings.TrimPrefix(r.Path, "/v21.0/"), "/comments")
	return ok && id != "" && !strings.Contains(id, "_") && !strings.Contains(id, "/")
}

func igTemplate(name string) quarterTemplate {
	return quarterTemplate{platform: "Instagram", host: "graph.demo.example",
		pick: hasQuery("fields", "business_discovery.username("+name+")"),
		swaps: func(i int) ([]string, string) {
			n := fmt.Sprintf("konto%04d", i)
			return identity(name, n), "https://www.instagram.com/" + n + "/"
		}}
}

func ytTemplate(handle, channel string) quarterTemplate {
	return quarterTemplate{platform: "YouTube", host: "youtube.demo.example",
		pick: either(hasPath("/@"+handle), hasQuery("channel_id", channel)),
		swaps: func(i int) ([]string, string) {
			n := fmt.Sprintf("konto%04d", i)
			return identity(handle, n, channel, idLike(channel, i)), "https://www.youtube.com/@" + n
		}}
}

func mastodonTemplate(name, id string) quarterTemplate {
	return quarterTemplate{platform: "Mastodon", host: "mastodon.demo.example",
		pick: either(hasQuery("acct", name), hasPath("/api/v1/accounts/"+id)),
		swaps: func(i int) ([]string, string) {
			n := fmt.Sprintf("konto%04d", i)
			return identity(name, n, id, idLike(id, i)), "https://mastodon.demo.example/@" + n
		}}
}

func bskyTemplate(handle, did string) quarterTemplate {
	return quarterTemplate{platform: "Bluesky", host: "appview.demo.example",
		// The profile and feed, and the threads under its posts.
		pick: either(either(hasQuery("actor", handle), hasQuery("actor", did)),
			func(r fixtureserver.Route) bool { return strings.HasPrefix(r.Query["uri"], "at://"+did+"/") }),
		swaps: func(i int) ([]string, string) {
			n := fmt.Sprintf("konto%04d.bsky.social", i)
			pairs := identity(handle, n, did, idLike(did, i))
			pairs = append(pairs, "/profile/"+handle, "/profile/"+n)
			return pairs, "https://bsky.app/profile/" + n
		}}
}

// quarterBlogTemplates are the demo's blogs and news pages, copied onto
// quarterBlogHosts hosts; path is the page the registry links to.
var quarterBlogTemplates = []struct{ host, path, platform string }{
	{"kulturbloggen.demo.example", "/", "Blogg"},
	{"parklekar.demo.example", "/", "Blogg"},
	{"press.svoa.demo.example", "/nyheter/", "Webbplats"},
	{"skolbiblioteken.demo.example", "/", "Blogg"},
}

// quarterAccount is one registry row of the quarter.
type quarterAccount struct{ platform, link string }

// quarterFixtures builds the fixture tree of the quarter's 800 accounts
// (the demo's platform hosts with cloned accounts, and the blog hosts)
// and the accounts, per platform in the order of quarterMix.
func quarterFixtures(tb testing.TB) (fstest.MapFS, map[string][]quarterAccount) {
	tb.Helper()
	demo, err := demo.Hosts()
	if err != nil {
		tb.Fatal(err)
	}
	out := fstest.MapFS{}
	accounts := map[string][]quarterAccount{}
	shared := map[string][]fixtureserver.Route{} // host -> cloned routes
	i := 0
	for _, m := range quarterMix {
		if m.platform == "Blogg" {
			continue
		}
		tmpls := quarterTemplates[m.platform]
		for k := 0; k < m.n; k++ {
			i++
			t := tmpls[k%len(tmpls)]
			pairs, link := t.swaps(i)
			routes := cloneRoutes(tb, demo, out, t.host, t.host, t.pick, fmt.Sprintf("q%04d", i), strings.NewReplacer(pairs...))
			if len(routes) == 0 {
				tb.Fatalf("%s: no route of %s to clone", t.host, m.platform)
			}
			shared[t.host] = append(shared[t.host], routes...)
			accounts[m.platform] = append(accounts[m.platform], quarterAccount{m.platform, link})
		}
	}
	for host, routes := range shared {
		// Hosts that serve robots.txt keep it.
		routes = append(routes, cloneRoutes(tb, demo, out, host, host, hasPath("/robots.txt"), "", strings.NewReplacer())...)
		// Instagram clones keep their template's media ids, so one copy
		// of each media's comments answers every clone.
		routes = append(routes, cloneRoutes(tb, demo, out, host, host, isInstagramComments, "", strings.NewReplacer())...)
		writeRoutes(tb, out, host, routes)
	}
	blogs := 0
	for _, m := range quarterMix {
		if m.platform == "Blogg" {
			blogs = m.n
		}
	}
	perHost := (blogs + quarterBlogHosts - 1) / quarterBlogHosts
	for h := 0; h < quarterBlogHosts; h++ {
		t := quarterBlogTemplates[h%len(quarterBlogTemplates)]
		host := fmt.Sprintf("blogg%02d.quarter.example", h+1)
		var routes []fixtureserver.Route
		for k := 0; k < perHost && h*perHost+k < blogs; k++ {
			i++
			prefix := fmt.Sprintf("/konto%04d", i)
			// The blog moves under its own path: absolute links to the
			// template's host and root-relative links follow it.
			r := strings.NewReplacer("https://"+t.host+"/", "https://"+host+prefix+"/", `="/`, `="`+prefix+"/")
			cloned := cloneRoutes(tb, demo, out, t.host, host, func(r fixtureserver.Route) bool { return r.Path != "/robots.txt" }, prefix[1:], r)
			for j := range cloned {
				cloned[j].Path = prefix + cloned[j].Path
			}
			routes = append(routes, cloned...)
			accounts["Blogg"] = append(accounts["Blogg"], quarterAccount{t.platform, "https://" + host + prefix + t.path})
		}
		robots := cloneRoutes(tb, demo, out, t.host, host, hasPath("/robots.txt"), "", strings.NewReplacer())
		if len(robots) == 0 {
			// A multisite host has a robots.txt even when the template's
			// single blog had none: WordPress's own.
			robots = []fixtureserver.Route{{Path: "/robots.txt", Responses: []fixtureserver.Response{{
				Headers: map[string]string{"Content-Type": "text/plain; charset=utf-8"},
				Body:    "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n",
			}}}}
		}
		writeRoutes(tb, out, host, append(routes, robots...))
	}
	return out, accounts
}

// cloneRoutes copies the routes of the demo's host that pick selects
// onto dst, with r applied to their paths, queries, headers and bodies;
// body files go under dir (unchanged names when dir is empty).
func cloneRoutes(tb testing.TB, demo fs.FS, out fstest.MapFS, host, dst string, pick func(fixtureserver.Route) bool, dir string, r *strings.Replacer) []fixtureserver.Route {
	tb.Helper()
	data, err := fs.ReadFile(demo, host+"/routes.json")
	if err != nil {
		tb.Fatal(err)
	}
	var routes, picked []fixtureserver.Route
	if err := json.Unmarshal(data, &routes); err != nil {
		tb.Fatal(err)
	}
	for _, rt := range routes {
		if !pick(rt) {
			continue
		}
		raw, err := json.Marshal(rt)
		if err != nil {
			tb.Fatal(err)
		}
		var c fixtureserver.Route
		if err := json.Unmarshal([]byte(r.Replace(string(raw))), &c); err != nil {
			tb.Fatal(err)
		}
		for k, resp := range c.Responses {
			if resp.File == "" {
				continue
			}
			body, err := fs.ReadFile(demo, path.Join(host, rt.Responses[k].File))
			if err != nil {
				tb.Fatal(err)
			}
			c.Responses[k].File = path.Join(dir, rt.Responses[k].File)
			out[path.Join(dst, c.Responses[k].File)] = &fstest.MapFile{Data: []byte(r.Replace(string(body)))}
		}
		picked = append(picked, c)
	}
	return picked
}

// writeRoutes writes host's routes in the order given: the server
// takes the first route that matches.
func writeRoutes(tb testing.TB, out fstest.MapFS, host string, routes []fixtureserver.Route) {
	tb.Helper()
	body, err := json.Marshal(routes)
	if err != nil {
		tb.Fatal(err)
	}
	out[host+"/routes.json"] = &fstest.MapFile{Data: body}
}
