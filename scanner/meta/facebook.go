package meta

import (
	"context"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// pageFields are the Page fields the adapter reads.
const pageFields = "id,name,about,description,website,emails,phone,link,username"

// postFields are the Post fields the adapter reads.
const postFields = "created_time,message,permalink_url"

// pageIDRe matches a Page id as Graph returns it.
var pageIDRe = regexp.MustCompile(`^[0-9]{1,25}$`)

// page is the part of Graph's Page node the adapter reads.
type page struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	About       string   `json:"about"`
	Description string   `json:"description"`
	Website     string   `json:"website"` // one or more addresses, separated by white space
	Emails      []string `json:"emails"`
	Phone       string   `json:"phone"`
	Link        string   `json:"link"`
	Username    string   `json:"username"`
}

// postsPage is one page of a Page's /posts edge.
type postsPage struct {
	Data []struct {
		ID           string `json:"id"`
		CreatedTime  string `json:"created_time"`
		Message      string `json:"message"`
		PermalinkURL string `json:"permalink_url"`
	} `json:"data"`
	Paging paging `json:"paging"`
}

// Facebook fetches Facebook pages. It implements scanner.Adapter.
type Facebook struct {
	g graph
}

var _ scanner.Adapter = (*Facebook)(nil)

// NewFacebook returns a Facebook adapter that does all HTTP through f.
func NewFacebook(f scanner.Fetcher, cfg Config) *Facebook {
	return &Facebook{g: newGraph(f, cfg)}
}

// Fetch reads the page named by the account's link and pages through its
// own posts (the /posts edge; /feed would add visitors' posts), newest
// first, until a page of posts reaches back before since, the history
// ends, or the page cap is reached. Without a token the account is
// unsupported (scanner.NeedsMetaToken).
func (a *Facebook) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	if a.g.token == "" {
		return scanner.Fetched{}, &scanner.Unsupported{Reason: scanner.NeedsMetaToken}
	}
	ref, err := ParseFacebookURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	pu := a.g.base + "/" + url.PathEscape(ref) + "?fields=" + pageFields
	var pg page
	if err := a.g.get(ctx, pu, &pg); err != nil {
		return scanner.Fetched{}, err
	}
	if !pageIDRe.MatchString(pg.ID) {
		return scanner.Fetched{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: pu, Detail: "the page has no numeric id"}
	}
	first := a.g.base + "/" + pg.ID + "/posts?fields=" + postFields + "&limit=" + pageLimit
	posts, complete, err := a.posts(ctx, first, since)
	if err != nil {
		return scanner.Fetched{}, err
	}
	sources := []string{pu}
	if l := bareURL(pg.Link); l != "" {
		sources = append(sources, l)
	}
	return scanner.Fetched{
		Profile:       pageProfile(pg),
		Posts:         posts,
		CompleteSince: complete,
		Sources:       append(sources, first),
	}, nil
}

// posts pages from first along paging.next. complete is zero when the
// history ended, else the time of the oldest post fetched. Every post of
// the /posts edge is the page's own.
func (a *Facebook) posts(ctx context.Context, first string, since time.Time) (posts []scanner.Post, complete time.Time, err error) {
	next := first
	for n := 1; ; n++ {
		var pp postsPage
		if err := a.g.get(ctx, next, &pp); err != nil {
			return nil, time.Time{}, err
		}
		if len(pp.Data) == 0 {
			return sorted(posts), time.Time{}, nil
		}
		for _, d := range pp.Data {
			t, err := parseTime(d.CreatedTime)
			if err != nil {
				return nil, time.Time{}, timeError(next, "post "+d.ID, "created_time", d.CreatedTime, err)
			}
			if complete.IsZero() || t.Before(complete) {
				complete = t
			}
			posts = append(posts, scanner.Post{ID: d.ID, URL: d.PermalinkURL, Published: t})
		}
		switch {
		case strings.TrimSpace(pp.Paging.Next) == "":
			return sorted(posts), time.Time{}, nil
		case complete.Before(since), n >= a.g.maxPages:
			return sorted(posts), complete, nil
		}
		if next, err = a.g.follow(next, pp.Paging.Next); err != nil {
			return nil, time.Time{}, err
		}
	}
}

// pageProfile normalises a Page: about and description are its
// self-description; website addresses, addresses written in the prose,
// e-mail addresses and the phone number are its links.
func pageProfile(pg page) scanner.Profile {
	desc := scanner.JoinText(pg.About, pg.Description)
	if strings.TrimSpace(pg.About) == strings.TrimSpace(pg.Description) {
		desc = strings.TrimSpace(pg.About)
	}
	text := []string{pg.Name, desc}
	var links linkSet
	for _, w := range strings.Fields(pg.Website) {
		links.add(scanner.Link{URL: bareURL(w), Text: "Webbplats"})
	}
	for _, l := range textLinks(desc) {
		links.add(l)
	}
	for _, e := range pg.Emails {
		if e = strings.TrimSpace(e); e != "" {
			text = append(text, "E-post: "+e)
			links.add(scanner.Link{URL: mailtoURL(e), Text: "E-post"})
		}
	}
	if p := strings.TrimSpace(pg.Phone); p != "" {
		text = append(text, "Telefon: "+p)
		links.add(scanner.Link{URL: telURL(p), Text: "Telefon"})
	}
	return scanner.Profile{
		DisplayName: strings.TrimSpace(pg.Name),
		Description: desc,
		Text:        scanner.JoinText(text...),
		Links:       links.list,
	}
}

// sorted orders posts newest first; equal times keep Graph's order.
func sorted(posts []scanner.Post) []scanner.Post {
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].Published.After(posts[j].Published) })
	return posts
}
