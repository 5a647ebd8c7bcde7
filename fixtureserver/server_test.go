package fixtureserver

import (
	"io"
	"net/http"
	"testing"
	"testing/fstest"
	"time"
)

func TestServerRoutesByHostPathQueryAndSequence(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"social.example/routes.json": {Data: []byte(`[
			{"path": "/api/v1/accounts/lookup", "query": {"acct": "kultur"},
			 "responses": [{"status": 429, "headers": {"Retry-After": "1"}}, {"file": "lookup.json", "headers": {"Content-Type": "application/json"}}]},
			{"path": "/api/v1/accounts/lookup", "responses": [{"status": 404, "body": "{\"error\":\"Record not found\"}"}]}
		]`)},
		"social.example/lookup.json": {Data: []byte(`{"id":"1"}`)},
		"blog.example/routes.json":   {Data: []byte(`[{"path": "/", "responses": [{"body": "<html>hej</html>"}]}]`)},
	}
	srv, err := Start(fsys)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	client := &http.Client{Transport: srv.Transport()}

	tests := []struct {
		url        string
		wantStatus int
		wantBody   string
	}{
		{"https://social.example/api/v1/accounts/lookup?acct=kultur", 429, ""},
		{"https://social.example/api/v1/accounts/lookup?acct=kultur", 200, `{"id":"1"}`},
		{"https://social.example/api/v1/accounts/lookup?acct=kultur", 200, `{"id":"1"}`},
		{"https://social.example/api/v1/accounts/lookup?acct=other", 404, `{"error":"Record not found"}`},
		{"https://blog.example/", 200, "<html>hej</html>"},
		{"https://blog.example/missing", 404, "404 page not found\n"},
		{"https://unknown.example/", 404, "404 page not found\n"},
	}
	for _, tt := range tests {
		resp, err := client.Get(tt.url)
		if err != nil {
			t.Fatalf("GET %s: %v", tt.url, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.wantStatus || string(body) != tt.wantBody {
			t.Errorf("GET %s = %d %q, want %d %q", tt.url, resp.StatusCode, body, tt.wantStatus, tt.wantBody)
		}
		if resp.Request.URL.String() != tt.url {
			t.Errorf("GET %s: response request URL %s, want the original", tt.url, resp.Request.URL)
		}
	}
	if got := srv.Handler.Hosts(); len(got) != 2 || got[0] != "blog.example" {
		t.Errorf("Hosts() = %v", got)
	}
}

func TestNewHandlerRejectsBrokenTrees(t *testing.T) {
	t.Parallel()
	tests := map[string]fstest.MapFS{
		"no routes":    {"x/readme.txt": {Data: []byte("x")}},
		"bad json":     {"h/routes.json": {Data: []byte(`[{`)}},
		"no responses": {"h/routes.json": {Data: []byte(`[{"path": "/"}]`)}},
		"missing file": {"h/routes.json": {Data: []byte(`[{"path": "/", "responses": [{"file": "gone.json"}]}]`)}},
	}
	for name, fsys := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := NewHandler(fsys); err == nil {
				t.Error("NewHandler accepted a broken tree")
			}
		})
	}
}

func TestWithLatencyHoldsAnswersBack(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"h.example/routes.json": {Data: []byte(`[{"path": "/", "responses": [{"body": "ok"}]}]`)}}
	srv, err := Start(fsys, WithLatency(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	start := time.Now()
	resp, err := (&http.Client{Transport: srv.Transport()}).Get("https://h.example/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if took := time.Since(start); took < 50*time.Millisecond {
		t.Errorf("answer came after %v, want at least 50ms", took)
	}
}
