package xapi

import (
	"context"
	"fmt"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// tweets pages through the tweets of the user self (whose profile shows
// username). It stops once the oldest tweet of a page is older than since
// and an own post has been seen, when X gives no next_token, or at the
// page cap, since every read is paid. complete is zero when the history
// ended, else the time of the oldest tweet fetched; undated says no tweet
// could be read at all (X would not show them). The first page must be
// read; after it, a page that fails, a next_token already used and a page with no tweet not seen
// before end the paging with what was read, and cut says why. Only a
// cancelled scan fails the whole account.
func (a *Adapter) tweets(ctx context.Context, self, username string, since time.Time) (posts []scanner.Post, complete time.Time, undated bool, cut *scanner.FetchError, err error) {
	var (
		token string
		got   []tweet
		pg    scanner.Pages // ids and dates only: whether a reply is own needs all the tweets
	)
	pg.Use(token)
	// stop ends the paging early: the history is complete only from the
	// oldest tweet read, and undated when none was.
	stop := func(why *scanner.FetchError) ([]scanner.Post, time.Time, bool, *scanner.FetchError, error) {
		oldest := pg.Oldest()
		return classify(got, self, username), oldest, oldest.IsZero(), why, nil
	}
	// fail ends the paging at page's error err: the account fails, or
	// keeps what was read with err as the cut.
	fail := func(page int, err error) ([]scanner.Post, time.Time, bool, *scanner.FetchError, error) {
		if cut := scanner.LaterPageCut(ctx, page, err); cut != nil {
			return stop(cut)
		}
		return nil, time.Time{}, false, nil, err
	}
	for page := 1; ; page++ {
		u := a.tweetsURL(self, token)
		r, err := a.tweetsPage(ctx, u)
		if err != nil {
			return fail(page, err)
		}
		if len(r.Data) == 0 && len(r.Errors) > 0 {
			for _, e := range r.Errors {
				if e.Type == problemNotAuthorized {
					// Protected since the profile was read.
					return stop(nil)
				}
			}
			return fail(page, problemError(u, r.Errors))
		}
		fresh := 0
		for _, t := range r.Data {
			published, err := t.published(u)
			if err != nil {
				return fail(page, err)
			}
			if pg.AddFrom(u, scanner.Post{ID: t.ID, Published: published}) == 1 {
				fresh++
				got = append(got, t)
			}
		}
		next := r.Meta.NextToken
		switch {
		case len(r.Data) > 0 && fresh == 0:
			return stop(scanner.RepeatedPage(u, "tweets"))
		case next == "":
			// The history ended: every tweet was read.
			return classify(got, self, username), time.Time{}, false, nil, nil
		case pg.Oldest().Before(since) && hasOwn(classify(got, self, username)), page >= a.maxPages:
			return stop(nil)
		case pg.Use(next):
			return stop(scanner.ReusedCursor(u, "next_token", next))
		}
		token = next
	}
}

// tweetsPage fetches and decodes one page of a user's tweets.
func (a *Adapter) tweetsPage(ctx context.Context, u string) (tweetsResponse, error) {
	resp, err := a.get(ctx, u, endpointTimeline)
	if err != nil {
		return tweetsResponse{}, err
	}
	r, err := parseTweets(resp.Body)
	if err != nil {
		return tweetsResponse{}, unparseable(u, err)
	}
	return r, nil
}

// hasOwn reports whether any post is the account's own.
func hasOwn(posts []scanner.Post) bool {
	for _, p := range posts {
		if p.Own() {
			return true
		}
	}
	return false
}

// classify converts the tweets of the user self, newest first. A reply
// continues the account's own thread, and is an own post, when it answers
// the account itself (in_reply_to_user_id is self) or, where X leaves that
// out, when it answers a tweet of the account inside a conversation the
// account started (both read in the pages). A reply to anyone else is a
// reply; a retweet is a repost; a quote is an own post.
func classify(tweets []tweet, self, username string) []scanner.Post {
	mine := make(map[string]bool, len(tweets))
	for _, t := range tweets {
		mine[t.ID] = true
	}
	posts := make([]scanner.Post, 0, len(tweets))
	for _, t := range tweets {
		published, _ := time.Parse(time.RFC3339Nano, t.CreatedAt)
		p := scanner.Post{ID: t.ID, URL: postURL(username, t.ID), Published: published.UTC(), Text: t.Text}
		for _, r := range t.ReferencedTweets {
			switch r.Type {
			case "retweeted":
				p.Repost = true
			case "replied_to":
				p.Reply = p.Reply || !t.continuesOwnThread(self, r.ID, mine)
			}
		}
		if t.InReplyToUserID != "" && t.InReplyToUserID != self {
			p.Reply = true
		}
		posts = append(posts, p)
	}
	scanner.SortNewestFirst(posts)
	return posts
}

// continuesOwnThread reports whether the tweet, a reply to parent,
// answers the account itself. in_reply_to_user_id says so when X gives
// it; without it, the parent and the conversation's first tweet must both
// be tweets of the account read in the pages. Anything less is counted
// as a reply, so a doubtful post never helps an account pass.
func (t tweet) continuesOwnThread(self, parent string, mine map[string]bool) bool {
	if t.InReplyToUserID != "" {
		return t.InReplyToUserID == self
	}
	return parent != "" && mine[parent] && t.ConversationID != "" && mine[t.ConversationID]
}

// published reads the tweet's date, and refuses a tweet without an id.
func (t tweet) published(pageURL string) (time.Time, error) {
	published, err := time.Parse(time.RFC3339Nano, t.CreatedAt)
	if err != nil || t.ID == "" {
		return time.Time{}, &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    pageURL,
			Detail: fmt.Sprintf("tweet %q: no id, or created_at %q is not an ISO 8601 time", t.ID, t.CreatedAt),
			Err:    err,
		}
	}
	return published.UTC(), nil
}
