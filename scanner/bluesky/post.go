package bluesky

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// rkeyRe matches a record key as atproto allows them.
var rkeyRe = regexp.MustCompile(`^[A-Za-z0-9._:~-]{1,512}$`)

// webApp is where people read Bluesky posts; post URLs point there.
const webApp = "https://bsky.app"

// feedPage decodes one getAuthorFeed answer fetched from pageURL for the
// account whose DID is self. Pinned items are skipped: they repeat a post
// out of date order. The replyCount of each own post with replies goes
// into replies, when it is not nil.
func feedPage(pageURL string, body []byte, self string, replies map[string]int) (posts []scanner.Post, cursor string, err error) {
	var af authorFeed
	if err := decode(pageURL, body, &af); err != nil {
		return nil, "", err
	}
	for i, it := range af.Feed {
		if it.Reason != nil && it.Reason.Type == reasonPin {
			continue
		}
		p, err := it.post(self)
		if err != nil {
			return nil, "", &scanner.FetchError{
				Kind:   scanner.ErrUnparseable,
				URL:    pageURL,
				Detail: fmt.Sprintf("feed item %d: %v", i, err),
				Err:    err,
			}
		}
		posts = append(posts, p)
		if replies != nil && p.Own() && it.Post.ReplyCount > 0 {
			replies[p.ID] = it.Post.ReplyCount
		}
	}
	return posts, strings.TrimSpace(af.Cursor), nil
}

// post converts a feed item of the account whose DID is self. A repost is
// dated when it was reposted. A reply counts as the account's own post
// when it continues the account's own thread.
func (it feedItem) post(self string) (scanner.Post, error) {
	pv := it.Post
	if pv.URI == "" {
		return scanner.Post{}, fmt.Errorf("the post has no uri")
	}
	p := scanner.Post{ID: pv.URI, URL: postURL(pv), Text: pv.Record.Text}
	if it.Reason != nil && it.Reason.Type == reasonRepost || pv.Author.DID != "" && pv.Author.DID != self {
		p.Repost = true
		if it.Reason != nil && it.Reason.URI != "" {
			p.ID = it.Reason.URI
		}
		if it.Reason != nil {
			if t, err := parseTime(it.Reason.IndexedAt); err == nil {
				p.Published = t
				return p, nil
			}
		}
	}
	t, err := pv.published()
	if err != nil {
		return scanner.Post{}, fmt.Errorf("post %s: %w", pv.URI, err)
	}
	p.Published = t
	if !p.Repost && pv.Record.Reply != nil {
		p.Reply = !strings.HasPrefix(pv.Record.Reply.Parent.URI, "at://"+self+"/")
	}
	return p, nil
}

// published is when the post was written: its createdAt, or when the
// AppView saw it if createdAt is unreadable or lies after that (a
// future-dated post must not keep an account looking active), as
// Bluesky itself sorts feeds.
func (pv postView) published() (time.Time, error) {
	created, cerr := parseTime(pv.Record.CreatedAt)
	indexed, ierr := parseTime(pv.IndexedAt)
	switch {
	case cerr == nil && (ierr != nil || !created.After(indexed)):
		return created, nil
	case ierr == nil:
		return indexed, nil
	}
	return time.Time{}, fmt.Errorf("createdAt %q is not an RFC 3339 time: %w", pv.Record.CreatedAt, cerr)
}

// parseTime reads an atproto datetime: RFC 3339 with a time zone,
// fractional seconds optional. The zero instant is refused: it marks a
// client that wrote no real date, and would read as "no post" later.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err == nil && t.IsZero() {
		return time.Time{}, errors.New("the zero time is no date")
	}
	return t, err
}

// postURL is the web address of a post, at://DID/app.bsky.feed.post/RKEY
// shown as https://bsky.app/profile/HANDLE/post/RKEY; the DID stands in for
// a handle that failed verification. It is empty for a URI of another shape.
func postURL(pv postView) string {
	rest, ok := strings.CutPrefix(pv.URI, "at://")
	if !ok {
		return ""
	}
	repo, rkey, ok := strings.Cut(rest, "/app.bsky.feed.post/")
	if !ok || repo == "" || !rkeyRe.MatchString(rkey) {
		return ""
	}
	who := pv.Author.Handle
	if who == "" || who == invalidHandle || pv.Author.DID != repo {
		who = repo
	}
	return webApp + "/profile/" + who + "/post/" + rkey
}

// profilePage is the profile's web address, https://bsky.app/profile/HANDLE;
// the DID stands in for a handle that failed verification, as in postURL.
func profilePage(handle, did string) string {
	who := handle
	if who == "" || who == invalidHandle {
		who = did
	}
	if who == "" {
		return ""
	}
	return webApp + "/profile/" + who
}
