package crawl

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// maxEncodings is how many stacked Content-Encodings are undone. Real
// servers send one; a longer list is a hostile answer, refused rather than
// turned into a chain of decoders.
const maxEncodings = 2

// decodingTransport takes decompression out of colly's and net/http's
// hands. colly v2.3.0 gunzips a body into memory without any limit whenever
// Content-Encoding merely contains "gzip" ("x-gzip", "gzip, identity"), the
// Content-Type contains "gzip" or the path ends in ".xml.gz", and its size
// limit counts the compressed bytes: a 1 MB answer could expand to 1 GiB.
// colly skips all of that when the response says it is already
// uncompressed, so this transport decodes every encoding it knows itself,
// stops at maxBytes of decoded output with scanner.ErrTooLarge, and then
// marks the response uncompressed. Asking for gzip explicitly also keeps
// net/http's own transparent gunzip out of the way, so there is one
// decoder, with one limit, for every transport (the demo's included).
type decodingTransport struct {
	next     http.RoundTripper
	maxBytes int64
}

// RoundTrip implements http.RoundTripper.
func (t *decodingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Accept-Encoding") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if err := t.decode(resp, req.URL.String()); err != nil {
		resp.Body.Close()
		return nil, err
	}
	return resp, nil
}

// decode replaces resp.Body by its decoded form, bounded by maxBytes.
func (t *decodingTransport) decode(resp *http.Response, rawURL string) error {
	resp.Uncompressed = true
	encodings, err := contentEncodings(resp.Header.Values("Content-Encoding"), rawURL)
	if err != nil {
		return err
	}
	orig := resp.Body
	src := &readTap{r: orig}
	var body io.Reader = bufio.NewReader(src)
	if len(encodings) == 0 && looksGzipped(resp) {
		// A ".gz" file or an application/gzip answer is a gzip stream
		// without saying so in Content-Encoding; colly unpacks those
		// too (sitemaps, feeds), so do it, within the limit.
		if magic, _ := body.(*bufio.Reader).Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			encodings = []string{"gzip"}
		}
	}
	if len(encodings) == 0 {
		resp.Body = readCloser{body, orig}
		return nil
	}
	// The last encoding listed was applied last, so it comes off first.
	for i := len(encodings) - 1; i >= 0; i-- {
		if body, err = decoder(encodings[i], body); err != nil {
			if src.err != nil && !errors.Is(src.err, io.EOF) {
				return src.err
			}
			if errors.Is(err, io.EOF) {
				// An empty body (a 204, a HEAD-like answer) has
				// nothing to decode.
				body = strings.NewReader("")
				break
			}
			return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: rawURL,
				Detail: fmt.Sprintf("%s body cannot be decoded: %v", encodings[i], err), Err: err}
		}
	}
	resp.Body = readCloser{&cappedReader{r: body, src: src, left: t.maxBytes, max: t.maxBytes, url: rawURL}, orig}
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	return nil
}

// contentEncodings lists the codings of a Content-Encoding header in the
// order applied, identity left out.
func contentEncodings(values []string, rawURL string) ([]string, error) {
	var out []string
	for _, v := range values {
		for _, e := range strings.Split(v, ",") {
			e = strings.ToLower(strings.TrimSpace(e))
			if e == "" || e == "identity" {
				continue
			}
			out = append(out, e)
		}
	}
	if len(out) > maxEncodings {
		return nil, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: rawURL,
			Detail: fmt.Sprintf("Content-Encoding lists %d codings; at most %d are decoded", len(out), maxEncodings)}
	}
	return out, nil
}

// looksGzipped reports whether the answer names gzip outside
// Content-Encoding: by its Content-Type or a path ending in ".gz".
func looksGzipped(resp *http.Response) bool {
	if strings.Contains(strings.ToLower(resp.Header.Get("Content-Type")), "gzip") {
		return true
	}
	return resp.Request != nil && strings.HasSuffix(strings.ToLower(resp.Request.URL.Path), ".gz")
}

// decoder wraps r in the decoder for coding. "deflate" is meant to be zlib
// (RFC 9110 section 8.4.1.2), but some servers send raw deflate; the zlib
// header tells them apart.
func decoder(coding string, r io.Reader) (io.Reader, error) {
	switch coding {
	case "gzip", "x-gzip":
		return gzip.NewReader(r)
	case "deflate":
		br := bufio.NewReader(r)
		h, err := br.Peek(2)
		if err != nil {
			return nil, err
		}
		if h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
			return zlib.NewReader(br)
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("content coding %q is not supported (only gzip and deflate are asked for)", coding)
}

// cappedReader passes at most max decoded bytes and fails with
// scanner.ErrTooLarge when there are more. A decoding error (corrupt
// data) becomes scanner.ErrUnparseable, so it is neither retried nor
// taken for a dead host; an error of the connection itself passes as is.
type cappedReader struct {
	r    io.Reader
	src  *readTap
	left int64
	max  int64
	url  string
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		for range 100 {
			n, err := c.r.Read(one[:])
			if n > 0 {
				return 0, &scanner.FetchError{Kind: scanner.ErrTooLarge, URL: c.url,
					Detail: fmt.Sprintf("decompressed body larger than the limit of %d bytes", c.max)}
			}
			if err != nil {
				return 0, c.wrap(err)
			}
		}
		return 0, io.ErrNoProgress
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, c.wrap(err)
}

func (c *cappedReader) wrap(err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	if c.src.err != nil && !errors.Is(c.src.err, io.EOF) {
		return err // the connection failed, not the decoder
	}
	return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: c.url, Detail: "compressed body is corrupt: " + err.Error(), Err: err}
}

// readTap remembers the last error of the raw body, so a decoder's error
// can be told apart from the connection's.
type readTap struct {
	r   io.Reader
	err error
}

func (t *readTap) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil {
		t.err = err
	}
	return n, err
}

// readCloser reads from one reader and closes another.
type readCloser struct {
	io.Reader
	io.Closer
}
