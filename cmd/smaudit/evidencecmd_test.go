package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDemoEvidenceBundle runs `smaudit demo --evidence` with tokens, as
// a user who keeps evidence would, and checks the bundle: `smaudit
// evidence verify` passes it, no credential is in it, results.json cites
// records and otherwise says what the same demo without --evidence says,
// and after one byte of a record's body is changed verify fails, naming
// the file and the record.
func TestDemoEvidenceBundle(t *testing.T) {
	dir := t.TempDir()
	for k, v := range demoSecrets {
		t.Setenv(k, v)
	}
	code, _, stderr := runDemoInto(t, dir, "--evidence")
	if code != exitFail {
		t.Fatalf("demo --evidence: exit %d, want %d\n%s", code, exitFail, stderr)
	}
	if !strings.Contains(stderr, "evidence: 4 WARC files in bevis") {
		t.Errorf("stderr does not say where the evidence is:\n%s", stderr)
	}

	out, errOut, code := runCmd(t, "evidence", "verify", dir)
	if code != exitOK || !strings.Contains(out, "holds") {
		t.Fatalf("evidence verify: exit %d\n%s%s", code, out, errOut)
	}

	files, err := filepath.Glob(filepath.Join(dir, "bevis", "*.warc.gz"))
	if err != nil || len(files) != 4 {
		t.Fatalf("bundle files %v (%v); want one per administration", files, err)
	}
	echoed := regexp.MustCompile(`(?i)access_token=[^&"\s\\]*`)
	for _, f := range files {
		b := gunzip(t, f)
		for name, secret := range demoSecrets {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s carries %s", filepath.Base(f), name)
			}
		}
		for _, m := range echoed.FindAll(b, -1) {
			if string(m) != "access_token=REDACTED" {
				t.Errorf("%s carries %s", filepath.Base(f), m)
			}
		}
	}

	// With the records taken out, results.json says what the demo with
	// the same tokens and no --evidence says: keeping evidence changes
	// no verdict.
	plain, _, _, _ := tokenDemo(t)
	with := readJSON(t, filepath.Join(dir, "results.json"))
	cited := stripRecords(with)
	if cited == 0 {
		t.Fatal("results.json cites no record")
	}
	if a, b := mustJSON(t, with), mustJSON(t, readJSON(t, filepath.Join(plain, "results.json"))); a != b {
		t.Errorf("results.json with --evidence differs from the run without it beyond its records:\n%s", firstDiff(a, b))
	}

	// One byte of a response's body, in the Mastodon account's file.
	target := filepath.Join(dir, "bevis", "kulturforvaltningen.warc.gz")
	raw := gunzip(t, target)
	at := bytes.Index(raw, []byte("WARC-Type: response"))
	body := bytes.Index(raw[at:], []byte("\r\n\r\n"))           // end of the WARC header
	payload := bytes.Index(raw[at+body+4:], []byte("\r\n\r\n")) // end of the HTTP header
	pos := at + body + 4 + payload + 4 + 1
	raw[pos] ^= 0x01
	idAt := bytes.Index(raw[at:], []byte("WARC-Record-ID: <")) + at + len("WARC-Record-ID: <")
	id := string(raw[idAt : idAt+bytes.IndexByte(raw[idAt:], '>')])
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	if err := os.WriteFile(target, z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runCmd(t, "evidence", "verify", dir)
	if code != exitFail {
		t.Fatalf("evidence verify after a changed byte: exit %d, want %d\n%s%s", code, exitFail, out, errOut)
	}
	if want := "bevis/kulturforvaltningen.warc.gz, record " + id + " at byte "; !strings.Contains(errOut, want) || !strings.Contains(errOut, "wrong digest") {
		t.Errorf("verify's messages do not name the file, the record and the digest:\n%s\nwant %q", errOut, want)
	}
	if !strings.Contains(out, "does NOT hold") {
		t.Errorf("verify's summary: %s", out)
	}
}

func TestEvidenceVerifyUsage(t *testing.T) {
	for _, args := range [][]string{{"evidence"}, {"evidence", "check", "x"}, {"evidence", "verify"}, {"evidence", "verify", "a", "b"}} {
		if _, _, code := runCmd(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	_, errOut, code := runCmd(t, "evidence", "verify", t.TempDir())
	if code != exitFail || !strings.Contains(errOut, "no evidence bundle") {
		t.Errorf("verify of a folder without a bundle: exit %d, %s", code, errOut)
	}
}

func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, nil, &out, &errb)
	return out.String(), errb.String(), code
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// stripRecords removes every "record" and "records" key from v and
// counts them.
func stripRecords(v any) int {
	n := 0
	switch x := v.(type) {
	case map[string]any:
		for _, k := range []string{"record", "records"} {
			if _, ok := x[k]; ok {
				delete(x, k)
				n++
			}
		}
		for _, c := range x {
			n += stripRecords(c)
		}
	case []any:
		for _, c := range x {
			n += stripRecords(c)
		}
	}
	return n
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-200, 0)
	return "with:    …" + a[from:min(i+200, len(a))] + "\nwithout: …" + b[from:min(i+200, len(b))]
}
