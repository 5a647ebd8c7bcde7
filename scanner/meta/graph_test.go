package meta

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestStripToken(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://graph.facebook.com/v21.0/1/posts?access_token=EAAx&fields=created_time%2Cmessage&limit=100&after=QVFI",
			"https://graph.facebook.com/v21.0/1/posts?fields=created_time%2Cmessage&limit=100&after=QVFI"},
		{"https://graph.facebook.com/v21.0/1/posts?limit=100&after=QVFI&access_token=EAAx",
			"https://graph.facebook.com/v21.0/1/posts?limit=100&after=QVFI"},
		{"https://graph.facebook.com/v21.0/1/posts?ACCESS_TOKEN=EAAx&access%5Ftoken=EAAy&after=Q",
			"https://graph.facebook.com/v21.0/1/posts?after=Q"},
		{"https://graph.facebook.com/v21.0/1/posts?access_token=EAAx", "https://graph.facebook.com/v21.0/1/posts"},
		{"https://graph.facebook.com/v21.0/1/posts?access_token=EAAx#frag", "https://graph.facebook.com/v21.0/1/posts#frag"},
		{"https://graph.facebook.com/v21.0/1/posts", "https://graph.facebook.com/v21.0/1/posts"},
		{"https://graph.facebook.com/v21.0/1/posts?my_access_token=1", "https://graph.facebook.com/v21.0/1/posts?my_access_token=1"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := stripToken(tt.in); got != tt.want {
				t.Errorf("stripToken(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFollowStaysOnGraph(t *testing.T) {
	g := newGraph(nil, Config{Token: testToken, GraphBase: "https://graph.facebook.com/v21.0/"})
	from := "https://graph.facebook.com/v21.0/1/posts?limit=100"
	tests := []struct {
		next, want string // want "" for a refused link
	}{
		{"https://graph.facebook.com/v21.0/1/posts?access_token=" + testToken + "&after=Q", "https://graph.facebook.com/v21.0/1/posts?after=Q"},
		{"https://GRAPH.facebook.com/v20.0/1/posts?after=Q", "https://GRAPH.facebook.com/v20.0/1/posts?after=Q"},
		{"http://graph.facebook.com/v21.0/1/posts?after=Q", ""},
		{"https://graph.facebook.com.evil.example/v21.0/1/posts?access_token=" + testToken, ""},
		{"https://evil.example/?u=https://graph.facebook.com/&access_token=" + testToken, ""},
		{"/v21.0/1/posts?after=Q", ""},
		{"%zz", ""},
	}
	for _, tt := range tests {
		t.Run(tt.next, func(t *testing.T) {
			got, err := g.follow(from, tt.next)
			if tt.want != "" {
				if err != nil || got != tt.want {
					t.Errorf("follow(%q) = %q, %v; want %q", tt.next, got, err, tt.want)
				}
				return
			}
			var fe *scanner.FetchError
			if !errors.As(err, &fe) || fe.Kind != scanner.ErrUnparseable || fe.URL != from {
				t.Fatalf("follow(%q) = %q, %v; want ErrUnparseable at %s", tt.next, got, err, from)
			}
			if strings.Contains(fe.Error(), testToken) {
				t.Errorf("error carries the token: %v", fe)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for an error
	}{
		{"2026-09-28T10:15:00+0000", "2026-09-28T10:15:00Z"},
		{"2026-09-28T12:15:00+0200", "2026-09-28T10:15:00Z"},
		{"2026-09-28T10:15:00Z", "2026-09-28T10:15:00Z"},
		{"2026-09-28T10:15:00+00:00", "2026-09-28T10:15:00Z"},
		{"2026-09-28", ""},
		{"28/09/2026 10:15", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseTime(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Errorf("parseTime(%q) = %v, want an error", tt.in, got)
				}
				return
			}
			if err != nil || !got.Equal(day(tt.want)) || got.Location() != time.UTC {
				t.Errorf("parseTime(%q) = %v, %v; want %s in UTC", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestGraphFailureKinds(t *testing.T) {
	g := newGraph(nil, Config{Token: testToken})
	tests := []struct {
		name       string
		status     int
		ge         graphError
		header     http.Header
		wantKind   scanner.ErrorKind
		wantDetail string
	}{
		{"invalid token", 401, graphError{Code: 190, Message: "Invalid OAuth access token - Cannot parse access token"}, nil, scanner.ErrHTTPStatus, "the Meta token was refused (expired or invalid)"},
		{"permission 200", 403, graphError{Code: 200, Message: "(#200) Permissions error"}, nil, scanner.ErrHTTPStatus, "the Meta token lacks permission for this page"},
		{"permission 10", 403, graphError{Code: 10, Message: "(#10) Application does not have permission for this action"}, nil, scanner.ErrHTTPStatus, "the Meta token lacks permission for this page"},
		{"unsupported get", 400, graphError{Code: 100, Subcode: 33, Message: "Unsupported get request."}, nil, scanner.ErrNotFound, "does not exist or is not public"},
		{"other code 100", 400, graphError{Code: 100, Message: "(#100) Tried accessing nonexisting field (fans)"}, nil, scanner.ErrHTTPStatus, "the Graph API refused the request"},
		{"ig user not found by subcode", 400, graphError{Code: 100, Subcode: 2207013, Message: "x"}, nil, scanner.ErrNotFound, "does not exist or is not public"},
		{"user rate limit", 400, graphError{Code: 17, Message: "(#17) User request limit reached"}, nil, scanner.ErrHTTPStatus, "Meta API rate limit reached"},
		{"page rate limit", 400, graphError{Code: 32, Message: "Page request limit reached"}, http.Header{"X-Page-Usage": {`{"call_count":100}`}}, scanner.ErrHTTPStatus, `rate limit reached; X-Page-Usage: {"call_count":100}`},
		{"call type rate limit", 400, graphError{Code: 613, Message: "Calls to this api have exceeded the rate limit."}, nil, scanner.ErrHTTPStatus, "Meta API rate limit reached"},
		{"token in a message", 400, graphError{Code: 1, Message: "see https://x/?access_token=abc&y=1 and " + testToken}, nil, scanner.ErrHTTPStatus, "access_token=[token]&y=1 and [token]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &scanner.Response{StatusCode: tt.status, Header: tt.header}
			if resp.Header == nil {
				resp.Header = http.Header{}
			}
			err := g.graphFailure("https://graph.facebook.com/v21.0/x", resp, &tt.ge, nil)
			var fe *scanner.FetchError
			if !errors.As(err, &fe) || fe.Kind != tt.wantKind || fe.StatusCode != tt.status || !strings.Contains(fe.Detail, tt.wantDetail) {
				t.Errorf("graphFailure = %+v, want kind %s, status %d, detail with %q", err, tt.wantKind, tt.status, tt.wantDetail)
			}
		})
	}
}
