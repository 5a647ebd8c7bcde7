package evidence

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	red := newRedactor([]string{"sekret-token-1234"})
	tests := []struct{ in, want string }{
		{"https://graph.facebook.com/v21.0/1/posts?access_token=EAAG123&limit=100",
			"https://graph.facebook.com/v21.0/1/posts?access_token=REDACTED&limit=100"},
		{"https://www.googleapis.com/youtube/v3/playlistItems?part=snippet&key=AIzaSyFake",
			"https://www.googleapis.com/youtube/v3/playlistItems?part=snippet&key=REDACTED"},
		{"https://api.example/x?Bearer=abc&BEARER_TOKEN=def", "https://api.example/x?Bearer=REDACTED&BEARER_TOKEN=REDACTED"},
		// Paging cursors are no credentials, however they are named.
		{"https://api.x.com/2/users/1/tweets?pagination_token=7140dib&max_results=100",
			"https://api.x.com/2/users/1/tweets?pagination_token=7140dib&max_results=100"},
		{"https://mastodon.example/api/v1/accounts/lookup?acct=kultur", "https://mastodon.example/api/v1/accounts/lookup?acct=kultur"},
		// A configured secret goes wherever it stands.
		{"https://api.example/sekret-token-1234/feed", "https://api.example/REDACTED/feed"},
	}
	for _, tt := range tests {
		if got := red.url(tt.in); got != tt.want {
			t.Errorf("url(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactHeader(t *testing.T) {
	red := newRedactor([]string{"xbearer-secret-999"})
	got := red.header(http.Header{
		"Authorization":  {"Bearer anything"},
		"X-Goog-Api-Key": {"AIzaSyFake"},
		"Accept":         {"application/json"},
		"Location":       {"https://graph.facebook.com/v21.0/1/posts?access_token=EAAG123&after=x"},
		"X-Echo":         {"token xbearer-secret-999 seen"},
	})
	want := http.Header{
		"Authorization":  {Redacted},
		"X-Goog-Api-Key": {Redacted},
		"Accept":         {"application/json"},
		"Location":       {"https://graph.facebook.com/v21.0/1/posts?access_token=REDACTED&after=x"},
		"X-Echo":         {"token REDACTED seen"},
	}
	for k, v := range want {
		if strings.Join(got[k], ",") != strings.Join(v, ",") {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

// TestGraphEchoedTokenWithoutConfiguredSecret reads Graph's recorded
// posts page, whose paging links carry the token it was called with,
// through a redactor that knows no secret (a token from the environment
// that differs from the one a fixture echoes): the parameter is cleared
// all the same, and the rest of the body is kept byte for byte.
func TestGraphEchoedTokenWithoutConfiguredSecret(t *testing.T) {
	body, err := os.ReadFile("../scanner/meta/testdata/facebook-pass/graph.facebook.com/posts-1.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(body, []byte(metaToken)) {
		t.Fatalf("the fixture no longer echoes the token; the test would prove nothing")
	}
	got := newRedactor(nil).bytes(body)
	if bytes.Contains(got, []byte(metaToken)) {
		t.Error("the echoed token is still in the body")
	}
	if n := bytes.Count(got, []byte("access_token=REDACTED")); n != bytes.Count(body, []byte("access_token=")) {
		t.Errorf("%d access_token parameters redacted, want all %d", n, bytes.Count(body, []byte("access_token=")))
	}
	if want := bytes.ReplaceAll(body, []byte(metaToken), []byte(Redacted)); !bytes.Equal(got, want) {
		t.Error("redaction changed more than the token")
	}
	clean := []byte(`{"data":[{"message":"Välkommen!"}]}`)
	if out := newRedactor([]string{"unused-secret"}).bytes(clean); &out[0] != &clean[0] {
		t.Error("a body without credentials was copied; it should be passed through")
	}
}

// TestShortSecretsAreNotRedacted keeps an empty or tiny configured value
// from blanking out ordinary text.
func TestShortSecretsAreNotRedacted(t *testing.T) {
	red := newRedactor([]string{"", " ", "abc"})
	if got := string(red.bytes([]byte("abc def"))); got != "abc def" {
		t.Errorf("bytes = %q", got)
	}
}

func TestMentionsAccessToken(t *testing.T) {
	for in, want := range map[string]bool{
		"":                           false,
		"_":                          false,
		"access_token":               true,
		"x?ACCESS_TOKEN=1":           true,
		`"next":"…?Access_Token=a"`:  true,
		"created_time permalink_url": false,
		"access_toke":                false,
		"_token access":              false,
	} {
		if got := mentionsAccessToken([]byte(in)); got != want {
			t.Errorf("mentionsAccessToken(%q) = %v, want %v", in, got, want)
		}
	}
}
