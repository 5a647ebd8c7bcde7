package web

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestNamesAbout(t *testing.T) {
	tests := map[string]bool{
		"om-oss": true, "footer__om": true, "about": true, "site-about us": true, "Om_bloggen": true,
		"bottom": false, "comments": false, "home": false, "aboutpage": false, "": false,
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := namesAbout(in); got != want {
				t.Errorf("namesAbout(%q) = %v, want %v", in, got, want)
			}
		})
	}
}

func TestParsePageFeedsAndDescription(t *testing.T) {
	page, _ := url.Parse("https://blogg.example/a/b/")
	tests := []struct {
		name, html string
		wantFeeds  []string
		wantDesc   string
		wantWP     bool
	}{
		{"relative atom", `<link rel="alternate" type="application/atom+xml" href="../feed.atom">`, []string{"https://blogg.example/a/feed.atom"}, "", false},
		{"type with parameters and case", `<LINK REL="Alternate" TYPE="Application/RSS+XML; charset=utf-8" HREF="/rss">`, []string{"https://blogg.example/rss"}, "", false},
		{"not a feed", `<link rel="alternate" hreflang="en" href="/en/"><link rel="stylesheet" type="application/rss+xml" href="/x">`, nil, "", false},
		{"meta over og", `<meta property="og:description" content="og"><meta name="Description" content=" Riktig  text ">`, nil, "Riktig text", false},
		{"og fallback", `<meta property="og:description" content="Från og">`, nil, "Från og", false},
		{"about element", `<body class="page-about"><div id="om-oss"><p>Vi är</p><p>staden</p></div></body>`, nil, "Vi är staden", false},
		{"wordpress", `<meta name="generator" content="WordPress 6.6.2">`, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePage([]byte(tt.html), page)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(p.Feeds, " ") != strings.Join(tt.wantFeeds, " ") || p.Description != tt.wantDesc || p.WordPress != tt.wantWP {
				t.Errorf("feeds %q, description %q, WordPress %v; want %q, %q, %v", p.Feeds, p.Description, p.WordPress, tt.wantFeeds, tt.wantDesc, tt.wantWP)
			}
		})
	}
}

func FuzzParsePage(f *testing.F) {
	f.Add(`<html><head><base href="/x/"><title>T</title><link rel="alternate" type="application/rss+xml" href="feed"></head><body><p>a <a href="b">c</a></p><a href="javascript:x">j</a><a href="#top">t</a><a href="tel:08-508 290 00">tel</a></body></html>`)
	f.Add(`<base href="http://[::1"><a href="http://%zz">x</a><div class="om"><script>1</script></div>`)
	f.Add("\x00<noscript><p>n</p></noscript>\xff<template>t</template>")
	page, _ := url.Parse("https://blogg.example/sida/")
	f.Fuzz(func(t *testing.T, html string) {
		p, err := parsePage([]byte(html), page)
		if err != nil {
			return
		}
		for _, line := range strings.Split(p.Text, "\n") {
			if p.Text != "" && (line == "" || line != strings.TrimSpace(line) || strings.Contains(line, "  ")) {
				t.Errorf("text line %q is empty or not collapsed", line)
			}
		}
		for _, l := range p.Links {
			u, err := url.Parse(l.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" && u.Scheme != "tel") {
				t.Errorf("link %q: not an absolute http(s), mailto or tel URL", l.URL)
			}
		}
		for _, fu := range p.Feeds {
			if u, err := url.Parse(fu); err != nil || u.Host == "" {
				t.Errorf("feed %q is not absolute", fu)
			}
		}
	})
}

func FuzzFeed(f *testing.F) {
	f.Add(`<rss version="2.0"><channel><item><pubDate>Mon, 28 Sep 2026 10:15:00 +0000</pubDate></item><item><pubDate>igår</pubDate></item></channel></rss>`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><published>2026-09-25T09:00:00+02:00</published><updated>x</updated></entry></feed>`)
	f.Fuzz(func(t *testing.T, body string) {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader([]byte(body)))
		if err != nil {
			return
		}
		fp := postsOf(feed)
		if len(fp.Posts)+fp.Undated > len(feed.Items) {
			t.Errorf("%d posts and %d undated from %d items", len(fp.Posts), fp.Undated, len(feed.Items))
		}
		for i, p := range fp.Posts {
			if i > 0 && p.Published.After(fp.Posts[i-1].Published) {
				t.Errorf("posts not newest first at %d", i)
			}
			if p.Published.Before(fp.Oldest) {
				t.Errorf("post %v older than Oldest %v", p.Published, fp.Oldest)
			}
		}
	})
}
