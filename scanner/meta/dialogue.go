package meta

import (
	"context"
	"sort"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// maxCommentPages is how many pages of comments are read per post: a
// city post with more than two pages of comments is rare, and the
// thread then says More instead of costing a request after request.
const maxCommentPages = 2

// commentPage reads one page of the post p's comments at u: the replies
// on it, Graph's paging.next link, and whether some replies on it say there
// are more than the page holds (an Instagram comment's replies paged
// further).
type commentPage func(ctx context.Context, p scanner.Post, u string) (replies []scanner.Reply, next string, more bool, err error)

// dialogue reads the comments under the account's own posts published
// from since on that have comments by Graph's own count (commented), the
// newest maxThreads of them. A post whose comments cannot be read is a
// thread cut short, never a failed account; only a cancelled scan fails
// it.
func (g graph) dialogue(ctx context.Context, posts []scanner.Post, commented map[string]bool, since time.Time,
	first func(scanner.Post) string, page commentPage) (*scanner.Dialogue, error) {
	counted := func(p scanner.Post) bool { return commented[p.ID] }
	return scanner.ReadDialogue(ctx, posts, since, g.maxThreads, counted, func(ctx context.Context, p scanner.Post) (scanner.Thread, error) {
		return g.thread(ctx, p, first(p), page)
	})
}

// thread reads up to maxCommentPages pages of one post's comments along
// paging.next. A page that fails, or a next link that leaves Graph or
// points back, ends the thread with what was read, and Cut says why; a
// next link after the last page read makes it More.
func (g graph) thread(ctx context.Context, p scanner.Post, first string, page commentPage) (scanner.Thread, error) {
	th := scanner.Thread{PostID: p.ID, URL: p.URL, Published: p.Published, Source: first}
	var used scanner.Pages
	used.Use(pageKey(first))
	u := first
	for n := 1; ; n++ {
		replies, next, more, err := page(ctx, p, u)
		th.Replies = append(th.Replies, replies...)
		th.More = th.More || more
		if err != nil {
			fe := scanner.AsFetchError(err)
			if ctx.Err() != nil || fe.Kind == scanner.ErrCanceled {
				return th, err
			}
			th.Cut = fe
			break
		}
		if next == "" {
			break
		}
		if n >= maxCommentPages {
			th.More = true
			break
		}
		from := u
		if u, err = g.follow(from, next); err != nil {
			th.Cut = scanner.AsFetchError(err)
			break
		}
		if used.Use(pageKey(u)) {
			th.Cut = scanner.PagingStopped(from, "the paging.next link "+u+" points to a page already read")
			break
		}
	}
	sort.SliceStable(th.Replies, func(i, j int) bool { return th.Replies[i].Published.Before(th.Replies[j].Published) })
	return th, nil
}

// unknownAuthor is the Cut of a thread in which Graph named no author of
// a comment: without it the account's own answers cannot be told from
// others' words, and a question would look unanswered.
func unknownAuthor(u, field string) *scanner.FetchError {
	return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u,
		Detail: "Graph left out " + field + " of a comment, so the account's own answers cannot be told apart (the token may lack permission to read who commented)"}
}
