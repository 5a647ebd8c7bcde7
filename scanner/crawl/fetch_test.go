package crawl

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFetchSendsUserAgentAndAccept(t *testing.T) {
	var gotUA, gotAccept string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAccept = r.UserAgent(), r.Header.Get("Accept")
		fmt.Fprint(w, "ok")
	})
	tests := []struct {
		name, ua, accept, wantAccept string
	}{
		{"json api", "smaudit/1.2.3 (+mailto:webb@example.se)", "application/json", "application/json"},
		{"feed", "smaudit/0.1 (+https://example.se/om)", "application/rss+xml, application/atom+xml", "application/rss+xml, application/atom+xml"},
		{"any", "", "", "*/*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, func(cfg *Config) { cfg.UserAgent = tt.ua; cfg.Contact = "https://example.se/kontakt" })
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/x", Accept: tt.accept})
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			wantUA := tt.ua
			if wantUA == "" {
				wantUA = "smaudit/dev (+https://example.se/kontakt)"
			}
			if gotUA != wantUA {
				t.Errorf("User-Agent = %q, want %q", gotUA, wantUA)
			}
			if gotAccept != tt.wantAccept {
				t.Errorf("Accept = %q, want %q", gotAccept, tt.wantAccept)
			}
			if string(resp.Body) != "ok" || resp.StatusCode != 200 || resp.URL != srv.URL+"/x" {
				t.Errorf("response = %d %q %q, want 200 %q %q", resp.StatusCode, resp.URL, resp.Body, srv.URL+"/x", "ok")
			}
		})
	}
}

func TestFetchRejectsInvalidURL(t *testing.T) {
	c := newTestClient(t, nil)
	for _, u := range []string{"", "ftp://example.se/x", "/relative/path", "https://", "http://[::1"} {
		t.Run(u, func(t *testing.T) {
			_, err := c.Fetch(context.Background(), scanner.Request{URL: u})
			wantKind(t, err, scanner.ErrInvalidInput)
		})
	}
}

func TestFetchKeepsBodyOfErrorStatus(t *testing.T) {
	hits := &counter{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":"Record not found"}`)
	})
	c := newTestClient(t, nil)
	resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/api/v1/accounts/lookup?acct=nobody"})
	fe := wantKind(t, err, scanner.ErrHTTPStatus)
	if fe.StatusCode != 404 || !strings.HasSuffix(fe.URL, "acct=nobody") {
		t.Errorf("error = %+v, want status 404 and the URL", fe)
	}
	if resp == nil || string(resp.Body) != `{"error":"Record not found"}` || resp.StatusCode != 404 {
		t.Fatalf("response = %+v, want the 404 with its body", resp)
	}
	if got := hits.get(); got != 1 {
		t.Errorf("server hit %d times, want 1 (4xx is not retried)", got)
	}
}

func TestFetchKeepsBytesOfOtherCharsets(t *testing.T) {
	latin1 := []byte("<p>G\xe5rdsf\xf6rs\xe4ljning</p>")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write(latin1)
	})
	c := newTestClient(t, nil)
	resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if !bytes.Equal(resp.Body, latin1) {
		t.Errorf("body = %q, want the server's bytes %q", resp.Body, latin1)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/html; charset=iso-8859-1" {
		t.Errorf("Content-Type = %q, want the server's", got)
	}
}

func TestFetchFollowsRedirectsUpToLimit(t *testing.T) {
	// /hop/N redirects to /hop/N-1; /hop/0 answers.
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hop/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
			return
		}
		fmt.Fprint(w, "arrived")
	})
	tests := []struct {
		name       string
		max, hops  int
		wantErr    bool
		wantSuffix string
	}{
		{"no redirect", 5, 0, false, "/hop/0"},
		{"at the limit", 5, 5, false, "/hop/0"},
		{"one over", 5, 6, true, "/hop/1"},
		{"redirects off", 0, 1, true, "/hop/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, func(cfg *Config) { cfg.MaxRedirects = tt.max })
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: fmt.Sprintf("%s/hop/%d", srv.URL, tt.hops)})
			if resp == nil {
				t.Fatalf("no response (error %v)", err)
			}
			if !strings.HasSuffix(resp.URL, tt.wantSuffix) {
				t.Errorf("final URL = %q, want suffix %q", resp.URL, tt.wantSuffix)
			}
			if !tt.wantErr {
				if err != nil || string(resp.Body) != "arrived" {
					t.Fatalf("got %q, %v; want the final page", resp.Body, err)
				}
				return
			}
			fe := wantKind(t, err, scanner.ErrHTTPStatus)
			if fe.StatusCode != http.StatusFound || !strings.Contains(fe.Detail, "redirect limit") {
				t.Errorf("error = %v, want HTTP 302 naming the redirect limit", fe)
			}
		})
	}
}

func TestFetchBodyLimit(t *testing.T) {
	const limit = 100
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		if r.URL.Query().Get("chunked") == "" {
			w.Header().Set("Content-Length", strconv.Itoa(n))
		} else {
			// Sending the headers first forces chunked encoding: the
			// size is unknown until the body has been read.
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
		}
		w.Write(bytes.Repeat([]byte("a"), n))
	})
	tests := []struct {
		name    string
		query   string
		wantLen int
		tooBig  bool
	}{
		{"under", "n=99", 99, false},
		{"exactly at limit", "n=100", 100, false},
		{"one over with length", "n=101", 0, true},
		{"far over with length", "n=100000", 0, true},
		{"at limit chunked", "n=100&chunked=1", 100, false},
		{"over chunked", "n=5000&chunked=1", 0, true},
	}
	c := newTestClient(t, func(cfg *Config) { cfg.MaxBodyBytes = limit })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/?" + tt.query})
			if tt.tooBig {
				wantKind(t, err, scanner.ErrTooLarge)
				if resp != nil {
					t.Errorf("got a response with a too large body")
				}
				return
			}
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if len(resp.Body) != tt.wantLen {
				t.Errorf("body length = %d, want %d", len(resp.Body), tt.wantLen)
			}
		})
	}
}

func TestCookiesAreNeverSentBack(t *testing.T) {
	var sawCookie atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Cookie") != "" {
			sawCookie.Store(true)
		}
		http.SetCookie(w, &http.Cookie{Name: "consent", Value: "yes", Path: "/"})
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	c := newTestClient(t, nil)
	for i := 0; i < 2; i++ {
		if _, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/"}); err != nil {
			t.Fatal(err)
		}
	}
	if sawCookie.Load() {
		t.Error("the second request carried the cookie the first answer set")
	}
}

func TestExtraHeadersAndBotWall(t *testing.T) {
	var gotAuth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth = r.Header.Get("Authorization")
		if r.URL.Path == "/company/x" {
			w.WriteHeader(statusBotWall)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	c := newTestClient(t, nil)
	_, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/api", Header: http.Header{"Authorization": {"Bearer s3cret"}}})
	if err != nil || gotAuth != "Bearer s3cret" {
		t.Errorf("Authorization header %q (err %v), want it sent", gotAuth, err)
	}
	_, err = c.Fetch(context.Background(), scanner.Request{URL: srv.URL + "/company/x"})
	fe := scanner.AsFetchError(err)
	if fe == nil || fe.StatusCode != 999 || !strings.Contains(fe.Detail, "automated visitors") {
		t.Errorf("999 answer gave %v, want an HTTP 999 error saying the site refuses automated visitors", err)
	}
}
