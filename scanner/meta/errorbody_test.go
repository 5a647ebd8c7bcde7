package meta

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// answerFetcher answers every request with HTTP 200 and body, as the
// crawl layer hands a 2xx answer on: no error, whatever the body says.
type answerFetcher struct{ body string }

func (a answerFetcher) Fetch(_ context.Context, req scanner.Request) (*scanner.Response, error) {
	return &scanner.Response{URL: req.URL, StatusCode: http.StatusOK, Header: http.Header{}, Body: []byte(a.body)}, nil
}

// TestErrorInA200IsNotData: an answer with HTTP 200 whose JSON object has
// an "error" member is an error in any shape, as Meta's own SDK reads it
// (facebook-python-business-sdk, FacebookResponse.is_success). Decoded as
// a page of posts it would be an empty page, and the account would seem
// to have posted nothing. A 200 answer of plain text "Service Unavailable"
// (which that SDK also checks for) is no Graph JSON. Data without an
// "error" member is data.
func TestErrorInA200IsNotData(t *testing.T) {
	const u = "https://graph.facebook.com/v21.0/104392817650997/posts?fields=created_time&limit=100"
	tests := []struct {
		name, body string
		wantKind   scanner.ErrorKind // "" for data
		wantDetail []string
	}{
		{"Graph envelope, rate limit", `{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"AVNf_Xdut9LrmmDAOXPDGv9b"}}`,
			scanner.ErrHTTPStatus, []string{"Meta API rate limit reached", "Graph error 4"}},
		{"Graph envelope, other code", `{"error":{"message":"An unknown error has occurred.","type":"OAuthException","code":1,"fbtrace_id":"A3kPq8mZ1vN_tW0xYbE2cRd"}}`,
			scanner.ErrHTTPStatus, []string{"the Graph API refused the request", "Graph error 1"}},
		{"error as a string", `{"error":"Service Unavailable"}`,
			scanner.ErrHTTPStatus, []string{"HTTP 200 with an error instead of data", `"Service Unavailable"`}},
		{"empty error object", `{"error":{}}`, scanner.ErrHTTPStatus, []string{"with an error instead of data: {}"}},
		{"error beside data", `{"data":[],"error":null}`, scanner.ErrHTTPStatus, []string{"instead of data: null"}},
		{"token quoted in an error", `{"error":"bad token ` + testToken + `"}`, scanner.ErrHTTPStatus, []string{"bad token [token]"}},
		{"plain text", "Service Unavailable", scanner.ErrUnparseable, []string{"not Graph API JSON"}},
		{"data", `{"data":[{"created_time":"2026-09-28T10:15:00+0000","id":"104392817650997_1"}]}`, "", nil},
		{"data with an error in a post's text", `{"data":[{"created_time":"2026-09-28T10:15:00+0000","message":"{\"error\":1}","id":"104392817650997_2"}]}`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGraph(answerFetcher{tt.body}, testConfig())
			var pp postsPage
			err := g.get(context.Background(), u, &pp)
			if tt.wantKind == "" {
				if err != nil || len(pp.Data) != 1 {
					t.Fatalf("get = %v with %d posts, want the one post", err, len(pp.Data))
				}
				return
			}
			fe := scanner.AsFetchError(err)
			if fe == nil || fe.Kind != tt.wantKind || fe.URL != u {
				t.Fatalf("get = %v, want a %s error at %s", err, tt.wantKind, u)
			}
			if tt.wantKind == scanner.ErrHTTPStatus && fe.StatusCode != http.StatusOK {
				t.Errorf("status = %d, want 200", fe.StatusCode)
			}
			for _, d := range tt.wantDetail {
				if !strings.Contains(fe.Detail, d) {
					t.Errorf("detail %q lacks %q", fe.Detail, d)
				}
			}
			if strings.Contains(fe.Detail, testToken) {
				t.Errorf("detail carries the token: %q", fe.Detail)
			}
			if len(pp.Data) != 0 {
				t.Errorf("%d posts decoded from an error", len(pp.Data))
			}
		})
	}
}
