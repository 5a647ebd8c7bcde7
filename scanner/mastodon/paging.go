package mastodon

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// timeline is what paging through an account's statuses gave.
type timeline struct {
	posts []scanner.Post // newest first, each status once
	// complete is zero when the history ended, else the time of the
	// oldest status read.
	complete time.Time
	// cut says why paging stopped before it meant to; nil when it did not.
	cut *scanner.FetchError
	// replies holds the server's replies_count of each status read that
	// has replies, by id: the candidates for reading the dialogue.
	replies map[string]int
}

// statuses pages from first along the Link headers. The first page must be
// read; after that, a page that fails, a next link already followed or
// leading off the server or from https to http, and a page without a
// status not seen before end the paging with what was read, and cut says
// why. A next link that points back at a page already read would
// otherwise count the same statuses again, and an account posting less
// than a status a week could pass as busy. Only a cancelled scan fails
// the whole timeline.
func (a *Adapter) statuses(ctx context.Context, first, self string, since time.Time) (timeline, error) {
	var pg scanner.Pages
	replies := map[string]int{}
	next := first
	stop := func(cut *scanner.FetchError) timeline {
		return timeline{posts: pg.Posts(), complete: pg.Oldest(), cut: cut, replies: replies}
	}
	whole := func() timeline {
		return timeline{posts: pg.Posts(), replies: replies}
	}
	for page := 1; ; page++ {
		pg.Use(next)
		ps, link, err := a.statusPage(ctx, next, self, replies)
		if err != nil {
			cut := scanner.LaterPageCut(ctx, page, err)
			if cut == nil {
				return timeline{}, err
			}
			return stop(cut), nil
		}
		if len(ps) == 0 {
			return whole(), nil
		}
		if pg.AddFrom(next, ps...) == 0 {
			return stop(scanner.RepeatedPage(next, "statuses")), nil
		}
		switch {
		case link == "":
			return whole(), nil
		case pg.Oldest().Before(since) && pg.SawOwn(), page >= a.maxPages:
			return stop(nil), nil
		}
		if cut := refuseNext(link, next, &pg); cut != nil {
			return stop(cut), nil
		}
		next = link
	}
}

// statusPage reads one page of statuses and the rel="next" link it came
// with, resolved against the address the page was finally read from. The
// replies_count of each status with replies goes into replies.
func (a *Adapter) statusPage(ctx context.Context, u, self string, replies map[string]int) ([]scanner.Post, string, error) {
	var ss []status
	resp, err := a.getJSON(ctx, u, false, &ss)
	if err != nil {
		return nil, "", err
	}
	posts := make([]scanner.Post, 0, len(ss))
	for _, s := range ss {
		p, err := s.post(u, self)
		if err != nil {
			return nil, "", err
		}
		posts = append(posts, p)
		if s.RepliesCount > 0 {
			replies[s.ID] = s.RepliesCount
		}
	}
	base, err := url.Parse(resp.URL)
	if err != nil || resp.URL == "" {
		base, _ = url.Parse(u)
	}
	return posts, nextLink(resp.Header, base), nil
}

// refuseNext says why the next-page link must not be followed from the
// page at current, or nil when it may be: an account's statuses live on
// its home server, a page already read would be counted twice, and a
// move from https to plain HTTP would let anyone on the way rewrite the
// rest of the timeline.
func refuseNext(link, current string, pg *scanner.Pages) *scanner.FetchError {
	cut := func(why string) *scanner.FetchError {
		return scanner.PagingStopped(current, "the next-page link "+link+" "+why)
	}
	u, err := url.Parse(link)
	cur, cerr := url.Parse(current)
	switch {
	case err != nil || cerr != nil || (u.Scheme != "https" && u.Scheme != "http"):
		return cut("is not an http(s) address")
	case !sameHost(u, cur):
		return cut("leaves the server")
	case cur.Scheme == "https" && u.Scheme == "http":
		return cut("downgrades https to http")
	case pg.Used(link):
		return cut("points back at a page already read")
	}
	return nil
}

// sameHost compares two addresses' hosts and ports, a default port
// written out or not.
func sameHost(a, b *url.URL) bool {
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		if u.Scheme == "http" {
			return "80"
		}
		return "443"
	}
	if !strings.EqualFold(a.Hostname(), b.Hostname()) {
		return false
	}
	// An upgrade from http to https changes the default port with it.
	if a.Port() == "" && b.Port() == "" {
		return true
	}
	return port(a) == port(b)
}
