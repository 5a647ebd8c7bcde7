package crawl

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// compress encodes data with the named coding at the best ratio.
func compress(t *testing.T, coding string, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	var w io.WriteCloser
	switch coding {
	case "gzip":
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression)
	case "zlib":
		w, _ = zlib.NewWriterLevel(&buf, zlib.BestCompression)
	case "flate":
		w, _ = flate.NewWriter(&buf, flate.BestCompression)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDecompressionIsBounded(t *testing.T) {
	const limit = 256 << 10
	// 16 MiB of zeros: about 16 KiB on the wire, 64 x the limit once
	// expanded. (The ratio is what a bomb is; a bigger one only makes
	// compressing it, under the race detector, take longer.)
	zeros := make([]byte, 16<<20)
	bombs := map[string][]byte{"gzip": compress(t, "gzip", zeros), "zlib": compress(t, "zlib", zeros), "flate": compress(t, "flate", zeros)}
	zeros = nil
	tests := []struct {
		name, path, encoding, contentType, body string
	}{
		{"gzip", "/api/v1/accounts/1/statuses", "gzip", "application/json", "gzip"},
		{"x-gzip", "/api/v1/accounts/1/statuses", "x-gzip", "application/json", "gzip"},
		{"gzip, identity", "/api/v1/accounts/1/statuses", "gzip, identity", "application/json", "gzip"},
		{"upper case", "/feed", "GZIP", "application/rss+xml", "gzip"},
		{"deflate (zlib)", "/feed", "deflate", "application/rss+xml", "zlib"},
		{"deflate (raw)", "/feed", "deflate", "application/rss+xml", "flate"},
		{".gz feed without Content-Encoding", "/feed.xml.gz", "", "application/gzip", "gzip"},
		{".xml.gz sent as xml", "/sitemap.xml.gz", "", "application/xml", "gzip"},
		{"gzip content type", "/nyheter/rss", "", "application/x-gzip", "gzip"},
	}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		for _, tt := range tests {
			if r.URL.Query().Get("case") == tt.name {
				if tt.encoding != "" {
					w.Header().Set("Content-Encoding", tt.encoding)
				}
				w.Header().Set("Content-Type", tt.contentType)
				w.Write(bombs[tt.body])
				return
			}
		}
		http.NotFound(w, r)
	})
	c := newTestClient(t, func(cfg *Config) { cfg.MaxBodyBytes = limit })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + tt.path + "?case=" + strings.ReplaceAll(tt.name, " ", "+")})
			runtime.ReadMemStats(&after)
			fe := wantKind(t, err, scanner.ErrTooLarge)
			if resp != nil {
				t.Errorf("got a response for a bomb")
			}
			if !strings.Contains(fe.Detail, "decompressed") {
				t.Errorf("detail %q does not say the decompressed body was too large", fe.Detail)
			}
			// Everything this request allocated, the test server's side
			// included: a few times the limit, never the bomb's 16 MiB.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*limit {
				t.Errorf("request allocated %d MiB, want under %d MiB", alloc>>20, 8*limit>>20)
			}
		})
	}
}

func TestDecodingKeepsNormalAnswers(t *testing.T) {
	page, err := os.ReadFile("testdata/network/nyheter.html")
	if err != nil {
		t.Fatal(err)
	}
	var gotAcceptEncoding string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotAcceptEncoding = r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/gzip":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(compress(t, "gzip", page))
		case "/deflate":
			w.Header().Set("Content-Encoding", "deflate")
			w.Write(compress(t, "zlib", page))
		case "/corrupt":
			w.Header().Set("Content-Encoding", "gzip")
			b := compress(t, "gzip", page)
			b[len(b)/2] ^= 0xff
			w.Write(b)
		case "/brotli":
			w.Header().Set("Content-Encoding", "br")
			w.Write([]byte{0x1b, 0x03, 0x00})
		case "/stacked":
			w.Header().Set("Content-Encoding", "gzip, gzip, gzip")
			w.Write(compress(t, "gzip", compress(t, "gzip", compress(t, "gzip", page))))
		case "/empty":
			w.Header().Set("Content-Encoding", "gzip")
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Write(page)
		}
	})
	tests := []struct {
		path     string
		wantKind scanner.ErrorKind // empty: the page as sent
		wantBody string
	}{
		{"/gzip", "", string(page)},
		{"/deflate", "", string(page)},
		{"/plain", "", string(page)},
		{"/empty", "", ""},
		{"/corrupt", scanner.ErrUnparseable, ""},
		{"/brotli", scanner.ErrUnparseable, ""},
		{"/stacked", scanner.ErrUnparseable, ""},
	}
	c := newTestClient(t, nil)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := c.Fetch(context.Background(), scanner.Request{URL: srv.URL + tt.path})
			if gotAcceptEncoding != "gzip" {
				t.Errorf("Accept-Encoding = %q, want gzip", gotAcceptEncoding)
			}
			if tt.wantKind != "" {
				wantKind(t, err, tt.wantKind)
				return
			}
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if string(resp.Body) != tt.wantBody {
				t.Errorf("body = %.60q (%d bytes), want %d bytes of the page", resp.Body, len(resp.Body), len(tt.wantBody))
			}
			if resp.Header.Get("Content-Encoding") != "" {
				t.Errorf("Content-Encoding %q left on a decoded body", resp.Header.Get("Content-Encoding"))
			}
		})
	}
	if dead := c.DeadHosts(); len(dead) != 0 {
		t.Errorf("a corrupt or undecodable body declared the host dead: %+v", dead)
	}
}
