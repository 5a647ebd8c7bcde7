package scanner

import (
	"context"
	"sort"
	"time"
)

// Pages keeps the bookkeeping of paging back through an account's posts,
// the same on every platform: each post once by its id, the pages (an
// address, a cursor or a token) already asked for, the oldest post read
// and whether an own post was among them. A server that hands out a page
// again, or a cursor that does not move, would otherwise count the same
// posts twice, and an account posting less than weekly could pass as
// busy. The zero value is ready to use.
type Pages struct {
	posts  []Post
	seen   map[string]bool // post ids
	used   map[string]bool // page keys
	oldest time.Time
	sawOwn bool
}

// Add keeps the posts whose ids were not seen before, in the order given,
// and returns how many were new: a page with none is a page read before.
func (p *Pages) Add(posts ...Post) (fresh int) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	for _, post := range posts {
		if p.seen[post.ID] {
			continue
		}
		p.seen[post.ID] = true
		fresh++
		p.posts = append(p.posts, post)
		if p.oldest.IsZero() || post.Published.Before(p.oldest) {
			p.oldest = post.Published
		}
		p.sawOwn = p.sawOwn || post.Own()
	}
	return fresh
}

// Use records the page key (an address, a cursor, a token) as asked for
// and reports whether it was asked for before.
func (p *Pages) Use(key string) (again bool) {
	if p.used == nil {
		p.used = map[string]bool{}
	}
	again = p.used[key]
	p.used[key] = true
	return again
}

// Used reports whether the page key was asked for before, without
// recording it.
func (p *Pages) Used(key string) bool {
	return p.used[key]
}

// Posts returns the posts kept, newest first; posts of the same instant
// keep the order they were read in.
func (p *Pages) Posts() []Post {
	SortNewestFirst(p.posts)
	return p.posts
}

// Len is how many distinct posts were kept.
func (p *Pages) Len() int { return len(p.posts) }

// Oldest is the time of the oldest post kept, or the zero time when none
// was: where paging stopped early, CompleteSince.
func (p *Pages) Oldest() time.Time { return p.oldest }

// SawOwn reports whether an own post was kept. Paging back past the
// window is not enough to stop: an account whose window holds only
// reposts must be read until its last own post shows.
func (p *Pages) SawOwn() bool { return p.sawOwn }

// SortNewestFirst orders posts newest first; posts of the same instant
// keep their order.
func SortNewestFirst(posts []Post) {
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].Published.After(posts[j].Published) })
}

// LaterPageCut is the PostsCut for err, the failure of page number page
// (counted from 1), or nil when the account must fail with err instead:
// without its first page nothing is known of the account's posting, and
// an interrupted scan is no fault of the platform's, so what was read
// must not be judged as if the platform had cut it short.
func LaterPageCut(ctx context.Context, page int, err error) *FetchError {
	fe := AsFetchError(err)
	if page <= 1 || ctx.Err() != nil || fe.Kind == ErrCanceled {
		return nil
	}
	return fe
}

// PagingStopped is the PostsCut of paging that stopped, at the page u, for
// the reason why rather than at the end of the history or the window.
func PagingStopped(u, why string) *FetchError {
	return &FetchError{Kind: ErrUnparseable, URL: u, Detail: why + "; paging stopped there"}
}

// RepeatedPage is the PostsCut for the page u that held no item not read
// before; items names them as the platform does ("statuses", "videos").
func RepeatedPage(u, items string) *FetchError {
	return PagingStopped(u, "the page repeats "+items+" already read")
}

// ReusedCursor is the PostsCut for the page u whose next cursor was used
// before; name is what the platform calls it ("cursor", "next_token").
func ReusedCursor(u, name, cursor string) *FetchError {
	return PagingStopped(u, "the "+name+" "+cursor+" was used before")
}
