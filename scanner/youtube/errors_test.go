package youtube

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name, tree, url string
		wantKind        scanner.ErrorKind
		wantStatus      int
		wantDetail      string
		wantURL         string // "" when no request is made
	}{
		{"consent redirect", "consent", "https://www.youtube.com/@stadsmuseet",
			scanner.ErrBlocked, 0, consentDetail, "https://www.youtube.com/@stadsmuseet/about"},
		{"consent form in place of the page", "consent", "https://www.youtube.com/@medeltidsmuseet",
			scanner.ErrBlocked, 0, consentDetail, "https://www.youtube.com/@medeltidsmuseet/about"},
		{"no such channel", "errors", "https://www.youtube.com/@finnsinte",
			scanner.ErrNotFound, 404, "the channel does not exist", "https://www.youtube.com/@finnsinte/about"},
		{"terminated channel", "errors", "https://www.youtube.com/@avslutad",
			scanner.ErrNotFound, 0, "the channel is not available: Det här kontot har avslutats", "https://www.youtube.com/@avslutad/about"},
		{"page without ytInitialData", "errors", "https://www.youtube.com/@trasig",
			scanner.ErrUnparseable, 0, "no ytInitialData", "https://www.youtube.com/@trasig/about"},
		{"not a channel link", "errors", "https://www.youtube.com/watch?v=xbJNHWMaunM",
			scanner.ErrInvalidInput, 0, "not a YouTube channel link", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := serve(t, tt.tree)
			_, err := New(f, DefaultConfig()).Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			var fe *scanner.FetchError
			if !errors.As(err, &fe) {
				t.Fatalf("Fetch error = %v, want a *scanner.FetchError", err)
			}
			if fe.Kind != tt.wantKind || fe.StatusCode != tt.wantStatus || !strings.Contains(fe.Detail, tt.wantDetail) {
				t.Errorf("error = %+v, want kind %s, status %d, detail containing %q", fe, tt.wantKind, tt.wantStatus, tt.wantDetail)
			}
			reqs := f.Requests()
			if tt.wantURL == "" {
				if len(reqs) != 0 {
					t.Errorf("%d requests for an unusable link, want none", len(reqs))
				}
				return
			}
			if fe.URL != tt.wantURL {
				t.Errorf("error URL = %q, want %q", fe.URL, tt.wantURL)
			}
			if len(reqs) != 1 {
				t.Errorf("%d requests, want only the channel page: no feed for a channel not seen", len(reqs))
			}
		})
	}
}
