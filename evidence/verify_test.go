package evidence

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// bundle writes a small bundle of two pages for one account, with a
// results.json citing both, and returns the report folder and the
// citations.
func bundle(t *testing.T) (string, map[string]scanner.Citation) {
	t.Helper()
	return bundleIn(t, t.TempDir())
}

// bundleIn is bundle written into the report folder dir.
func bundleIn(t *testing.T, dir string) (string, map[string]scanner.Citation) {
	t.Helper()
	w, err := NewWriter(dir, Options{FileBase: slugs, Now: testClock()})
	if err != nil {
		t.Fatal(err)
	}
	acc := scanner.Account{Row: 2, Administration: "Kulturförvaltningen", URL: "https://mastodon.example/@kultur"}
	for _, p := range []struct{ url, body string }{
		{"https://mastodon.example/api/v1/accounts/lookup?acct=kultur", `{"id":"1","note":"Kulturförvaltningen i Stockholms stad"}`},
		{"https://mastodon.example/api/v1/accounts/1/statuses?limit=40", `[{"id":"2","content":"<p>Hej</p>"}]`},
	} {
		resp := &scanner.Response{URL: p.url, StatusCode: 200, Header: map[string][]string{"Content-Type": {"application/json"}}, Body: []byte(p.body)}
		f := scanner.RecordingFetcher(fixedFetcher{resp}, w)
		a := scanner.Recording(map[scanner.Platform]scanner.Adapter{scanner.Mastodon: fetchOnce{f, scanner.Request{URL: p.url}}})[scanner.Mastodon]
		if _, err := a.Fetch(context.Background(), acc, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	cites := w.Citations(acc)
	writeResults(t, dir, cites)
	return dir, cites
}

// members splits a per-record gzip file into its records, decompressed.
func members(t *testing.T, raw []byte) [][]byte {
	t.Helper()
	br := bufio.NewReader(bytes.NewReader(raw))
	zr, err := gzip.NewReader(br)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for {
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
		if err := zr.Reset(br); errors.Is(err, io.EOF) {
			return out
		} else if err != nil {
			t.Fatal(err)
		}
	}
}

// pack compresses records as one gzip member each, as the Writer does.
func pack(t *testing.T, recs [][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range recs {
		zw := gzip.NewWriter(&buf)
		if _, err := zw.Write(r); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// flipPayloadByte changes one byte of the body of the first response
// record in the bundle file whose body contains marker: decompressed,
// changed, compressed again, so the file stays readable and only the
// digests can tell. It returns the record's id.
func flipPayloadByte(t *testing.T, path, marker string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs := members(t, raw)
	for i, r := range recs {
		if !bytes.Contains(r, []byte("WARC-Type: response")) {
			continue
		}
		// The record's block starts after the WARC header; the HTTP
		// body after the HTTP header.
		_, block, _ := bytes.Cut(r, []byte("\r\n\r\n"))
		_, body, _ := bytes.Cut(block, []byte("\r\n\r\n"))
		at := bytes.Index(body, []byte(marker))
		if at < 0 {
			continue
		}
		pos := len(r) - len(body) + at
		recs[i][pos] ^= 0x01
		if err := os.WriteFile(path, pack(t, recs), 0o644); err != nil {
			t.Fatal(err)
		}
		id := r[bytes.Index(r, []byte("WARC-Record-ID: <"))+len("WARC-Record-ID: <"):]
		return string(id[:bytes.IndexByte(id, '>')])
	}
	t.Fatalf("%s: no response record's body holds %q", path, marker)
	return ""
}

func TestVerifyPassesAnIntactBundle(t *testing.T) {
	dir, cites := bundle(t)
	c, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	// warcinfo + a request and a response per page.
	if !c.OK() || c.Records != 5 || c.Citations != len(cites) || len(c.Files) != 1 {
		t.Errorf("Verify = %+v; want 1 file, 5 records, %d citations, no problems", c, len(cites))
	}
}

func TestVerifyFailsOnOneChangedByte(t *testing.T) {
	dir, _ := bundle(t)
	file := Folder + "/kulturförvaltningen" + Ext
	id := flipPayloadByte(t, filepath.Join(dir, filepath.FromSlash(file)), "Stockholms stad")
	c, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.OK() {
		t.Fatal("Verify passed a bundle with a changed byte")
	}
	var block, payload bool
	for _, p := range c.Problems {
		if p.File != file || p.Record != id {
			t.Errorf("problem names %s, record %s; want %s, record %s: %s", p.File, p.Record, file, id, p)
		}
		block = block || strings.Contains(p.Message, "block: wrong digest")
		payload = payload || strings.Contains(p.Message, "payload: wrong digest")
	}
	if !block || !payload {
		t.Errorf("problems %v; want the block and the payload digest named", c.Problems)
	}
	if s := c.Problems[0].String(); !strings.HasPrefix(s, file+", record "+id+" at byte ") {
		t.Errorf("problem reads %q; want it to start with the file, the record and its offset", s)
	}
}

func TestVerifyFailsOnABrokenFile(t *testing.T) {
	dir, _ := bundle(t)
	path := filepath.Join(dir, Folder, "kulturförvaltningen"+Ext)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// One byte of the compressed stream: gzip's checksum or the
	// decompressor finds it, and nothing after it can be read.
	raw[len(raw)/2] ^= 0xff
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.OK() {
		t.Fatal("Verify passed a file with a changed compressed byte")
	}
	var named bool
	for _, p := range c.Problems {
		named = named || p.File == Folder+"/kulturförvaltningen"+Ext && strings.Contains(p.Message, "unreadable")
	}
	if !named {
		t.Errorf("problems %v; want the file named as unreadable", c.Problems)
	}
}

// TestVerifyReadsAWholeFileGzip checks a file compressed as one stream
// rather than record by record: every record is still read and checked,
// none passed over.
func TestVerifyReadsAWholeFileGzip(t *testing.T) {
	dir, _ := bundle(t)
	path := filepath.Join(dir, Folder, "kulturförvaltningen"+Ext)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pack(t, [][]byte{bytes.Join(members(t, raw), nil)}), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := Verify(dir); err != nil || !c.OK() || c.Records != 5 {
		t.Errorf("Verify = %+v, %v; want 5 records, no problems", c, err)
	}
	flipPayloadByte(t, path, "Hej")
	if c, err := Verify(dir); err != nil || c.OK() {
		t.Errorf("Verify = %+v, %v; want the changed record found", c, err)
	}
}

func TestVerifyFailsOnAMissingCitation(t *testing.T) {
	dir, cites := bundle(t)
	cites["https://mastodon.example/@kultur/3"] = scanner.Citation{File: Folder + "/kulturförvaltningen" + Ext, RecordID: "urn:uuid:00000000-0000-4000-8000-000000000000"}
	cites["https://mastodon.example/@kultur/4"] = scanner.Citation{File: Folder + "/annan" + Ext, RecordID: "urn:uuid:00000000-0000-4000-8000-000000000001"}
	writeResults(t, dir, cites)
	c, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, p := range c.Problems {
		text = append(text, p.String())
	}
	got := strings.Join(text, "\n")
	for _, want := range []string{
		`results.json, record urn:uuid:00000000-0000-4000-8000-000000000000: account "Konto" (registry row 2), finding account-exists, evidence`,
		"cites a response record that bevis/kulturförvaltningen.warc.gz does not hold",
		"cites file bevis/annan.warc.gz, which is not in the bundle",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant %q", got, want)
		}
	}
	if len(c.Problems) != 2 {
		t.Errorf("%d problems, want 2:\n%s", len(c.Problems), got)
	}
}

func TestVerifyWithoutBundle(t *testing.T) {
	_, err := Verify(t.TempDir())
	if !errors.Is(err, ErrNoBundle) {
		t.Errorf("Verify of an empty folder: %v, want ErrNoBundle", err)
	}
}

func TestVerifyNamesAnUnfinishedFile(t *testing.T) {
	dir, _ := bundle(t)
	if err := os.WriteFile(filepath.Join(dir, Folder, "x"+Ext+openSuffix), []byte("WARC/1.1\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.OK() || !strings.Contains(c.Problems[0].String(), "unfinished file") {
		t.Errorf("problems %v; want the unfinished file named", c.Problems)
	}
}

// TestVerifyNamesAFileNobodyCites finds a bundle file that results.json
// does not cite, as after a rerun into the same folder without
// --evidence, or a file left from an administration that has gone.
func TestVerifyNamesAFileNobodyCites(t *testing.T) {
	dir, _ := bundle(t)
	writeResults(t, dir, nil)
	c, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 || c.Problems[0].File != Folder+"/kulturförvaltningen"+Ext || !strings.Contains(c.Problems[0].Message, "cites no record of this file") {
		t.Errorf("problems %v; want the uncited file named", c.Problems)
	}
}
