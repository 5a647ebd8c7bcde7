package xapi

import (
	"encoding/json"
	"net/url"
)

// userFields are the user.fields the adapter asks for; X sends only id,
// name and username unless asked.
const userFields = "created_at,description,entities,location,name,protected,public_metrics,url,verified"

// tweetFields are the tweet.fields the adapter asks for: the date and
// what tells a reply to someone else or a retweet from an own post, and
// conversation_id, which shows a reply continuing the account's own
// thread.
const tweetFields = "created_at,referenced_tweets,in_reply_to_user_id,conversation_id"

// userResponse is the answer of GET /2/users/by/username/:username.
type userResponse struct {
	Data   *user      `json:"data"`
	Errors []apiError `json:"errors"`
}

// user is the part of X's User object the adapter reads.
type user struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Username    string       `json:"username"`
	Description string       `json:"description"`
	Location    string       `json:"location"`
	URL         string       `json:"url"` // the website, as a t.co link
	Protected   bool         `json:"protected"`
	Entities    userEntities `json:"entities"`
}

// userEntities hold the t.co links of the website and of the description.
type userEntities struct {
	URL         entityURLs `json:"url"`
	Description entityURLs `json:"description"`
}

// entityURLs lists the links of one user field.
type entityURLs struct {
	URLs []entityURL `json:"urls"`
}

// entityURL is one t.co link and the address it stands for.
type entityURL struct {
	URL         string `json:"url"`          // https://t.co/...
	ExpandedURL string `json:"expanded_url"` // the address the user wrote
	DisplayURL  string `json:"display_url"`  // what X shows, possibly cut with …
}

// tweetsResponse is one page of GET /2/users/:id/tweets.
type tweetsResponse struct {
	Data   []tweet    `json:"data"`
	Meta   tweetsMeta `json:"meta"`
	Errors []apiError `json:"errors"`
}

// tweetsMeta carries the paging token; no next_token means the last page.
type tweetsMeta struct {
	ResultCount int    `json:"result_count"`
	NextToken   string `json:"next_token"`
}

// tweet is the part of X's Tweet object the adapter reads.
type tweet struct {
	ID               string            `json:"id"`
	CreatedAt        string            `json:"created_at"`
	Text             string            `json:"text"` // a default field: always sent
	InReplyToUserID  string            `json:"in_reply_to_user_id"`
	ConversationID   string            `json:"conversation_id"`
	ReferencedTweets []referencedTweet `json:"referenced_tweets"`
}

// referencedTweet names the tweet a retweet, reply or quote refers to.
type referencedTweet struct {
	Type string `json:"type"` // retweeted, replied_to or quoted
	ID   string `json:"id"`
}

// apiError is one of X's problem objects: the whole body of an HTTP
// error, or an entry of "errors" beside (or instead of) "data" in a 200.
type apiError struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Type   string `json:"type"`
	Reason string `json:"reason"`
	Value  string `json:"value"`
}

// Problem types X names in its error objects.
const (
	problemNotFound      = "https://api.twitter.com/2/problems/resource-not-found"
	problemNotAuthorized = "https://api.twitter.com/2/problems/not-authorized-for-resource"
)

// parseUser decodes a user lookup answer.
func parseUser(body []byte) (userResponse, error) {
	var r userResponse
	err := json.Unmarshal(body, &r)
	return r, err
}

// parseTweets decodes one page of a user's tweets.
func parseTweets(body []byte) (tweetsResponse, error) {
	var r tweetsResponse
	err := json.Unmarshal(body, &r)
	return r, err
}

// userURL is the lookup of a user by name.
func (a *Adapter) userURL(name string) string {
	return a.base + "/users/by/username/" + url.PathEscape(name) + "?user.fields=" + userFields
}

// tweetsURL is a page of a user's tweets; token is empty for the first.
// Retweets are left out, as they are never own posts and every read is
// paid; replies are not, since exclude=replies drops the account's
// replies to itself too, and those continue its own threads.
func (a *Adapter) tweetsURL(id, token string) string {
	u := a.base + "/users/" + url.PathEscape(id) +
		"/tweets?max_results=100&exclude=retweets&tweet.fields=" + tweetFields
	if token != "" {
		u += "&pagination_token=" + url.QueryEscape(token)
	}
	return u
}

// postURL is the public address of a tweet.
func postURL(username, id string) string {
	return "https://x.com/" + username + "/status/" + id
}
