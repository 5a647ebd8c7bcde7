package youtube

import (
	"errors"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestAPIError(t *testing.T) {
	const u = "https://www.googleapis.com/youtube/v3/channels?part=contentDetails,snippet&id=UCaaaaaaaaaaaaaaaaaaaaaa"
	tests := []struct {
		name       string
		status     int
		body       string
		fetchErr   error
		wantKind   scanner.ErrorKind
		wantDetail string
	}{
		{"daily limit", 403, `{"error":{"code":403,"message":"Daily Limit Exceeded.","errors":[{"domain":"usageLimits","reason":"dailyLimitExceeded"}]}}`,
			nil, scanner.ErrHTTPStatus, detailQuota},
		{"legacy invalid key", 400, `{"error":{"code":400,"message":"Bad Request","errors":[{"domain":"usageLimits","reason":"keyInvalid"}]}}`,
			nil, scanner.ErrHTTPStatus, detailKeyRefused},
		{"API not enabled", 403, `{"error":{"code":403,"message":"YouTube Data API v3 has not been used in project 123 before or it is disabled.","errors":[{"domain":"usageLimits","reason":"accessNotConfigured"}],"status":"PERMISSION_DENIED","details":[{"reason":"SERVICE_DISABLED"}]}}`,
			nil, scanner.ErrHTTPStatus, detailKeyRefused + ": YouTube Data API v3 has not been used in project 123 before or it is disabled."},
		{"key echoed", 403, `{"error":{"code":403,"message":"Requests from this client with key ` + testKey + ` are blocked.","errors":[{"reason":"forbidden"}]}}`,
			nil, scanner.ErrHTTPStatus, detailKeyRefused + ": Requests from this client with key [api-key] are blocked."},
		{"missing playlist", 404, `{"error":{"code":404,"message":"The playlist identified with the request's <code>playlistId</code> parameter cannot be found.","errors":[{"domain":"youtube.playlistItem","reason":"playlistNotFound"}]}}`,
			nil, scanner.ErrNotFound, "the channel's uploads playlist does not exist"},
		{"server error page", 503, `<html>Service Unavailable</html>`, nil, scanner.ErrHTTPStatus, "Service Unavailable"},
		{"timeout", 0, "", &scanner.FetchError{Kind: scanner.ErrTimeout, URL: u, Detail: "no answer within 30s"}, scanner.ErrTimeout, "no answer within 30s"},
	}
	a := New(nil, apiConfig(10))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp *scanner.Response
			err := tt.fetchErr
			if tt.status != 0 {
				resp = &scanner.Response{URL: u, StatusCode: tt.status, Body: []byte(tt.body)}
				err = &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: u, StatusCode: tt.status, Detail: "Service Unavailable"}
			}
			got := a.apiError(u, resp, err)
			var fe *scanner.FetchError
			if !errors.As(got, &fe) {
				t.Fatalf("apiError = %v, want a *scanner.FetchError", got)
			}
			if fe.Kind != tt.wantKind || fe.Detail != tt.wantDetail || fe.URL != u || fe.StatusCode != tt.status {
				t.Errorf("apiError = %+v, want kind %s, detail %q, status %d", fe, tt.wantKind, tt.wantDetail, tt.status)
			}
			if strings.Contains(got.Error(), testKey) {
				t.Errorf("the key shows in %q", got.Error())
			}
		})
	}
}
