package meta

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// mediaFields are the IG Media fields the adapter asks for;
// comments_count says which media have comments worth a request.
const mediaFields = "{timestamp,caption,permalink,media_type,comments_count}"

// cursorRe matches a Graph paging cursor. Cursors go inside the fields
// expression, so one with other characters could change the request.
var cursorRe = regexp.MustCompile(`^[A-Za-z0-9_\-=]{1,1000}$`)

// igUserIDRe matches an Instagram professional account id.
var igUserIDRe = regexp.MustCompile(`^[0-9]{1,25}$`)

// discovery is the answer of a business_discovery request.
type discovery struct {
	BusinessDiscovery *discoveryPage `json:"business_discovery"`
	ID                string         `json:"id"`
}

// Instagram fetches Instagram professional (business and creator)
// accounts through business_discovery on the city's own account. It
// implements scanner.Adapter.
type Instagram struct {
	g      graph
	userID string
}

var _ scanner.Adapter = (*Instagram)(nil)

// NewInstagram returns an Instagram adapter that does all HTTP through f.
func NewInstagram(f scanner.Fetcher, cfg Config) *Instagram {
	return &Instagram{g: newGraph(f, cfg), userID: strings.TrimSpace(cfg.InstagramUserID)}
}

// Fetch looks the account named by the link up with business_discovery
// and pages through its media, newest first, until a page reaches back
// before since, the history ends, or the page cap is reached. Every media
// item is the account's own post: business_discovery lists only what the
// account published itself. When a later page fails or repeats one
// already read, the profile and the media read so far are kept and
// PostsCut says why. Then it reads the comments of the newest media since
// since that have any (Config.MaxThreads). Without a token the account is unsupported
// (scanner.NeedsMetaToken); without the city's own Instagram user id it
// cannot be looked up (ErrInvalidInput).
func (a *Instagram) Fetch(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
	if a.g.token == "" {
		return scanner.Fetched{}, &scanner.Unsupported{Reason: scanner.NeedsMetaToken}
	}
	if !igUserIDRe.MatchString(a.userID) {
		detail := "instagram-user-id is not configured (needed for business_discovery)"
		if a.userID != "" {
			detail = "instagram-user-id is not a numeric Instagram user id (needed for business_discovery)"
		}
		return scanner.Fetched{}, &scanner.FetchError{Kind: scanner.ErrInvalidInput, URL: acc.URL, Detail: detail}
	}
	name, err := ParseInstagramURL(acc.URL)
	if err != nil {
		return scanner.Fetched{}, err
	}
	var (
		out       scanner.Fetched
		cursor    string
		pg        scanner.Pages
		done      bool // the history ended
		username  = name
		commented = map[string]bool{}
	)
	pg.Use(cursor)
	for n := 1; ; n++ {
		u := a.discoveryURL(name, cursor)
		bd, media, err := a.page(ctx, u, commented)
		if err != nil {
			if out.PostsCut = scanner.LaterPageCut(ctx, n, err); out.PostsCut == nil {
				return scanner.Fetched{}, err
			}
			break
		}
		if n == 1 {
			out.Profile = igProfile(bd.Name, bd.Username, bd.Biography, bd.Website)
			out.Page = "https://www.instagram.com/" + name + "/"
			out.Sources = []string{u, out.Page}
			if v := strings.TrimSpace(bd.Username); v != "" {
				username = v
			}
		}
		if len(media) == 0 {
			done = true
			break
		}
		if pg.AddFrom(u, media...) == 0 {
			out.PostsCut = scanner.RepeatedPage(u, "media")
			break
		}
		after := bd.Media.Paging.Cursors.After
		// business_discovery gives only a cursor, no paging.next: the
		// history ends when the cursor is gone or media_count is reached.
		if after == "" || (bd.MediaCount > 0 && pg.Len() >= bd.MediaCount) {
			done = true
			break
		}
		if pg.Oldest().Before(since) || n >= a.g.maxPages {
			break
		}
		if !cursorRe.MatchString(after) {
			out.PostsCut = scanner.PagingStopped(u, "the media paging cursor is not usable")
			break
		}
		if pg.Use(after) {
			out.PostsCut = scanner.ReusedCursor(u, "media cursor", after)
			break
		}
		cursor = after
	}
	out.Posts = pg.Posts()
	if !done {
		out.CompleteSince = pg.Oldest()
	}
	if out.Dialogue, err = a.g.dialogue(ctx, out.Posts, commented, since, a.commentsURL, a.commentPage(username)); err != nil {
		return scanner.Fetched{}, err
	}
	return out, nil
}

// discoveryPage is the business_discovery object of one answer.
type discoveryPage = struct {
	ID         string `json:"id"`
	Username   string `json:"username"`
	Name       string `json:"name"`
	Biography  string `json:"biography"`
	Website    string `json:"website"`
	MediaCount int    `json:"media_count"`
	Media      struct {
		Data []struct {
			ID        string `json:"id"`
			Timestamp string `json:"timestamp"`
			Caption   string `json:"caption"`
			Permalink string `json:"permalink"`
			MediaType string `json:"media_type"`
			// CommentsCount counts the comments and their replies.
			CommentsCount int `json:"comments_count"`
		} `json:"data"`
		Paging paging `json:"paging"`
	} `json:"media"`
}

// page fetches one business_discovery answer and converts its media; it
// marks the media with comments in commented.
func (a *Instagram) page(ctx context.Context, u string, commented map[string]bool) (*discoveryPage, []scanner.Post, error) {
	var d discovery
	if err := a.g.get(ctx, u, &d); err != nil {
		return nil, nil, err
	}
	bd := d.BusinessDiscovery
	if bd == nil {
		return nil, nil, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the answer has no business_discovery"}
	}
	posts := make([]scanner.Post, 0, len(bd.Media.Data))
	for _, m := range bd.Media.Data {
		t, err := parseTime(m.Timestamp)
		if err != nil {
			return nil, nil, timeError(u, "media "+m.ID, "timestamp", m.Timestamp, err)
		}
		posts = append(posts, scanner.Post{ID: m.ID, URL: m.Permalink, Published: t, Text: m.Caption})
		if m.CommentsCount > 0 {
			commented[m.ID] = true
		}
	}
	return bd, posts, nil
}

// discoveryURL is the business_discovery request for the account name,
// at the media page after cursor ("" for the first page).
func (a *Instagram) discoveryURL(name, cursor string) string {
	media := "media"
	if cursor != "" {
		media += ".after(" + cursor + ")"
	}
	fields := "business_discovery.username(" + name + "){username,name,biography,website,media_count," +
		media + ".limit(" + pageLimit + ")" + mediaFields + "}"
	return a.g.base + "/" + a.userID + "?fields=" + fieldsEscape(fields)
}

// fieldsEscape query-escapes a fields expression but keeps the characters
// of its syntax that a query may hold as they are, so the recorded URL
// stays readable.
func fieldsEscape(s string) string {
	return strings.NewReplacer("%2C", ",", "%28", "(", "%29", ")").Replace(url.QueryEscape(s))
}

// igProfile normalises an Instagram account: the biography is its
// self-description; the website and addresses written in the biography
// are its links. A Graph placeholder in a field is no value, as on
// Facebook; the biography is one field, so nothing can be doubled.
func igProfile(name, username, bio, website string) scanner.Profile {
	display := value(name)
	if display == "" {
		display = value(username)
	}
	bio = value(bio)
	var links linkSet
	for _, w := range strings.Fields(value(website)) {
		links.add(scanner.Link{URL: bareURL(w), Text: "Webbplats"})
	}
	for _, l := range textLinks(bio) {
		links.add(l)
	}
	return scanner.Profile{
		DisplayName: display,
		Description: bio,
		Text:        scanner.JoinText(display, bio),
		Links:       links.list,
	}
}
