package bluesky

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// threadDepth is how many levels of replies a thread request asks for: a
// question, the answer and a few rounds after it. A reply at that depth
// whose own replies were not sent marks the thread as having more.
const threadDepth = 10

// The members of getPostThread's thread union.
const (
	threadViewPost = "app.bsky.feed.defs#threadViewPost"
	notFoundPost   = "app.bsky.feed.defs#notFoundPost"
	blockedPost    = "app.bsky.feed.defs#blockedPost"
)

// postThread is app.bsky.feed.getPostThread's answer.
type postThread struct {
	Thread threadNode `json:"thread"`
}

// threadNode is one member of the thread union: a #threadViewPost with
// its post and replies, or a #notFoundPost or #blockedPost standing in for
// a post that cannot be shown. Replies is nil when the AppView sent none
// (below the depth asked), and empty when the post has none.
type threadNode struct {
	Type    string       `json:"$type"`
	URI     string       `json:"uri"`
	Post    *postView    `json:"post"`
	Replies []threadNode `json:"replies"`
}

// threadURL is the AppView address of a post's thread, its replies only:
// the post is the account's own, so what it answers is not asked for.
func threadURL(appView, uri string) string {
	return appView + "/xrpc/app.bsky.feed.getPostThread?uri=" + url.QueryEscape(uri) +
		"&depth=" + strconv.Itoa(threadDepth) + "&parentHeight=0"
}

// dialogue reads the threads of the account's own posts published from
// since on that the AppView counts replies for (replies, by post URI), the
// newest a.maxThreads of them, one request each. self is the account's
// DID. A thread whose request fails is kept with Cut set; only an
// interrupted scan returns an error, so that the account is reported as
// not reached rather than judged on part of its threads.
func (a *Adapter) dialogue(ctx context.Context, self string, posts []scanner.Post, replies map[string]int, since time.Time) (*scanner.Dialogue, error) {
	counted := func(p scanner.Post) bool { return replies[p.ID] > 0 }
	return scanner.ReadDialogue(ctx, posts, since, a.maxThreads, counted, func(ctx context.Context, p scanner.Post) (scanner.Thread, error) {
		th := scanner.Thread{PostID: p.ID, URL: p.URL, Published: p.Published, Source: threadURL(a.appView, p.ID)}
		if err := a.readThread(ctx, th.Source, self, &th); err != nil {
			if ctx.Err() != nil {
				return th, err
			}
			th.Cut = scanner.AsFetchError(err)
		}
		return th, nil
	})
}

// readThread fills th with the replies of the thread at u, oldest first.
func (a *Adapter) readThread(ctx context.Context, u, self string, th *scanner.Thread) error {
	body, err := a.get(ctx, u)
	if err != nil {
		return err
	}
	return threadReplies(u, body, self, th)
}

// threadReplies fills th with the replies of the getPostThread answer body,
// fetched from u, for the account whose DID is self.
func threadReplies(u string, body []byte, self string, th *scanner.Thread) error {
	var pt postThread
	if err := decode(u, body, &pt); err != nil {
		return err
	}
	root := pt.Thread
	switch {
	case root.Type == notFoundPost:
		return &scanner.FetchError{Kind: scanner.ErrNotFound, URL: u, Detail: "the post is no longer there (" + notFoundPost + ")"}
	case root.Type == blockedPost:
		return &scanner.FetchError{Kind: scanner.ErrBlocked, URL: u, Detail: "the AppView does not show the post (" + blockedPost + ")"}
	case root.Type != threadViewPost || root.Post == nil:
		return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the thread is not a " + threadViewPost}
	}
	w := threadWalk{url: u, self: self, th: th}
	w.node(root, "")
	sort.SliceStable(th.Replies, func(i, j int) bool { return th.Replies[i].Published.Before(th.Replies[j].Published) })
	return nil
}

// threadWalk collects a thread's replies into th.
type threadWalk struct {
	url, self string
	th        *scanner.Thread
}

// node adds the replies below n, a #threadViewPost whose post has the URI
// uri (its own, for the root). A reply hidden as #blockedPost, or of a
// kind not known, may hide an answer below it: the thread has more. A
// deleted reply (#notFoundPost) has nothing below it to read.
func (w *threadWalk) node(n threadNode, uri string) {
	if uri == "" {
		uri = n.Post.URI
	}
	if n.Replies == nil && n.Post.ReplyCount > 0 {
		w.th.More = true
	}
	for _, c := range n.Replies {
		switch {
		case c.Type == notFoundPost:
			continue
		case c.Type != threadViewPost || c.Post == nil:
			w.th.More = true
			continue
		}
		r, err := w.reply(*c.Post, uri)
		if err != nil {
			if w.th.Cut == nil {
				w.th.Cut = scanner.AsFetchError(err)
			}
		} else {
			w.th.Replies = append(w.th.Replies, r)
		}
		w.node(c, c.Post.URI)
	}
}

// reply converts a reply's post view; parent is the URI of the post it
// sits under in the thread, for a record that names none.
func (w *threadWalk) reply(pv postView, parent string) (scanner.Reply, error) {
	t, err := pv.published()
	if err != nil {
		return scanner.Reply{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: w.url, Detail: "reply " + pv.URI + ": " + err.Error(), Err: err}
	}
	if pv.Record.Reply != nil && pv.Record.Reply.Parent.URI != "" {
		parent = pv.Record.Reply.Parent.URI
	}
	author := pv.Author.Handle
	if author == "" || author == invalidHandle {
		author = pv.Author.DID
	}
	return scanner.Reply{
		ID:        pv.URI,
		URL:       postURL(pv),
		Parent:    parent,
		Author:    author,
		ByAccount: pv.Author.DID != "" && pv.Author.DID == w.self,
		Published: t,
		Text:      scanner.ReplyText(pv.Record.Text),
	}, nil
}
