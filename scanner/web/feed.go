package web

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"
	"github.com/stockholm-stad/smaudit/scanner"
)

// feedAccept asks for RSS or Atom, the forms autodiscovery announces.
const feedAccept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"

// feedPosts is what a feed says about an account's posts.
type feedPosts struct {
	Posts   []scanner.Post // newest first
	Oldest  time.Time      // date of the oldest dated item; zero if none
	Undated int            // items skipped for want of a parseable date
}

// errNoFeed marks a guessed feed address that does not exist.
var errNoFeed = errors.New("no feed at the guessed address")

// fetchFeed fetches and parses the feed at u. A fetch error keeps the
// fetcher's kind (a timeout stays a timeout), naming the feed; a body
// that is not RSS or Atom is ErrUnparseable. For a guessed address
// (guessed), 404 and 410 are errNoFeed rather than a failure.
func (a *Adapter) fetchFeed(ctx context.Context, u string, guessed bool) (feedPosts, error) {
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{URL: u, Accept: feedAccept})
	if err != nil {
		if guessed && resp != nil && (resp.StatusCode == 404 || resp.StatusCode == 410) {
			return feedPosts{}, errNoFeed
		}
		fe := *scanner.AsFetchError(err)
		fe.URL = u
		fe.Detail = joinDetail("feed", fe.Detail)
		return feedPosts{}, &fe
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return feedPosts{}, &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    u,
			Detail: "the feed is not readable RSS or Atom: " + err.Error(),
			Err:    err,
		}
	}
	return postsOf(feed), nil
}

// postsOf converts feed items. Atom's published wins over updated (gofeed
// falls back to updated when published is missing); RSS uses pubDate or
// dc:date.
func postsOf(feed *gofeed.Feed) feedPosts {
	var fp feedPosts
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		t := it.PublishedParsed
		if t == nil {
			t = it.UpdatedParsed
		}
		if t == nil {
			fp.Undated++
			continue
		}
		id := it.GUID
		if id == "" {
			id = it.Link
		}
		fp.Posts = append(fp.Posts, scanner.Post{ID: id, URL: it.Link, Published: *t, Text: scanner.JoinText(plainText(it.Title), plainText(it.Description))})
		if fp.Oldest.IsZero() || t.Before(fp.Oldest) {
			fp.Oldest = *t
		}
	}
	scanner.SortNewestFirst(fp.Posts)
	return fp
}

func joinDetail(prefix, detail string) string {
	if detail == "" {
		return prefix
	}
	return prefix + ": " + detail
}

// plainText returns the words of a feed field, which may hold escaped
// HTML ("<p>…</p>", "&#8230;"): the text of its nodes, white space
// collapsed.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(doc.Text()), " ")
}
