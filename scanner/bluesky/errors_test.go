package bluesky

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name       string
		tree, url  string
		appView    string // empty: the default
		wantKind   scanner.ErrorKind
		wantStatus int
		wantDetail string
		wantURL    string // a part of the failing URL
		wantReqs   int
	}{
		{"unknown account", "errors", "https://bsky.app/profile/finnsinte.bsky.social", "",
			scanner.ErrNotFound, 400, "Profile not found", "getProfile?actor=finnsinte.bsky.social", 1},
		{"suspended account", "errors", "@avstangd.bsky.social", "",
			scanner.ErrNotFound, 400, "Account has been suspended", "getProfile?actor=avstangd.bsky.social", 1},
		{"deactivated account", "errors", "@vilande.bsky.social", "",
			scanner.ErrNotFound, 400, "Account is deactivated", "getProfile?actor=vilande.bsky.social", 1},
		{"hidden from logged-out visitors", "errors", "https://bsky.app/profile/inloggad.stockholm.se", "",
			scanner.ErrBlocked, 0, "asks not to be shown to logged-out visitors (!no-unauthenticated)", "getProfile?actor=inloggad.stockholm.se", 1},
		{"broken profile JSON", "errors", "@trasig.bsky.social", "",
			scanner.ErrUnparseable, 0, "not Bluesky XRPC JSON", "getProfile?actor=trasig.bsky.social", 1},
		{"feed is an HTML error page", "errors", "@trasigtflode.bsky.social", "",
			scanner.ErrUnparseable, 0, "not Bluesky XRPC JSON", "getAuthorFeed?actor=", 2},
		{"AppView needs a login", "auth-required", "@kultur.stockholm.se", "https://bsky.social",
			scanner.ErrHTTPStatus, 401, "asks for a login (AuthMissing: Authentication Required)", "https://bsky.social/xrpc/", 1},
		{"post link, not a profile", "errors", "https://bsky.app/profile/kultur.stockholm.se/post/3n2qaqvc5c2ke", "",
			scanner.ErrInvalidInput, 0, "/profile/HANDLE", "/post/", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, tt.tree)
			cfg := DefaultConfig()
			if tt.appView != "" {
				cfg.AppView = tt.appView
			}
			got, err := New(f, cfg).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("Fetch = %+v, %v; want a *scanner.FetchError", got, err)
			}
			if fe.Kind != tt.wantKind || fe.StatusCode != tt.wantStatus || !strings.Contains(fe.Detail, tt.wantDetail) {
				t.Errorf("error = %+v, want kind %s, status %d, detail containing %q", fe, tt.wantKind, tt.wantStatus, tt.wantDetail)
			}
			if !strings.Contains(fe.URL, tt.wantURL) {
				t.Errorf("error URL = %q, want it to contain %q", fe.URL, tt.wantURL)
			}
			if n := len(f.Requests()); n != tt.wantReqs {
				t.Errorf("%d requests, want %d", n, tt.wantReqs)
			}
		})
	}
}

func TestStatusError(t *testing.T) {
	const u = "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=kultur.stockholm.se"
	httpErr := func(code int) error {
		return &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: u, StatusCode: code, Detail: "from the fetcher"}
	}
	tests := []struct {
		name       string
		resp       *scanner.Response
		err        error
		wantKind   scanner.ErrorKind
		wantStatus int
		wantDetail string
	}{
		{"403 without XRPC JSON", &scanner.Response{StatusCode: 403, Body: []byte("<html>Forbidden</html>")}, httpErr(403),
			scanner.ErrHTTPStatus, 403, "the AppView asks for a login (HTTP 403)"},
		{"502 error page", &scanner.Response{StatusCode: 502, Body: []byte("<html>Bad Gateway</html>")}, httpErr(502),
			scanner.ErrHTTPStatus, 502, "from the fetcher"},
		{"other InvalidRequest", &scanner.Response{StatusCode: 400, Body: []byte(`{"error":"InvalidRequest","message":"Error: actor must be a valid did or a handle"}`)}, httpErr(400),
			scanner.ErrHTTPStatus, 400, "actor must be a valid did or a handle"},
		{"error name without message", &scanner.Response{StatusCode: 400, Body: []byte(`{"error":"AccountTakedown"}`)}, httpErr(400),
			scanner.ErrNotFound, 400, "AccountTakedown"},
		{"network failure gets the URL", nil, errors.New("connection reset by peer"),
			scanner.ErrNetwork, 0, "connection reset by peer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fe *scanner.FetchError
			if !errors.As(statusError(u, tt.resp, tt.err), &fe) {
				t.Fatal("statusError did not return a *scanner.FetchError")
			}
			if fe.Kind != tt.wantKind || fe.StatusCode != tt.wantStatus || !strings.Contains(fe.Detail, tt.wantDetail) || fe.URL != u {
				t.Errorf("statusError = %+v, want kind %s, status %d, detail containing %q, URL %s", fe, tt.wantKind, tt.wantStatus, tt.wantDetail, u)
			}
		})
	}
}
