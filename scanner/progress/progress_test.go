package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

func TestTermText(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
	var buf bytes.Buffer
	acc := scanner.Account{Name: "Biblio\x1b[2Jteket \u202Eredro", PlatformName: "Mastodon\x07"}
	p := New(&buf, []scanner.Account{acc, acc})
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

// TestProgressEstimatesTimeLeftFromTheSlowestLane scans two lanes: blogs
// that go fast and X, rate-limited, that goes slowly. The estimate
// follows X, and appears only once every lane's pace is known.
func TestProgressEstimatesTimeLeftFromTheSlowestLane(t *testing.T) {
	t.Parallel()
	var accs []scanner.Account
	for i := 0; i < 4; i++ {
		accs = append(accs, scanner.Account{Name: "x", Platform: scanner.X, URL: "https://x.com/a"})
		accs = append(accs, scanner.Account{Name: "blogg", Platform: scanner.Web, URL: "https://blogg.example/"})
	}
	var buf bytes.Buffer
	start := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	p := New(&buf, accs)
	p.left.start = start
	at := func(d time.Duration) { p.now = func() time.Time { return start.Add(d) } }
	finish := func(acc scanner.Account) string {
		buf.Reset()
		p.Finished(scanner.Result{Account: acc, Status: scanner.FetchOK})
		return buf.String()
	}
	at(time.Minute)
	if out := finish(accs[1]); strings.Contains(out, "left") {
		t.Errorf("an estimate before X's pace is known: %s", out)
	}
	finish(accs[3])
	finish(accs[5])
	at(15 * time.Minute)
	// X: 1 done in 15 min, 3 left -> 45 min; the last blog is quicker.
	if out := finish(accs[0]); !strings.Contains(out, "about 45 min left") {
		t.Errorf("want about 45 min left, got %s", out)
	}
	buf.Reset()
	p.Wait("api.x.com", 14*time.Minute, "rate limit reset")
	if out := buf.String(); !strings.Contains(out, "waiting 14m0s for api.x.com: rate limit reset · about 45 min left") {
		t.Errorf("the wait line lacks what is waited for and the estimate: %s", out)
	}
	at(3 * time.Hour)
	// 1 done in 3 h, 3 left.
	if out := finish(accs[7]); !strings.Contains(out, "about 9 h 0 min left") {
		t.Errorf("want about 9 h 0 min left, got %s", out)
	}
}

func TestAboutDuration(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		20 * time.Second:              "under a minute",
		90 * time.Second:              "2 min",
		59 * time.Minute:              "59 min",
		2*time.Hour + 5*time.Minute:   "2 h 5 min",
		26*time.Hour + 59*time.Second: "26 h 1 min",
	} {
		if got := aboutDuration(d); got != want {
			t.Errorf("aboutDuration(%s) = %q, want %q", d, got, want)
		}
	}
}
