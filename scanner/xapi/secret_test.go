package xapi

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestTokenNeverLeaks runs every kind of outcome and looks for the token
// (and its unescaped form) everywhere the adapter's output can end up.
func TestTokenNeverLeaks(t *testing.T) {
	tests := []struct{ tree, url string }{
		{"passing", "https://x.com/stockholmsstad"},
		{"failing", "@sthlm_evenemang"},
		{"errors", "https://x.com/finnsinte_sthlm"},
		{"errors", "https://x.com/avstangt_konto"},
		{"errors", "https://x.com/ungdomsradet"},
		{"errors", "https://x.com/nyckel_fel"},
		{"errors", "https://x.com/fel_plan"},
		{"errors", "https://x.com/alltid_strypt"},
		{"errors", "https://x.com/sthlm_trafik"},
		{"errors", "https://x.com/trasig_sida"},
		{"errors", "https://x.com/laste_nyss"},
	}
	secrets := []string{testToken, "AAAAAAAAAAAAAAAAAAAAAMsmauditTEST0+fakeToken=notReal42", "smauditTEST0"}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			f := serve(t, tt.tree)
			a := New(f, testConfig())
			got, err := a.Fetch(context.Background(), scanner.Account{URL: tt.url}, day("2026-09-01T00:00:00Z"))
			out := fmt.Sprintf("%+v\n%#v\n%v\n%+v\n%v\n%#v", got, got, err, err, a, a)
			if err != nil {
				out += "\n" + err.Error()
			}
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("the token shows in the adapter's output:\n%s", out)
				}
			}
			reqs := f.Requests()
			if len(reqs) == 0 {
				t.Fatal("no requests made")
			}
			for _, r := range reqs {
				if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
					t.Errorf("request %s: Authorization %q, want the bearer token", r.URL, got)
				}
				for _, s := range secrets {
					if strings.Contains(r.URL, s) {
						t.Errorf("request URL %s carries the token", r.URL)
					}
				}
			}
		})
	}
}

// TestTokenReachesServerInHeaderOnly checks what the server receives
// through the real crawl layer, not just what the adapter asked for.
func TestTokenReachesServerInHeaderOnly(t *testing.T) {
	h, err := fixtureserver.NewHandler(os.DirFS("testdata/passing"))
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu   sync.Mutex
		seen []*http.Request
	)
	srv := &fixtureserver.Server{Server: httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Clone(r.Context()))
		mu.Unlock()
		h.ServeHTTP(w, r)
	})), Handler: h}
	defer srv.Close()
	f, err := srv.Fetcher()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(f, testConfig()).Fetch(context.Background(), scanner.Account{URL: "https://x.com/stockholmsstad"}, day("2026-11-10T00:00:00Z")); err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 {
		t.Fatalf("server saw %d requests, want 2", len(seen))
	}
	for _, r := range seen {
		if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
			t.Errorf("server got Authorization %q for %s, want the bearer token", got, r.URL)
		}
		if strings.Contains(r.URL.String(), "smauditTEST0") {
			t.Errorf("server got the token in the URL %s", r.URL)
		}
	}
}

func TestConfigPrintsRedacted(t *testing.T) {
	cfg := testConfig()
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(verb, cfg) + fmt.Sprintf(verb, New(nil, cfg))
		if strings.Contains(out, "smauditTEST0") || !strings.Contains(out, "[redacted]") {
			t.Errorf("%s prints %q, want the token redacted", verb, out)
		}
	}
	if out := fmt.Sprint(DefaultConfig()); strings.Contains(out, "[redacted]") || !strings.Contains(out, DefaultAPIBase) {
		t.Errorf("DefaultConfig prints %q, want no token and the API base", out)
	}
}
