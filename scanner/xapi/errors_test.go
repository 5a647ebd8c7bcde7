package xapi

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
		url        string
		wantKind   scanner.ErrorKind
		wantStatus int
		wantDetail string
		wantURL    string // part of the error's URL
		wantReqs   int
	}{
		{"unknown account", "https://x.com/finnsinte_sthlm", scanner.ErrNotFound, 0,
			"the account does not exist (X: Not Found Error: Could not find user with username: [finnsinte_sthlm].)", "/users/by/username/finnsinte_sthlm", 1},
		{"suspended account", "https://twitter.com/avstangt_konto", scanner.ErrNotFound, 0,
			"the account is suspended (X: Forbidden: User has been suspended: [avstangt_konto].)", "/users/by/username/avstangt_konto", 1},
		{"token refused", "@nyckel_fel", scanner.ErrHTTPStatus, 401,
			"the X token was refused", "/users/by/username/nyckel_fel", 1},
		{"plan without the endpoint", "@fel_plan", scanner.ErrHTTPStatus, 403,
			"the X token's plan does not allow this endpoint", "/users/by/username/fel_plan", 1},
		{"rate limit never lifts", "@alltid_strypt", scanner.ErrHTTPStatus, 429,
			"X API rate limit reached (the window resets at 2026-09-30 08:45 UTC)", "/users/by/username/alltid_strypt", 1},
		{"broken tweets JSON", "https://x.com/trasig_sida", scanner.ErrUnparseable, 0,
			"the answer is not X API JSON", "/users/1320411098765432832/tweets?", 2},
		{"not a profile link", "https://x.com/i/lists/1234567890", scanner.ErrInvalidInput, 0,
			"/i is a page of X", "https://x.com/i/lists/1234567890", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, "errors")
			_, err := New(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("Fetch error = %v, want a *scanner.FetchError", err)
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

func TestFetchWaitsOutRateLimit(t *testing.T) {
	f := serve(t, "errors")
	got, err := New(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: "https://x.com/sthlm_trafik"}, day("2026-09-01T00:00:00Z"))
	if err != nil {
		t.Fatalf("Fetch after a 429 with x-rate-limit headers: %v", err)
	}
	own := 0
	for _, p := range got.Posts {
		if p.Own() {
			own++
		}
	}
	if got.Profile.DisplayName != "Trafik i Stockholm" || len(got.Posts) != 12 || own != 7 || !got.CompleteSince.IsZero() {
		t.Errorf("got %q with %d posts (%d own), CompleteSince %v; want Trafik i Stockholm, 12 posts (7 own), zero",
			got.Profile.DisplayName, len(got.Posts), own, got.CompleteSince)
	}
}

func TestFetchWithoutToken(t *testing.T) {
	for _, token := range []string{"", "  \n"} {
		t.Run("token "+strings.TrimSpace(token), func(t *testing.T) {
			f := serve(t, "passing")
			cfg := DefaultConfig()
			cfg.BearerToken = scanner.Secret(token)
			_, err := New(f, cfg).Fetch(context.Background(), scanner.Account{URL: "https://x.com/stockholmsstad"}, day("2026-09-01T00:00:00Z"))
			var u *scanner.Unsupported
			if !errors.As(err, &u) || u.Reason != scanner.NeedsXToken {
				t.Errorf("Fetch error = %v, want Unsupported %s", err, scanner.NeedsXToken)
			}
			if n := len(f.Requests()); n != 0 {
				t.Errorf("%d requests without a token, want 0", n)
			}
		})
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		name       string
		errs       []apiError
		wantKind   scanner.ErrorKind
		wantDetail string
	}{
		{"none", nil, scanner.ErrUnparseable, "neither data nor errors"},
		{"other problem", []apiError{{Title: "Invalid Request", Detail: "One or more parameters to your request was invalid."}},
			scanner.ErrUnparseable, "X answered with an error: Invalid Request: One or more parameters"},
		{"suspended wins", []apiError{{Title: "Not Found Error", Type: problemNotFound}, {Title: "Forbidden", Detail: "User has been suspended: [x].", Type: problemNotFound}},
			scanner.ErrNotFound, "the account is suspended"},
		{"long text is cut", []apiError{{Detail: strings.Repeat("ö", 500)}}, scanner.ErrUnparseable, strings.Repeat("ö", maxProblemText) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fe *scanner.FetchError
			err := problemError("https://api.x.com/2/u", tt.errs)
			if !errors.As(err, &fe) || fe.Kind != tt.wantKind || !strings.Contains(fe.Detail, tt.wantDetail) || fe.URL != "https://api.x.com/2/u" {
				t.Errorf("problemError = %v, want kind %s with %q", err, tt.wantKind, tt.wantDetail)
			}
			if strings.Contains(fe.Detail, strings.Repeat("ö", maxProblemText+1)) {
				t.Errorf("problemError detail is %d characters, want it cut", len([]rune(fe.Detail)))
			}
		})
	}
}
