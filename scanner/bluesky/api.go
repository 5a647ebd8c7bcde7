package bluesky

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// profileView is the part of app.bsky.actor.getProfile's answer
// (app.bsky.actor.defs#profileViewDetailed) the adapter reads.
type profileView struct {
	DID         string `json:"did"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
	Description string `json:"description"`
	// Website is the profile's own link field (app.bsky.actor.profile
	// `website`, shown under the description since 2025); the AppView
	// passes it on only when it is an https address.
	Website string  `json:"website"`
	Labels  []label `json:"labels"`
}

// label is a com.atproto.label.defs#label.
type label struct {
	Val string `json:"val"`
	Neg bool   `json:"neg"`
}

// authorFeed is app.bsky.feed.getAuthorFeed's answer.
type authorFeed struct {
	Cursor string     `json:"cursor"`
	Feed   []feedItem `json:"feed"`
}

// feedItem is an app.bsky.feed.defs#feedViewPost.
type feedItem struct {
	Post   postView `json:"post"`
	Reason *reason  `json:"reason"`
}

// postView is the part of app.bsky.feed.defs#postView the adapter reads.
type postView struct {
	URI       string     `json:"uri"`
	Author    author     `json:"author"`
	Record    postRecord `json:"record"`
	IndexedAt string     `json:"indexedAt"`
	// ReplyCount is how many direct replies the AppView knows of: a post
	// with none needs no request for its thread.
	ReplyCount int `json:"replyCount"`
}

// author is the part of app.bsky.actor.defs#profileViewBasic the adapter
// reads.
type author struct {
	DID    string `json:"did"`
	Handle string `json:"handle"`
}

// postRecord is the part of an app.bsky.feed.post record the adapter reads.
type postRecord struct {
	CreatedAt string     `json:"createdAt"`
	Text      string     `json:"text"`
	Reply     *replyRefs `json:"reply"`
}

// replyRefs names the thread a reply belongs to (strong refs).
type replyRefs struct {
	Root   strongRef `json:"root"`
	Parent strongRef `json:"parent"`
}

// strongRef is a com.atproto.repo.strongRef.
type strongRef struct {
	URI string `json:"uri"`
}

// reason says why a feed item is in the feed: a repost, or a pin.
type reason struct {
	Type      string `json:"$type"`
	URI       string `json:"uri"` // the repost record, in newer AppViews
	IndexedAt string `json:"indexedAt"`
}

// Reason types of feed items.
const (
	reasonRepost = "app.bsky.feed.defs#reasonRepost"
	reasonPin    = "app.bsky.feed.defs#reasonPin"
)

// xrpcError is the body an XRPC server sends with an error status.
type xrpcError struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}

// goneErrors are the XRPC error names that mean the account is not there
// (any more): suspended by moderation, or deactivated by its owner.
var goneErrors = map[string]bool{
	"AccountTakedown":    true,
	"AccountDeactivated": true,
}

// get fetches u from the AppView and returns its body. HTTP errors carry
// the server's message; an unknown, deleted, suspended or deactivated
// account is ErrNotFound.
func (a *Adapter) get(ctx context.Context, u string) ([]byte, error) {
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{URL: u, Accept: "application/json"})
	if err != nil {
		return nil, statusError(u, resp, err)
	}
	return resp.Body, nil
}

// statusError turns a fetcher error into the adapter's error, adding the
// XRPC message ("Profile not found", "Account has been suspended") when
// the body has one.
func statusError(u string, resp *scanner.Response, err error) error {
	fe := scanner.AsFetchError(err)
	if fe.Kind != scanner.ErrHTTPStatus || resp == nil {
		if fe.URL == "" {
			c := *fe
			c.URL = u
			return &c
		}
		return fe
	}
	out := &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: u, StatusCode: resp.StatusCode, Detail: fe.Detail, Err: fe}
	var xe xrpcError
	// An error page that is not XRPC JSON keeps the fetcher's detail.
	_ = json.Unmarshal(resp.Body, &xe)
	name, msg := strings.TrimSpace(xe.Error), strings.TrimSpace(xe.Message)
	switch {
	case msg != "":
		out.Detail = msg
	case name != "":
		out.Detail = name
	}
	if resp.StatusCode == 401 || resp.StatusCode == 403 {
		what := strings.Trim(name+": "+msg, ": ")
		if what == "" {
			what = "HTTP " + strconv.Itoa(resp.StatusCode)
		}
		out.Detail = "the AppView asks for a login (" + what + "); point appview at a public AppView such as " + DefaultAppView
	}
	if goneErrors[name] || (name == "InvalidRequest" && strings.EqualFold(msg, "Profile not found")) {
		out.Kind = scanner.ErrNotFound
	}
	return out
}

// decode unmarshals an AppView answer fetched from u into v.
func decode(u string, body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    u,
			Detail: "the answer is not Bluesky XRPC JSON: " + err.Error(),
			Err:    err,
		}
	}
	return nil
}

// profileURL is the AppView address of an actor's profile.
func profileURL(appView, actor string) string {
	return appView + "/xrpc/app.bsky.actor.getProfile?actor=" + url.QueryEscape(actor)
}

// feedURL is a page of an actor's posts, reposts and replies within the
// actor's own threads, without answers to others; cursor is empty for the
// first page. posts_no_replies would drop the thread continuations the
// policy counts as own posts (the AppView sends no replies at all for it),
// which could fail an account that posts in threads.
func feedURL(appView, did, cursor string) string {
	u := appView + "/xrpc/app.bsky.feed.getAuthorFeed?actor=" + url.QueryEscape(did) +
		"&limit=100&filter=posts_and_author_threads"
	if cursor != "" {
		u += "&cursor=" + url.QueryEscape(cursor)
	}
	return u
}
