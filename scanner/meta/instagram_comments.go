package meta

import (
	"context"
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// igCommentFields are the IG Comment fields the adapter reads, with each
// comment's replies nested: Instagram has one level of replies, so one
// request reads a whole conversation. username is asked for beside from,
// as older answers give only the former.
const igCommentFields = "id,text,timestamp,username,from,replies{id,text,timestamp,username,from}"

// commentLimit is how many top-level comments one request asks for.
const commentLimit = "50"

// igComment is an IG Comment as the /comments edge returns it.
type igComment struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Timestamp string `json:"timestamp"`
	Username  string `json:"username"`
	From      *struct {
		ID       string `json:"id"`
		Username string `json:"username"`
	} `json:"from"`
}

// igComments is one page of a media item's /comments edge.
type igComments struct {
	Data []struct {
		igComment
		Replies *struct {
			Data   []igComment `json:"data"`
			Paging paging      `json:"paging"`
		} `json:"replies"`
	} `json:"data"`
	Paging paging `json:"paging"`
}

// commentsURL is the first page of a media item's comments.
func (a *Instagram) commentsURL(p scanner.Post) string {
	return a.g.base + "/" + url.PathEscape(p.ID) + "/comments?fields=" + fieldsEscape(igCommentFields) + "&limit=" + commentLimit
}

// commentPage reads one page of a media item's comments on the account
// username: a comment under that name is the account's. Instagram gives
// no address of a single comment, so the replies have no URL.
func (a *Instagram) commentPage(username string) commentPage {
	return func(ctx context.Context, p scanner.Post, u string) ([]scanner.Reply, string, bool, error) {
		var c igComments
		if err := a.g.get(ctx, u, &c); err != nil {
			return nil, "", false, err
		}
		var out []scanner.Reply
		var cut error
		more := false
		add := func(ic igComment, parent string) error {
			t, err := parseTime(ic.Timestamp)
			if err != nil {
				return timeError(u, "comment "+ic.ID, "timestamp", ic.Timestamp, err)
			}
			name := strings.TrimSpace(ic.Username)
			if name == "" && ic.From != nil {
				name = strings.TrimSpace(ic.From.Username)
			}
			if name == "" {
				cut = unknownAuthor(u, "username")
			}
			out = append(out, scanner.Reply{ID: ic.ID, Parent: parent, Author: name,
				ByAccount: name != "" && strings.EqualFold(name, username), Published: t, Text: scanner.ReplyText(ic.Text)})
			return nil
		}
		for _, d := range c.Data {
			if err := add(d.igComment, p.ID); err != nil {
				return out, "", false, err
			}
			if d.Replies == nil {
				continue
			}
			for _, r := range d.Replies.Data {
				if err := add(r, d.ID); err != nil {
					return out, "", false, err
				}
			}
			// Replies paged further may hold the account's answer.
			more = more || strings.TrimSpace(d.Replies.Paging.Next) != ""
		}
		if cut != nil {
			return out, "", more, cut
		}
		return out, c.Paging.Next, more, nil
	}
}
