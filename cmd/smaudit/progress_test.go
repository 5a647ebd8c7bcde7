package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

func TestTermText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kulturförvaltningen", "Kulturförvaltningen"},
		{"\x1b[31mröd\x1b[0m", "[31mröd[0m"},
		{"titel\x1b]0;pwned\x07", "titel]0;pwned"},
		{"\u009b2Jcsi", "2Jcsi"},
		{"abc\u202Egpj.exe", "abcgpj.exe"},
		{"\u2066isolerad\u2069 \u200Fmark", "isolerad mark"},
		{"rad1\nrad2\ttab\r", "rad1 rad2 tab "},
		{"trasig \xff utf-8", "trasig \uFFFD utf-8"},
		{"del\x7f", "del"},
	}
	for _, tt := range tests {
		if got := termText(tt.in); got != tt.want {
			t.Errorf("termText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProgressPrintsNoControlCharacters(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 2)
	acc := scanner.Account{Name: "Biblio\x1b[2Jteket \u202Eredro", PlatformName: "Mastodon\x07"}
	p.Started(acc)
	p.Finished(scanner.Result{Account: acc, Status: scanner.FetchFailed, Err: &scanner.FetchError{
		Kind: scanner.ErrHTTPStatus, StatusCode: 503, Detail: "Service \x1b]8;;http://evil.example\x1b\\Unavailable",
	}})
	p.Wait("blogg.example\x1b[1A", 2*time.Second, "backoff after timeout")
	p.DeadHosts([]crawl.DeadHost{{Host: "tyst.example", Kind: scanner.ErrTimeout, Reason: "no complete answer in time\x1b[K", Skipped: 9}}, map[string]int{"tyst.example": 4})
	p.Close()
	out := buf.String()
	for _, bad := range []string{"\x1b", "\x07", "\u202E", "\u009b"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%q", bad, out)
		}
	}
	for _, want := range []string{
		"Biblio[2Jteket redro (Mastodon)",
		"waiting 2s for blogg.example[1A: backoff after timeout",
		"host tyst.example did not answer (timeout: no complete answer in time[K); 4 accounts on it were skipped without asking again",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
