package meta

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// pager collects the posts of a paged Graph edge once each and remembers
// which pages were asked for, so a server that hands out the same page
// again (a paging.next pointing back, a cursor that does not move) ends
// the paging instead of counting the same posts twice.
type pager struct {
	posts  []scanner.Post
	oldest time.Time
	seen   map[string]bool // post ids
	asked  map[string]bool // page keys
}

func newPager() *pager {
	return &pager{seen: map[string]bool{}, asked: map[string]bool{}}
}

// ask records a page about to be requested and reports whether it was
// asked for before.
func (p *pager) ask(key string) (again bool) {
	if p.asked[key] {
		return true
	}
	p.asked[key] = true
	return false
}

// add keeps the posts not seen before and returns how many were new.
func (p *pager) add(posts []scanner.Post) (fresh int) {
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
	}
	return fresh
}

// cut is the PostsCut for a later page that failed with err, or nil when
// err is the scan's own cancellation, which must fail the whole account.
func cut(ctx context.Context, err error) *scanner.FetchError {
	fe := scanner.AsFetchError(err)
	if ctx.Err() != nil || fe.Kind == scanner.ErrCanceled {
		return nil
	}
	return fe
}

// repeated is the PostsCut for a page that shows nothing new: the server
// handed out a page already read.
func repeated(u, what string) *scanner.FetchError {
	return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: what + "; paging stopped there"}
}

// pageKey identifies a Graph page request whatever the order of its
// query parameters and without its token: Graph writes paging.next with
// the parameters in its own order.
func pageKey(u string) string {
	p, err := url.Parse(stripToken(u))
	if err != nil {
		return u
	}
	q := p.Query()
	q.Del("pretty")
	return strings.ToLower(p.Scheme+"://"+p.Host) + p.EscapedPath() + "?" + q.Encode()
}
