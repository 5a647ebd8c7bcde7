package meta

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// pageFields are the Page fields the adapter reads.
const pageFields = "id,name,about,description,website,emails,phone,link,username"

// postFields are the Post fields the adapter reads. parent_id marks a
// share: Graph sets it on a post that shares another post, and only then.
// status_type is not asked for, as it cannot tell a share from an own
// post: Graph calls a page's own link post "shared_story" too. The
// comments edge, asked for its summary only, counts each post's comments,
// so only posts with comments cost a request for them.
const postFields = "created_time,message,permalink_url,parent_id,comments.limit(0).summary(true)"

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
		ParentID     string `json:"parent_id"`
		Comments     struct {
			Summary struct {
				TotalCount int `json:"total_count"`
			} `json:"summary"`
		} `json:"comments"`
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
// posts (the /posts edge; /feed would add visitors' posts), newest first,
// until a page of posts reaches back before since, the history ends, or
// the page cap is reached. A post sharing another post is a repost, not
// the page's own. When a later page fails or repeats one already read,
// the profile and the posts read so far are kept and PostsCut says why.
// Then it reads the comments of the newest own posts since since that
// have any (Config.MaxThreads). Without a token the account is
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
	first := a.g.base + "/" + pg.ID + "/posts?fields=" + fieldsEscape(postFields) + "&limit=" + pageLimit
	commented := map[string]bool{}
	posts, complete, postsCut, err := a.posts(ctx, first, since, commented)
	if err != nil {
		return scanner.Fetched{}, err
	}
	dialogue, err := a.g.dialogue(ctx, posts, commented, since, a.commentsURL, a.commentPage(pg.ID))
	if err != nil {
		return scanner.Fetched{}, err
	}
	sources := []string{pu}
	page := "https://www.facebook.com/" + pg.ID
	if l := bareURL(pg.Link); l != "" {
		sources = append(sources, l)
		page = l
	}
	return scanner.Fetched{
		Profile:       pageProfile(pg),
		Posts:         posts,
		CompleteSince: complete,
		Sources:       append(sources, first),
		Page:          page,
		PostsCut:      postsCut,
		Dialogue:      dialogue,
	}, nil
}

// posts pages from first along paging.next. complete is zero when the
// history ended, else the time of the oldest post fetched. The first page
// must be read; a later page that fails, a next link already followed or
// leaving Graph, and a page with no post not seen before end the paging
// with what was read, and postsCut says why. Only a cancelled scan fails
// the whole account. The ids of posts with comments go into commented.
func (a *Facebook) posts(ctx context.Context, first string, since time.Time, commented map[string]bool) (posts []scanner.Post, complete time.Time, postsCut *scanner.FetchError, err error) {
	var pg scanner.Pages
	next := first
	pg.Use(pageKey(first))
	for n := 1; ; n++ {
		ps, link, err := a.postsPage(ctx, next, commented)
		if err != nil {
			if postsCut = scanner.LaterPageCut(ctx, n, err); postsCut == nil {
				return nil, time.Time{}, nil, err
			}
			return pg.Posts(), pg.Oldest(), postsCut, nil
		}
		if len(ps) == 0 {
			return pg.Posts(), time.Time{}, nil, nil
		}
		fresh := pg.AddFrom(next, ps...)
		switch {
		case fresh == 0:
			return pg.Posts(), pg.Oldest(), scanner.RepeatedPage(next, "posts"), nil
		case strings.TrimSpace(link) == "":
			return pg.Posts(), time.Time{}, nil, nil
		case pg.Oldest().Before(since), n >= a.g.maxPages:
			return pg.Posts(), pg.Oldest(), nil, nil
		}
		from := next
		if next, err = a.g.follow(from, link); err != nil {
			return pg.Posts(), pg.Oldest(), scanner.AsFetchError(err), nil
		}
		if pg.Use(pageKey(next)) {
			return pg.Posts(), pg.Oldest(), scanner.PagingStopped(from, "the paging.next link "+next+" points to a page already read"), nil
		}
	}
}

// postsPage fetches and converts one page of the /posts edge, returning
// its paging.next link; it marks the posts with comments in commented.
func (a *Facebook) postsPage(ctx context.Context, u string, commented map[string]bool) ([]scanner.Post, string, error) {
	var pp postsPage
	if err := a.g.get(ctx, u, &pp); err != nil {
		return nil, "", err
	}
	posts := make([]scanner.Post, 0, len(pp.Data))
	for _, d := range pp.Data {
		t, err := parseTime(d.CreatedTime)
		if err != nil {
			return nil, "", timeError(u, "post "+d.ID, "created_time", d.CreatedTime, err)
		}
		posts = append(posts, scanner.Post{
			ID:        d.ID,
			URL:       d.PermalinkURL,
			Published: t,
			Repost:    strings.TrimSpace(d.ParentID) != "",
			Text:      d.Message,
		})
		if d.Comments.Summary.TotalCount > 0 {
			commented[d.ID] = true
		}
	}
	return posts, pp.Paging.Next, nil
}

// pageProfile normalises a Page: about and description are its
// self-description, once each; website addresses, addresses written in
// the prose, e-mail addresses and the phone number are its links. Graph's
// placeholders such as <<not-applicable>> are no value.
func pageProfile(pg page) scanner.Profile {
	name := value(pg.Name)
	desc := distinctText(value(pg.About), value(pg.Description))
	text := []string{name, desc}
	var links linkSet
	for _, w := range strings.Fields(value(pg.Website)) {
		links.add(scanner.Link{URL: bareURL(w), Text: "Webbplats"})
	}
	for _, l := range textLinks(desc) {
		links.add(l)
	}
	for _, e := range pg.Emails {
		if e = value(e); e != "" {
			text = append(text, "E-post: "+e)
			links.add(scanner.Link{URL: mailtoURL(e), Text: "E-post"})
		}
	}
	if p := value(pg.Phone); p != "" {
		text = append(text, "Telefon: "+p)
		links.add(scanner.Link{URL: telURL(p), Text: "Telefon"})
	}
	return scanner.Profile{
		DisplayName: name,
		Description: desc,
		Text:        scanner.JoinText(text...),
		Links:       links.list,
	}
}
