package web

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFetch(t *testing.T) {
	rssText := strings.Join([]string{
		"Hoppa till innehåll", "Kulturbloggen", "Om bloggen", "Regler för kommentarer", "Meny",
		"Höstlov på biblioteken", "Pyssel, film och sagostunder & mer för hela familjen.",
		"Kulturnatt Stockholm 2026", "Programmet är ute nu.",
		"Kulturbloggen drivs av Kulturförvaltningen, en del av Stockholms stad.",
		"Kontakt: kultur@stockholm.se, 08-508 290 00",
	}, "\n")
	rssDesc := "Kulturförvaltningens blogg om bibliotek, konst och kulturskola i Stockholm."
	wp := func(id int, published string) scanner.Post {
		return scanner.Post{ID: "https://kulturbloggen.example/?p=" + strconv.Itoa(id), URL: wpLink(id), Published: at(published)}
	}
	atomPost := func(slug, published string) scanner.Post {
		return scanner.Post{ID: "tag:stadsbyggnad.example,2026:" + slug, URL: "https://stadsbyggnad.example/blogg/2026/" + slug + ".html", Published: at(published)}
	}
	baseDesc := "Om Miljöförvaltningen Miljöförvaltningen arbetar för en hållbar stad och är en del av Stockholms stad."
	baseText := strings.Join([]string{
		"Till innehållet", "Kontakta Miljöförvaltningen",
		"Ring oss på 08-508 28 000 eller skriv till miljoforvaltningen@stockholm.se.",
		"Felanmälan · Press · Mer på start.stockholm", "Skriv ut Ladda om", "Arkiv",
		"Om Miljöförvaltningen", "Miljöförvaltningen arbetar för en hållbar stad och är en del av Stockholms stad.", "Villkor",
	}, "\n")

	tests := []struct {
		name, tree, url string
		want            scanner.Fetched
		wantSkipped     string // a log line the adapter must write, if any
	}{
		{
			name: "RSS blog with relative feed link and odd dates", tree: "rss-blog", url: "https://kulturbloggen.example/",
			want: scanner.Fetched{
				Profile: scanner.Profile{
					DisplayName: "Kulturbloggen – Stockholms stad",
					Description: rssDesc,
					Text:        "Kulturbloggen – Stockholms stad\n" + rssDesc + "\n" + rssText,
					Links: []scanner.Link{
						{URL: "https://kulturbloggen.example", Text: "Kulturbloggen"},
						{URL: "https://kulturbloggen.example/om-bloggen/", Text: "Om bloggen"},
						{URL: "https://kulturbloggen.example/kommentarsregler/", Text: "Regler för kommentarer"},
						{URL: "https://kulturbloggen.example/2026/09/28/hostlov-pa-biblioteken/", Text: "Höstlov på biblioteken"},
						{URL: "https://kulturbloggen.example/2026/09/21/kulturnatt-2026/", Text: "Kulturnatt Stockholm 2026"},
						{URL: "https://start.stockholm/", Text: "Stockholms stad"},
						{URL: "mailto:kultur@stockholm.se", Text: "kultur@stockholm.se"},
						{URL: "tel:+46850829000", Text: "08-508 290 00"},
					},
				},
				Posts: []scanner.Post{
					wp(1289, "2026-09-28T10:15:00Z"),
					wp(1275, "2026-09-21T07:00:12Z"),
					wp(1260, "2026-09-14T06:30:00Z"), // ISO 8601 instead of RFC 1123
					wp(1240, "2026-08-31T10:00:00Z"),
					wp(1233, "2026-08-24T09:30:00Z"),
				},
				CompleteSince: at("2026-08-24T09:30:00Z"),
				Sources:       []string{"https://kulturbloggen.example/", "https://kulturbloggen.example/feed/"},
				Page:          "https://kulturbloggen.example/",
			},
			wantSkipped: "skipped=1",
		},
		{
			name: "Atom blog uses published before updated", tree: "atom-blog", url: "https://stadsbyggnad.example/blogg/",
			want: scanner.Fetched{
				Profile: scanner.Profile{
					DisplayName: "Stadsbyggnadsbloggen",
					Description: "Stadsbyggnadskontoret i Stockholms stad skriver om hur staden växer.",
					Text:        "Stadsbyggnadsbloggen\nStadsbyggnadskontoret i Stockholms stad skriver om hur staden växer.\nStadsbyggnadsbloggen\nSenaste inlägg\nNy detaljplan för Slakthusområdet\nSamråd i Hagsätra",
					Links: []scanner.Link{
						{URL: "https://stadsbyggnad.example/blogg/2026/ny-detaljplan.html", Text: "Ny detaljplan för Slakthusområdet"},
						{URL: "https://stadsbyggnad.example/blogg/2026/samrad.html", Text: "Samråd i Hagsätra"},
					},
				},
				Posts: []scanner.Post{
					atomPost("ny-detaljplan", "2026-09-25T07:00:00Z"),
					atomPost("samrad", "2026-09-18T13:20:00Z"), // no published: updated
					atomPost("utstallning", "2026-09-02T08:00:00Z"),
					atomPost("arkitekturpris", "2026-08-19T05:30:00Z"),
				},
				CompleteSince: at("2026-08-19T05:30:00Z"),
				Sources:       []string{"https://stadsbyggnad.example/blogg/", "https://stadsbyggnad.example/blogg/atom.xml"},
				Page:          "https://stadsbyggnad.example/blogg/",
			},
		},
		{
			name: "base href, contact links, about fallback, no feed", tree: "base-links", url: "https://forvaltning.example/kontakt",
			want: scanner.Fetched{
				Profile: scanner.Profile{
					DisplayName: "Miljöförvaltningen | Kontakt",
					Description: baseDesc,
					Text:        "Miljöförvaltningen | Kontakt\n" + baseDesc + "\n" + baseText,
					Links: []scanner.Link{
						{URL: "https://forvaltning.example/", Text: "Stockholms stad"},
						{URL: "tel:+46850828000", Text: "08-508 28 000"},
						{URL: "mailto:miljoforvaltningen@stockholm.se?subject=Fr%C3%A5ga", Text: "miljoforvaltningen@stockholm.se"},
						{URL: "https://forvaltning.example/sv/miljo/felanmalan/", Text: "Felanmälan"},
						{URL: "https://forvaltning.example/sv/press/", Text: "Press"},
						{URL: "https://start.stockholm/miljo", Text: "Mer på start.stockholm"},
						{URL: "https://forvaltning.example/sv/miljo/villkor.html", Text: "Villkor"},
					},
				},
				NoDatedPosts: true,
				Sources:      []string{"https://forvaltning.example/kontakt"},
				Page:         "https://forvaltning.example/kontakt",
			},
		},
		{
			name: "WordPress without feed link answers at /feed/", tree: "wordpress-guess", url: "https://wp-feed.example/",
			want: scanner.Fetched{
				Profile: scanner.Profile{DisplayName: "Parkbloggen", Text: "Parkbloggen\nOm parkerna i Stockholm."},
				Posts: []scanner.Post{
					{ID: "https://wp-feed.example/?p=88", URL: "https://wp-feed.example/2026/09/lovhogar/", Published: at("2026-09-29T06:00:00Z")},
					{ID: "https://wp-feed.example/?p=85", URL: "https://wp-feed.example/2026/09/lekplats/", Published: at("2026-09-16T11:00:00Z")},
				},
				CompleteSince: at("2026-09-16T11:00:00Z"),
				Sources:       []string{"https://wp-feed.example/", "https://wp-feed.example/feed/"},
				Page:          "https://wp-feed.example/",
			},
		},
		{
			name: "WordPress whose guessed /feed/ is missing", tree: "wordpress-guess", url: "https://wp-utanflode.example/",
			want: scanner.Fetched{
				Profile:      scanner.Profile{DisplayName: "Parkbloggen", Text: "Parkbloggen\nOm parkerna i Stockholm."},
				NoDatedPosts: true,
				Sources:      []string{"https://wp-utanflode.example/"},
				Page:         "https://wp-utanflode.example/",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, tt.tree)
			var logs bytes.Buffer
			a := New(f, WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
			got, err := a.Fetch(context.Background(), scanner.Account{Name: "Bloggen", URL: tt.url}, at("2026-09-01T00:00:00Z"))
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if diff := cmp.Diff(tt.want, got, ignorePostText); diff != "" {
				t.Errorf("Fetch mismatch (-want +got):\n%s", diff)
			}
			if tt.wantSkipped != "" && !strings.Contains(logs.String(), tt.wantSkipped) {
				t.Errorf("log %q does not mention %q", logs.String(), tt.wantSkipped)
			}
			if tt.wantSkipped == "" && logs.Len() > 0 {
				t.Errorf("unexpected log: %s", logs.String())
			}
			reqs := f.Requests()
			if len(reqs) == 0 || !reqs[0].Page || !strings.Contains(reqs[0].Accept, "text/html") {
				t.Fatalf("first request %+v: want a page request for HTML", reqs)
			}
			for _, r := range reqs[1:] {
				if r.Page || !strings.Contains(r.Accept, "application/rss+xml") || !strings.Contains(r.Accept, "application/atom+xml") {
					t.Errorf("feed request %+v: want Page false and an RSS/Atom Accept", r)
				}
			}
		})
	}
}

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name, tree, url string
		wantKind        scanner.ErrorKind
		wantStatus      int
		wantURL         string
	}{
		{"page missing", "not-found", "https://borta.example/bloggen/", scanner.ErrNotFound, 404, "https://borta.example/bloggen/"},
		{"feed is an HTML page", "broken-feed", "https://trasig.example/", scanner.ErrUnparseable, 0, "https://trasig.example/rss.xml"},
		{"announced feed missing", "broken-feed", "https://gammal.example/", scanner.ErrHTTPStatus, 404, "https://gammal.example/rss.xml"},
		{"not a web address", "not-found", "borta.example/bloggen", scanner.ErrInvalidInput, 0, "borta.example/bloggen"},
		{"not http", "not-found", "mailto:info@borta.example", scanner.ErrInvalidInput, 0, "mailto:info@borta.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(serve(t, tt.tree)).Fetch(context.Background(), scanner.Account{URL: tt.url}, at("2026-09-01T00:00:00Z"))
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("Fetch error = %v, want a *scanner.FetchError", err)
			}
			if fe.Kind != tt.wantKind || fe.StatusCode != tt.wantStatus || fe.URL != tt.wantURL {
				t.Errorf("error = %+v, want kind %s, status %d, URL %s", fe, tt.wantKind, tt.wantStatus, tt.wantURL)
			}
		})
	}
}

func wpLink(id int) string {
	slugs := map[int]string{
		1289: "2026/09/28/hostlov-pa-biblioteken", 1275: "2026/09/21/kulturnatt-2026", 1260: "2026/09/14/nya-oppettider",
		1240: "2026/08/31/ansok-om-kulturstod", 1233: "2026/08/24/konst-i-tunnelbanan",
	}
	return "https://kulturbloggen.example/" + slugs[id] + "/"
}
