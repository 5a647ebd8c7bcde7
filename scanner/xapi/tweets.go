package xapi

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// tweets pages through the tweets of the user self (whose profile shows
// username). It stops once the oldest tweet of a page is older than since
// and an own post has been seen, when X gives no next_token, or at the
// page cap, since every read is paid. complete is zero when the history
// ended, NoPosts when X would not show the tweets, else the time of the
// oldest tweet fetched.
func (a *Adapter) tweets(ctx context.Context, self, username string, since time.Time) (posts []scanner.Post, complete time.Time, err error) {
	token := ""
	sawOwn := false
	for page := 1; ; page++ {
		u := a.tweetsURL(self, token)
		resp, err := a.get(ctx, u)
		if err != nil {
			return nil, time.Time{}, err
		}
		r, err := parseTweets(resp.Body)
		if err != nil {
			return nil, time.Time{}, unparseable(u, err)
		}
		if len(r.Data) == 0 && len(r.Errors) > 0 {
			for _, e := range r.Errors {
				if e.Type == problemNotAuthorized {
					// Protected since the profile was read.
					return sorted(posts), partial(complete), nil
				}
			}
			return nil, time.Time{}, problemError(u, r.Errors)
		}
		for _, t := range r.Data {
			p, err := t.post(u, self, username)
			if err != nil {
				return nil, time.Time{}, err
			}
			if complete.IsZero() || p.Published.Before(complete) {
				complete = p.Published
			}
			sawOwn = sawOwn || p.Own()
			posts = append(posts, p)
		}
		switch {
		case r.Meta.NextToken == "":
			return sorted(posts), time.Time{}, nil
		case complete.Before(since) && sawOwn, page >= a.maxPages:
			return sorted(posts), partial(complete), nil
		}
		token = r.Meta.NextToken
	}
}

// partial is the CompleteSince of a history read only in part: the
// oldest post seen, or NoPosts when none was.
func partial(oldest time.Time) time.Time {
	if oldest.IsZero() {
		return NoPosts
	}
	return oldest
}

// post converts a tweet of the user self. Retweets and replies to others
// are kept and marked, as exclude= is a request the adapter checks; a
// reply to one's own tweet continues a thread and is an own post, and so
// is a quote.
func (t tweet) post(pageURL, self, username string) (scanner.Post, error) {
	published, err := time.Parse(time.RFC3339Nano, t.CreatedAt)
	if err != nil || t.ID == "" {
		return scanner.Post{}, &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    pageURL,
			Detail: fmt.Sprintf("tweet %q: no id, or created_at %q is not an ISO 8601 time", t.ID, t.CreatedAt),
			Err:    err,
		}
	}
	p := scanner.Post{ID: t.ID, URL: postURL(username, t.ID), Published: published}
	p.Reply = t.InReplyToUserID != "" && t.InReplyToUserID != self
	for _, r := range t.ReferencedTweets {
		switch r.Type {
		case "retweeted":
			p.Repost = true
		case "replied_to":
			// Without in_reply_to_user_id the author answered is unknown;
			// counting it as a reply keeps a doubtful post from passing.
			p.Reply = p.Reply || t.InReplyToUserID == ""
		}
	}
	return p, nil
}

// sorted orders posts newest first; equal times keep X's order.
func sorted(posts []scanner.Post) []scanner.Post {
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].Published.After(posts[j].Published) })
	return posts
}
