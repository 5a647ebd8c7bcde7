package meta

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// igFetch and fbFetch name which adapter a test case drives.
const (
	fbFetch = "facebook"
	igFetch = "instagram"
)

// TestFetchErrors drives the adapters through the real crawl layer
// (fixtureserver, whose deadline is a minute): a Graph rate limit that
// lasts the hour's window is an ErrRateLimited at once, in Graph's words.
func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name       string
		adapter    string
		url        string
		wantKind   scanner.ErrorKind
		wantStatus int
		wantDetail []string // all must appear
		wantURL    string   // the failing URL must contain it
		wantReqs   int
	}{
		{"expired token", fbFetch, "https://www.facebook.com/utgangen", scanner.ErrHTTPStatus, 400,
			[]string{"the Meta token was refused (expired or invalid)", "Graph error 190/463", "Session has expired"}, "/v21.0/utgangen?", 1},
		{"malformed token quoted by Graph", fbFetch, "https://www.facebook.com/felformat", scanner.ErrHTTPStatus, 401,
			[]string{"the Meta token was refused (expired or invalid)", "Malformed access token [token]"}, "/v21.0/felformat?", 1},
		{"no permission", fbFetch, "https://www.facebook.com/hemligsidan", scanner.ErrHTTPStatus, 403,
			[]string{"the Meta token lacks permission for this page", "pages_read_engagement"}, "/v21.0/hemligsidan?", 1},
		{"unknown page name", fbFetch, "https://facebook.com/finnsintesidan/", scanner.ErrNotFound, 404,
			[]string{"the page/account does not exist or is not public", "Graph error 803"}, "/v21.0/finnsintesidan?", 1},
		{"unknown page id", fbFetch, "https://www.facebook.com/profile.php?id=100000000000001", scanner.ErrNotFound, 400,
			[]string{"the page/account does not exist or is not public", "Graph error 100/33", "does not exist"}, "/v21.0/100000000000001?", 1},
		{"app rate limit", fbFetch, "https://www.facebook.com/strypt", scanner.ErrRateLimited, 400,
			[]string{"rate limit, not reached before the deadline", "Meta API rate limit reached", `X-App-Usage: {"call_count":100`, "Graph error 4"}, "/v21.0/strypt?", 1},
		{"page rate limit", fbFetch, "https://www.facebook.com/sidgrans", scanner.ErrRateLimited, 403,
			[]string{"rate limit, not reached before the deadline", "Meta API rate limit reached", `"estimated_time_to_regain_access":17`, "Graph error 80001"}, "/v21.0/sidgrans?", 1},
		// A Graph error envelope with HTTP 200 (as a JSONP or batch answer
		// carries one) is that error, never an empty page of data; its
		// throttling is a rate limit like one sent with 400.
		{"rate limit with HTTP 200", fbFetch, "https://www.facebook.com/strypt200", scanner.ErrRateLimited, 200,
			[]string{"rate limit, not reached before the deadline", "Meta API rate limit reached", `X-App-Usage: {"call_count":100`, "Graph error 4", "Application request limit reached"}, "/v21.0/strypt200?", 1},
		{"posts refused with HTTP 200", fbFetch, "https://www.facebook.com/tystnad", scanner.ErrRateLimited, 200,
			[]string{"rate limit, not reached before the deadline", "Meta API rate limit reached", "Graph error 4"}, "/104392817650997/posts?", 2},
		{"unknown error with HTTP 200", fbFetch, "https://www.facebook.com/okant200", scanner.ErrHTTPStatus, 200,
			[]string{"the Graph API refused the request", "Graph error 1", "An unknown error has occurred."}, "/v21.0/okant200?", 1},
		{"broken JSON", fbFetch, "https://www.facebook.com/trasigsida", scanner.ErrUnparseable, 0,
			[]string{"not Graph API JSON"}, "/v21.0/trasigsida?", 1},
		{"page without id", fbFetch, "https://www.facebook.com/ingetid", scanner.ErrUnparseable, 0,
			[]string{"no numeric id"}, "/v21.0/ingetid?", 1},
		{"post date not Graph's", fbFetch, "https://www.facebook.com/feldatum", scanner.ErrUnparseable, 0,
			[]string{`post 104392817650999_1: created_time "28/09/2026 10:15"`}, "/104392817650999/posts?", 2},
		{"not a page link", fbFetch, "https://www.facebook.com/groups/123456", scanner.ErrInvalidInput, 0,
			[]string{"not a Facebook page link"}, "groups", 0},
		{"instagram account not found", igFetch, "https://www.instagram.com/finnsintekonto/", scanner.ErrNotFound, 400,
			[]string{"the page/account does not exist or is not public", "Graph error 110/2207013"}, "username(finnsintekonto)", 1},
		{"instagram expired token", igFetch, "https://www.instagram.com/utgangen/", scanner.ErrHTTPStatus, 400,
			[]string{"the Meta token was refused (expired or invalid)"}, "username(utgangen)", 1},
		{"instagram rate limit", igFetch, "https://www.instagram.com/strypt/", scanner.ErrRateLimited, 403,
			[]string{"rate limit, not reached before the deadline", "Meta API rate limit reached", `"call_count":100`}, "username(strypt)", 1},
		{"instagram broken JSON", igFetch, "https://www.instagram.com/trasigt/", scanner.ErrUnparseable, 0,
			[]string{"not Graph API JSON"}, "username(trasigt)", 1},
		{"instagram answer without business_discovery", igFetch, "https://www.instagram.com/utanbd/", scanner.ErrUnparseable, 0,
			[]string{"no business_discovery"}, "username(utanbd)", 1},
		{"instagram media date not Graph's", igFetch, "https://www.instagram.com/feldatum/", scanner.ErrUnparseable, 0,
			[]string{`media 17900000000000001: timestamp "igår"`}, "username(feldatum)", 1},
		{"not an account link", igFetch, "https://www.instagram.com/p/C9xYz12AbCd/", scanner.ErrInvalidInput, 0,
			[]string{"not an Instagram account link"}, "/p/", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "errors")
			var a scanner.Adapter = NewFacebook(f, testConfig())
			if tt.adapter == igFetch {
				a = NewInstagram(f, testConfig())
			}
			got, err := a.Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			checkNoToken(t, f, got, err)
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("Fetch error = %v, want a *scanner.FetchError", err)
			}
			if fe.Kind != tt.wantKind || fe.StatusCode != tt.wantStatus {
				t.Errorf("error = %+v, want kind %s, status %d", fe, tt.wantKind, tt.wantStatus)
			}
			for _, d := range tt.wantDetail {
				if !strings.Contains(fe.Detail, d) {
					t.Errorf("detail %q lacks %q", fe.Detail, d)
				}
			}
			if !strings.Contains(fe.URL, tt.wantURL) {
				t.Errorf("error URL %q, want one containing %q", fe.URL, tt.wantURL)
			}
			if n := len(f.Requests()); n != tt.wantReqs {
				t.Errorf("%d requests, want %d (a Graph rate limit is reported, not waited for)", n, tt.wantReqs)
			}
		})
	}
}

func TestWithoutConfiguration(t *testing.T) {
	tests := []struct {
		name       string
		adapter    string
		token, ig  string
		url        string
		wantReason scanner.UnsupportedReason // "" when an error is wanted
		wantDetail string
	}{
		{"facebook without token", fbFetch, "", testIGUserID, "https://www.facebook.com/kulturforvaltningen", scanner.NeedsMetaToken, ""},
		{"facebook with blank token", fbFetch, "  ", testIGUserID, "https://www.facebook.com/kulturforvaltningen", scanner.NeedsMetaToken, ""},
		{"instagram without token", igFetch, "", testIGUserID, igPassURL, scanner.NeedsMetaToken, ""},
		{"instagram without token or user id", igFetch, "", "", igPassURL, scanner.NeedsMetaToken, ""},
		{"instagram without user id", igFetch, testToken, "", igPassURL, "", "instagram-user-id is not configured (needed for business_discovery)"},
		{"instagram with a user name as user id", igFetch, testToken, "stockholmsstad", igPassURL, "", "instagram-user-id is not a numeric"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "instagram-pass")
			cfg := DefaultConfig()
			cfg.Token, cfg.InstagramUserID = scanner.Secret(tt.token), tt.ig
			var a scanner.Adapter = NewFacebook(f, cfg)
			if tt.adapter == igFetch {
				a = NewInstagram(f, cfg)
			}
			_, err := a.Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			if n := len(f.Requests()); n != 0 {
				t.Errorf("%d requests, want none", n)
			}
			if tt.wantReason != "" {
				var u *scanner.Unsupported
				if !errors.As(err, &u) || u.Reason != tt.wantReason {
					t.Errorf("Fetch error = %v, want Unsupported{%s}", err, tt.wantReason)
				}
				return
			}
			var fe *scanner.FetchError
			if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || !strings.Contains(fe.Detail, tt.wantDetail) {
				t.Errorf("Fetch error = %v, want ErrInvalidInput with %q", err, tt.wantDetail)
			}
		})
	}
}
