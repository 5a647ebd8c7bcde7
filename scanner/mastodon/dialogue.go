package mastodon

import (
	"context"
	"net/url"
	"sort"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Mastodon's limits on a thread's context for a logged-out visitor
// (Api::V1::Statuses::ContextsController): at most this many descendants,
// at most this many levels below the post. A context that reaches either
// may hold more than it shows.
const (
	contextMaxDescendants = 60
	contextMaxDepth       = 20
)

// statusContext is the part of Mastodon's Context entity the adapter
// reads: the replies below a status, at every depth, in thread order.
type statusContext struct {
	Descendants []status `json:"descendants"`
}

// contextURL is the API address of a status's thread.
func contextURL(server, id string) string {
	return server + "/api/v1/statuses/" + url.PathEscape(id) + "/context"
}

// dialogue reads the replies under the account's own posts published from
// since on that the server counts replies for, the newest a.maxThreads of
// them, one request each. self is the account's id. A thread whose request
// fails is kept with Cut set; only an interrupted scan returns an error,
// so that the account is reported as not reached rather than judged on
// part of its threads.
func (a *Adapter) dialogue(ctx context.Context, server, self string, tl timeline, since time.Time) (*scanner.Dialogue, error) {
	counted := func(p scanner.Post) bool { return tl.replies[p.ID] > 0 }
	return scanner.ReadDialogue(ctx, tl.posts, since, a.maxThreads, counted, func(ctx context.Context, p scanner.Post) (scanner.Thread, error) {
		th := scanner.Thread{PostID: p.ID, URL: p.URL, Published: p.Published, Source: contextURL(server, p.ID)}
		if err := a.readThread(ctx, th.Source, self, &th); err != nil {
			if ctx.Err() != nil {
				return th, err
			}
			th.Cut = scanner.AsFetchError(err)
		}
		return th, nil
	})
}

// readThread fills th with the replies of the context at u, oldest first.
// A reply whose date cannot be read is left out, and the thread is then
// cut with the reason: its answer could be the one missing.
func (a *Adapter) readThread(ctx context.Context, u, self string, th *scanner.Thread) error {
	var c statusContext
	if _, err := a.getJSON(ctx, u, false, &c); err != nil {
		return err
	}
	c.replies(u, self, th)
	return nil
}

// replies fills th with the descendants of c, read from u, for the account
// whose id is self, oldest first.
func (c statusContext) replies(u, self string, th *scanner.Thread) {
	depth := map[string]int{th.PostID: 0}
	for _, s := range c.Descendants {
		r, err := s.reply(u, self, th.PostID)
		if err != nil {
			if th.Cut == nil {
				th.Cut = scanner.AsFetchError(err)
			}
			continue
		}
		// Mastodon lists descendants depth first, a parent before its
		// replies, so the parent's depth is known when its reply comes.
		d := depth[r.Parent] + 1
		depth[r.ID] = d
		if d >= contextMaxDepth && s.RepliesCount > 0 {
			th.More = true
		}
		th.Replies = append(th.Replies, r)
	}
	if len(c.Descendants) >= contextMaxDescendants {
		th.More = true
	}
	sort.SliceStable(th.Replies, func(i, j int) bool { return th.Replies[i].Published.Before(th.Replies[j].Published) })
}

// reply converts a descendant of the thread of the post postID, read from
// u, for the account whose id is self. Its text is plain, as a post's.
func (s status) reply(u, self, postID string) (scanner.Reply, error) {
	p, err := s.post(u, self)
	if err != nil {
		return scanner.Reply{}, err
	}
	r := scanner.Reply{
		ID:        s.ID,
		URL:       p.URL,
		Parent:    postID,
		Author:    s.Account.Acct,
		ByAccount: s.Account.ID != "" && s.Account.ID == self,
		Published: p.Published,
		Text:      scanner.ReplyText(p.Text),
	}
	if s.InReplyToID != nil && *s.InReplyToID != "" {
		r.Parent = *s.InReplyToID
	}
	return r, nil
}
