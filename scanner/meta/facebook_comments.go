package meta

import (
	"context"
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// commentFields are the Comment fields the adapter reads. With
// filter=stream the edge lists every comment of the post, replies to
// comments included, each with its parent, oldest first: one request
// reads a whole conversation. The nested form, comments{comments{…}},
// would page each comment's replies separately, a request more for every
// comment with many of them.
const commentFields = "id,from,message,created_time,parent{id},permalink_url"

// fbComments is one page of a post's /comments edge.
type fbComments struct {
	Data []struct {
		ID   string `json:"id"`
		From *struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"from"`
		Message     string `json:"message"`
		CreatedTime string `json:"created_time"`
		Parent      *struct {
			ID string `json:"id"`
		} `json:"parent"`
		PermalinkURL string `json:"permalink_url"`
	} `json:"data"`
	Paging paging `json:"paging"`
}

// commentsURL is the first page of a post's comments.
func (a *Facebook) commentsURL(p scanner.Post) string {
	return a.g.base + "/" + url.PathEscape(p.ID) + "/comments?fields=" + fieldsEscape(commentFields) +
		"&filter=stream&order=chronological&limit=" + pageLimit
}

// commentPage reads one page of a post's comments on the page pageID: a
// comment by the page itself is the account's.
func (a *Facebook) commentPage(pageID string) commentPage {
	return func(ctx context.Context, p scanner.Post, u string) ([]scanner.Reply, string, bool, error) {
		var c fbComments
		if err := a.g.get(ctx, u, &c); err != nil {
			return nil, "", false, err
		}
		var out []scanner.Reply
		var cut error
		for _, d := range c.Data {
			t, err := parseTime(d.CreatedTime)
			if err != nil {
				return out, "", false, timeError(u, "comment "+d.ID, "created_time", d.CreatedTime, err)
			}
			r := scanner.Reply{ID: d.ID, URL: d.PermalinkURL, Parent: p.ID, Published: t, Text: scanner.ReplyText(d.Message)}
			if d.Parent != nil && strings.TrimSpace(d.Parent.ID) != "" {
				r.Parent = d.Parent.ID
			}
			if d.From == nil || strings.TrimSpace(d.From.ID) == "" {
				cut = unknownAuthor(u, "from")
			} else {
				r.Author = strings.TrimSpace(d.From.Name)
				r.ByAccount = d.From.ID == pageID
			}
			out = append(out, r)
		}
		if cut != nil {
			return out, "", false, cut
		}
		return out, c.Paging.Next, false, nil
	}
}
