package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// account is the part of Mastodon's Account entity the adapter reads.
type account struct {
	ID          string  `json:"id"`
	Username    string  `json:"username"`
	Acct        string  `json:"acct"`
	DisplayName string  `json:"display_name"`
	Note        string  `json:"note"`
	URL         string  `json:"url"`
	Fields      []field `json:"fields"`
}

// field is one profile metadata row; Value is HTML.
type field struct {
	Name       string  `json:"name"`
	Value      string  `json:"value"`
	VerifiedAt *string `json:"verified_at"`
}

// status is the part of Mastodon's Status entity the adapter reads.
type status struct {
	ID          string  `json:"id"`
	CreatedAt   string  `json:"created_at"`
	InReplyToID *string `json:"in_reply_to_id"`
	// InReplyToAccountID tells a thread (a reply to the account's own
	// post, which is an own post) from an answer to someone else.
	InReplyToAccountID *string         `json:"in_reply_to_account_id"`
	Reblog             json.RawMessage `json:"reblog"`
	URL                *string         `json:"url"`
	// SpoilerText is the content warning, shown before Content.
	SpoilerText string `json:"spoiler_text"`
	// Content is the post's HTML.
	Content string `json:"content"`
	// RepliesCount is how many direct replies the server knows of: a
	// post with none needs no request for its replies.
	RepliesCount int `json:"replies_count"`
	// Account is the author; in a thread's descendants it tells the
	// audited account's answers from others' replies.
	Account statusAccount `json:"account"`
}

// statusAccount is the part of a status's embedded Account the adapter
// reads.
type statusAccount struct {
	ID   string `json:"id"`
	Acct string `json:"acct"`
	URL  string `json:"url"`
}

// apiError is the body Mastodon sends with an error status.
type apiError struct {
	Error string `json:"error"`
}

// getJSON fetches u and decodes its JSON body into v. HTTP errors carry the
// server's error text; 404 and 410 become ErrNotFound when notFound is set.
func (a *Adapter) getJSON(ctx context.Context, u string, notFound bool, v any) (*scanner.Response, error) {
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{URL: u, Accept: "application/json"})
	if err != nil {
		return resp, statusError(u, resp, err, notFound)
	}
	if err := json.Unmarshal(resp.Body, v); err != nil {
		return resp, &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    u,
			Detail: "the answer is not Mastodon API JSON: " + err.Error(),
			Err:    err,
		}
	}
	return resp, nil
}

// statusError turns a fetcher error into the adapter's error, adding the
// server's own error text ("Record not found", "This API requires an
// authenticated user") when the body has one.
func statusError(u string, resp *scanner.Response, err error, notFound bool) error {
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
	var ae apiError
	if json.Unmarshal(resp.Body, &ae) == nil && strings.TrimSpace(ae.Error) != "" {
		out.Detail = strings.TrimSpace(ae.Error)
	}
	if notFound && (resp.StatusCode == 404 || resp.StatusCode == 410) {
		out.Kind = scanner.ErrNotFound
	}
	return out
}

// lookupURL is the API address on server (scheme://host) that resolves a
// user name to an Account.
func lookupURL(server, name string) string {
	return server + "/api/v1/accounts/lookup?acct=" + url.QueryEscape(name)
}

// statusesURL is the first page of an account's own public posts.
func statusesURL(server, id string) string {
	return server + "/api/v1/accounts/" + url.PathEscape(id) +
		"/statuses?limit=40&exclude_replies=true&exclude_reblogs=true"
}

// post converts a Status of the account whose id is self. Replies to
// others and boosts are kept and marked: servers may ignore the exclude
// flags. A reply to the account's own post continues its own thread.
func (s status) post(pageURL, self string) (scanner.Post, error) {
	t, err := time.Parse(time.RFC3339Nano, s.CreatedAt)
	if err != nil {
		return scanner.Post{}, &scanner.FetchError{
			Kind:   scanner.ErrUnparseable,
			URL:    pageURL,
			Detail: fmt.Sprintf("status %q: created_at %q is not an ISO 8601 time", s.ID, s.CreatedAt),
			Err:    err,
		}
	}
	p := scanner.Post{
		ID:        s.ID,
		Published: t,
		Reply:     s.InReplyToID != nil && (s.InReplyToAccountID == nil || *s.InReplyToAccountID != self),
		Repost:    len(s.Reblog) > 0 && string(s.Reblog) != "null",
		Text:      scanner.JoinText(s.SpoilerText, noteText(s.Content)),
	}
	if s.URL != nil {
		p.URL = *s.URL
	}
	return p, nil
}
