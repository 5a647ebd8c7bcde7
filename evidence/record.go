package evidence

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	gowarc "github.com/nlnwa/gowarc/v2"

	"github.com/stockholm-stad/smaudit/scanner"
)

// recordOptions are the options every record is built with: SHA-256
// digests, which WARC 1.1 allows and national archives ask for today,
// in gowarc's default encoding (base32, as for the customary sha1).
var recordOptions = []gowarc.WarcRecordOption{
	gowarc.WithDefaultDigestAlgorithm("sha256"),
}

// Headers smaudit writes into the recorded response itself rather than
// keeping the server's: the body is kept as smaudit read it, decoded and
// whole, so the server's transfer framing would misdescribe it. The
// server's values are kept under origPrefix, the convention web archives
// use for headers they had to rewrite.
var rewritten = []string{"Content-Encoding", "Content-Length", "Transfer-Encoding"}

// origPrefix marks a server header kept for the record but no longer in
// force: the WARC block holds the decoded body.
const origPrefix = "X-Archive-Orig-"

// requestBlock is the HTTP request smaudit sent for req, as a WARC
// request block: the method, path and query, the host, smaudit's
// User-Agent and Accept, and the adapter's headers, credentials
// replaced. Headers are sorted, so a record reads the same every time.
func requestBlock(target *url.URL, req scanner.Request, userAgent string, red redactor) []byte {
	var b bytes.Buffer
	path := target.RequestURI()
	fmt.Fprintf(&b, "GET %s HTTP/1.1\r\nHost: %s\r\n", path, target.Host)
	h := red.header(req.Header)
	if userAgent != "" {
		h.Set("User-Agent", userAgent)
	}
	if req.Accept != "" {
		h.Set("Accept", req.Accept)
	}
	writeHeader(&b, h)
	b.WriteString("\r\n")
	return b.Bytes()
}

// responseBlock is the HTTP response as smaudit read it: the status, the
// server's headers (see rewritten) and the decoded body.
func responseBlock(resp *scanner.Response, body []byte, red redactor) []byte {
	var b bytes.Buffer
	b.Grow(len(body) + 1024)
	text := http.StatusText(resp.StatusCode)
	if text == "" {
		text = "Unknown"
	}
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", resp.StatusCode, text)
	h := red.header(resp.Header)
	for _, k := range rewritten {
		if vs, ok := h[k]; ok {
			delete(h, k)
			h[origPrefix+k] = vs
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	writeHeader(&b, h)
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// writeHeader writes h sorted by name, values in their order, each line
// cleared of line breaks a header value cannot hold.
func writeHeader(b *bytes.Buffer, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	clean := strings.NewReplacer("\r", " ", "\n", " ")
	for _, k := range keys {
		for _, v := range h[k] {
			fmt.Fprintf(b, "%s: %s\r\n", k, clean.Replace(v))
		}
	}
}

// gowarcOptions is held while gowarc makes its record options: each time
// it does, it switches on google/uuid's random pool, a write to a global
// that would race with another builder's (and with the uuid.New that
// Build calls for the record id). Records are therefore built one at a
// time; the files are still compressed and written in parallel.
var gowarcOptions sync.Mutex

// buildRecord makes one WARC record of typ with the given block and
// headers; gowarc adds the record id, the length and the digests.
func buildRecord(typ gowarc.RecordType, contentType string, block []byte, date time.Time, fields [][2]string) (gowarc.WarcRecord, error) {
	gowarcOptions.Lock()
	defer gowarcOptions.Unlock()
	rb := gowarc.NewRecordBuilder(typ, recordOptions...)
	if _, err := rb.Write(block); err != nil {
		rb.Close()
		return nil, err
	}
	rb.AddWarcHeaderTime(gowarc.WarcDate, date)
	rb.AddWarcHeader(gowarc.ContentType, contentType)
	for _, f := range fields {
		rb.AddWarcHeader(f[0], f[1])
	}
	rec, _, err := rb.Build()
	if err != nil {
		return nil, fmt.Errorf("building a %s record: %w", typ, err)
	}
	return rec, nil
}
